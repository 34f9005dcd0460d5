import { validateCategoryConfig } from '../category';
import { REFERENCE_CATALOGUE, findRuleSet } from './catalogue';
import type { ReferenceCatalogue } from './catalogue.types';
import { validateCatalogue } from './validate-catalogue';

/** 再審査 in another 類型 (docs/reconsideration.md): the catalogue's reconsiderIn is the rule's one place. */
describe('reconsiderIn', () => {
  const reconsidered = (ruleSetCode: string) =>
    findRuleSet(ruleSetCode)!
      .categories.filter((c) => c.kind === 'subsidy' && c.reconsiderIn?.length)
      .map((c) => [c.code, c.kind === 'subsidy' ? c.reconsiderIn : []]);

  it.each([
    [
      '第4回・第5回: 緊急事態宣言特別枠, 最低賃金枠, 大規模賃金引上枠, 卒業枠, グローバルV字回復枠 → 通常枠',
      'restructuring.r2-sup3',
      ['emergency', 'minimumWage', 'largeWageIncrease', 'graduation', 'globalVRecovery'],
    ],
    [
      '第6回〜: 大規模賃金引上枠, 回復・再生応援枠, 最低賃金枠 → 通常枠 (not グリーン成長枠)',
      'restructuring.r3-sup',
      ['largeWageIncrease', 'recovery', 'minimumWage'],
    ],
  ])('%s', (_rule, ruleSetCode, codes) => {
    expect(reconsidered(ruleSetCode)).toEqual(codes.map((c) => [`restructuring.${c}`, ['restructuring.standard']]));
  });

  it('is offered by 事業再構築 only', () => {
    const others = REFERENCE_CATALOGUE.ruleSets.filter((r) => r.programCode !== 'restructuring').flatMap((r) => r.categories);
    expect(others.filter((c) => c.kind === 'subsidy' && c.reconsiderIn)).toEqual([]);
  });

  it('refuses a target outside the rule set and a 類型 naming itself', () => {
    const rs = findRuleSet('restructuring.r3-sup')!;
    const broken: ReferenceCatalogue = {
      ...REFERENCE_CATALOGUE,
      ruleSets: REFERENCE_CATALOGUE.ruleSets.map((r) =>
        r !== rs
          ? r
          : { ...r, categories: r.categories.map((c) => (c.code === 'restructuring.recovery' ? { ...c, reconsiderIn: ['restructuring.emergency'] } : c)) },
      ),
    };
    expect(validateCatalogue(broken).map((p) => p.message)).toEqual(['再審査先の類型 restructuring.emergency が予算 restructuring.r3-sup にありません']);
    const self = rs.categories.find((c) => c.code === 'restructuring.recovery')!;
    expect(validateCategoryConfig({ ...self, reconsiderIn: ['restructuring.recovery'] } as typeof self).map((p) => p.code)).toEqual(['selfReference']);
  });
});
