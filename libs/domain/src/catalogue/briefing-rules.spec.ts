/**
 * Rules the briefing states beyond caps and rates (docs/programs.md, "Requirements from the briefing"):
 * 大規模賃金引上枠's 101人以上, 最低賃金枠's 業況, グリーン成長枠's 付加価値額5.0%, the plan-share rule that
 * changed from 第5回, each as the catalogue declares it and as quoteWithEligibility judges it.
 */
import type { ApplicantProfile } from '../applicant';
import { describeRequirement, describeRequirementName, type RequirementClause, type SubsidyCategoryConfig } from '../category';
import { describeCategory, quote, quoteWithEligibility } from '../quote';
import { categoriesOfRound, findRound, findRoundCategory, findRuleSet } from './catalogue';
import { subsidyCategory } from './__tests__/quote-helpers';

const R3 = 'restructuring.r3-sup';
const hasClause = (config: SubsidyCategoryConfig, code: string) =>
  config.requirements.some((c: RequirementClause) => (typeof c === 'string' ? c === code : c.anyOf.includes(code as never)));
const advisor = { certifiedAdvisor: { name: '認定支援機関', id: 'ID-1' } };

/** monthly sales: 2019 and 2020 at 1,000万, then 600万 from 2021-10 (−40%) so every decline test holds */
const declining = (): ApplicantProfile['monthlySales'] => {
  const out: { month: string; amount: number }[] = [];
  for (let y = 2019; y <= 2022; y++)
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ month, amount: month >= '2020-04' ? 6_000_000 : 10_000_000 });
    }
  return out;
};
const flatSales = (): ApplicantProfile['monthlySales'] => declining()!.map((s) => ({ ...s, amount: 10_000_000 }));

describe('大規模賃金引上枠 keeps 従業員101人以上 (令和3年度補正 as 令和2年度第3次補正)', () => {
  it.each([
    ['令和3年度補正: 100人 is not admitted', R3, 100, false],
    ['令和3年度補正: 101人 is', R3, 101, true],
    ['令和2年度第3次補正 (第4回): 100人 is not admitted', 'restructuring.round4', 100, false],
    ['令和2年度第3次補正 (第5回): 101人 is', 'restructuring.round5', 101, true],
  ])('%s', (_rule, where, employeeCount, admitted) => {
    const config = (
      where.startsWith('restructuring.round')
        ? findRoundCategory(where, 'restructuring.largeWageIncrease')
        : subsidyCategory(where, 'restructuring.largeWageIncrease')
    ) as SubsidyCategoryConfig;
    expect(hasClause(config, 'employees101plus')).toBe(true);
    const { quote, eligibility } = quoteWithEligibility(
      config,
      { kind: 'corporation', sizeClass: 'sme', employeeCount, monthlySales: declining() },
      [{ expenseType: 'machinery', amount: 30_000_000 }],
      advisor,
    );
    expect(quote.eligible).toBe(admitted);
    expect(eligibility.failures.some((f) => f.requirement === 'employees101plus')).toBe(!admitted);
  });
});

describe('最低賃金枠: its 業況 condition and its 最低賃金 share', () => {
  it('令和3年度補正: the 30% decline of any month since 2021-10 is required (without 回復・再生応援枠’s 再生計画 alternative)', () => {
    const config = subsidyCategory(R3, 'restructuring.minimumWage');
    expect(config.requirements).toContain('minimumWageSalesDecline30pct');
    expect(config.requirements).toContain('minimumWageEmployees');
    const applicant = (monthlySales: ApplicantProfile['monthlySales']): ApplicantProfile => ({
      kind: 'corporation',
      sizeClass: 'sme',
      employeeCount: 10,
      inRehabilitation: true,
      monthlySales,
    });
    const lines = [{ expenseType: 'machinery', amount: 6_000_000 }];
    const failing = quoteWithEligibility(config, applicant(flatSales()), lines, advisor).eligibility;
    expect(failing.failures.map((f) => f.requirement)).toContain('minimumWageSalesDecline30pct');
    const passing = quoteWithEligibility(config, applicant(declining()), lines, advisor).eligibility;
    expect(passing.failures).toEqual([]);
    // the share of employees paid near the minimum wage is checked by a person (要件確認)
    expect(passing.manual).toContain('minimumWageEmployees');
  });

  it('令和2年度第3次補正: the 緊急事態宣言 30% decline, declared', () => {
    for (const round of ['restructuring.round4', 'restructuring.round5']) {
      const config = findRoundCategory(round, 'restructuring.minimumWage') as SubsidyCategoryConfig;
      expect(config.requirements).toEqual(expect.arrayContaining(['emergencySalesDecline30pct', 'minimumWageEmployees']));
    }
  });

  it('names the share as the 公募要領 does', () => {
    expect(describeRequirement('minimumWageEmployees')).toBe(
      '2020年10月から2021年6月までの間で、3か月以上、最低賃金+30円以内で雇用している従業員が全従業員数の10%以上いること',
    );
  });
});

describe('グリーン成長枠: a plan aiming at 付加価値額 +5.0% a year', () => {
  it('is a declared requirement a person checks', () => {
    const config = subsidyCategory(R3, 'restructuring.greenGrowth');
    expect(config.requirements).toContain('addedValueGrowth5pct');
    const { eligibility } = quoteWithEligibility(
      config,
      { kind: 'corporation', sizeClass: 'sme', employeeCount: 10 },
      [{ expenseType: 'machinery', amount: 30_000_000 }],
      advisor,
    );
    expect(eligibility.manual).toContain('addedValueGrowth5pct');
    expect(describeRequirement('addedValueGrowth5pct')).toContain('年率平均5.0%以上');
  });
});

describe('the plan-share rule: 第4回 only 10% of total sales, from 第5回 also 15% of 付加価値額 or 10% of the division', () => {
  const shareOf = (config: SubsidyCategoryConfig) =>
    config.requirements
      .filter((c) => (typeof c === 'string' ? c : c.anyOf.join('|')).includes('newBusiness'))
      .map((c) => (typeof c === 'string' ? c : c.anyOf.join('|')));

  it('第4回 and 第5回 run on two versions of 令和2年度第3次補正', () => {
    expect(findRound('restructuring.round4')).toMatchObject({ ruleSetCode: 'restructuring.r2-sup3' });
    expect(findRound('restructuring.round4')?.ruleSetVersion ?? 1).toBe(1);
    expect(findRound('restructuring.round5')).toMatchObject({ ruleSetCode: 'restructuring.r2-sup3', ruleSetVersion: 2 });
    expect(findRuleSet('restructuring.r2-sup3', undefined, 1)?.version ?? 1).toBe(1);
    expect(findRuleSet('restructuring.r2-sup3')?.version).toBe(2);
  });

  it.each([
    ['第4回', 'restructuring.round4', ['newBusinessSalesShare10pct']],
    ['第5回', 'restructuring.round5', ['newBusinessSalesShare10pct|newBusinessAddedValueShare15pct|newBusinessDivisionSalesShare10pct']],
    ['第6回', 'restructuring.round6', ['newBusinessSalesShare10pct|newBusinessAddedValueShare15pct|newBusinessDivisionSalesShare10pct']],
  ])('%s: every 類型 declares it', (_round, round, expected) => {
    for (const config of categoriesOfRound(round)) expect([config.code, shareOf(config as SubsidyCategoryConfig)]).toEqual([config.code, expected]);
  });

  it('is declared (要件確認): the applicant’s alternatives are read as one requirement', () => {
    const config = findRoundCategory('restructuring.round5', 'restructuring.standard') as SubsidyCategoryConfig;
    const { eligibility } = quoteWithEligibility(
      config,
      { kind: 'corporation', sizeClass: 'sme', employeeCount: 10, monthlySales: declining() },
      [{ expenseType: 'machinery', amount: 30_000_000 }],
      advisor,
    );
    expect(eligibility.manual).toContain('newBusinessSalesShare10pct|newBusinessAddedValueShare15pct|newBusinessDivisionSalesShare10pct');
    expect(describeRequirement({ anyOf: ['newBusinessSalesShare10pct', 'newBusinessAddedValueShare15pct'] })).toBe(
      '事業再構築で新たに取り組む事業の売上高が、総売上高の10%以上となる事業計画であること 又は 事業再構築で新たに取り組む事業の付加価値額が、総付加価値額の15%以上となる事業計画であること',
    );
  });
});

describe('持続化補助金 低感染リスク型ビジネス枠 (令和2年度第3次補正): 上限100万円, 3/4, its rounds', () => {
  const LOW = 'sustainability.r2-sup3';
  const small = { kind: 'soleProprietor' as const, sizeClass: 'smallBusiness' as const, employeeCount: 3 };
  it.each([
    ['3/4 below the cap', [{ expenseType: 'machinery', amount: 800_000 }], 600_000],
    ['capped at 100万円', [{ expenseType: 'machinery', amount: 2_000_000 }], 1_000_000],
    [
      '感染防止対策費 at most 1/4 of the subsidy (450,000 + 150,000)',
      [
        { expenseType: 'machinery', amount: 600_000 },
        { expenseType: 'infectionPrevention', amount: 400_000 },
      ],
      600_000,
    ],
  ])('%s', (_rule, lines, amount) => {
    const { quote } = quoteWithEligibility(subsidyCategory(LOW, 'sustainability.lowInfectionRisk'), small, lines);
    expect(quote).toMatchObject({ eligible: true, amount });
  });

  it('admits 小規模事業者 only', () => {
    const { quote } = quoteWithEligibility(subsidyCategory(LOW, 'sustainability.lowInfectionRisk'), { ...small, sizeClass: 'sme' }, [
      { expenseType: 'machinery', amount: 800_000 },
    ]);
    expect(quote.eligible).toBe(false);
  });

  it('runs 第4回–第6回 by the 受付締切 the briefing lists', () => {
    const rounds = ['4', '5', '6'].map((n) => findRound(`sustainability.lowInfectionRisk.round${n}`));
    expect(rounds.map((r) => [r?.ruleSetCode, r?.name, r?.closesAt])).toEqual([
      ['sustainability.r2-sup3', '低感染リスク型ビジネス枠 第4回受付締切', '2021-11-10T17:00:00+09:00'],
      ['sustainability.r2-sup3', '低感染リスク型ビジネス枠 第5回受付締切', '2022-01-12T17:00:00+09:00'],
      ['sustainability.r2-sup3', '低感染リスク型ビジネス枠 第6回受付締切', '2022-03-09T17:00:00+09:00'],
    ]);
    expect(categoriesOfRound('sustainability.lowInfectionRisk.round6').map((c) => c.code)).toEqual(['sustainability.lowInfectionRisk']);
  });
});

describe('where the briefing says a rule is still being designed, the 類型 carries its caveat onto every quote', () => {
  it.each([
    ['IT導入 デジタル化基盤導入類型: the cap by number of functions', 'itIntroduction.r3-sup', 'itIntroduction.digitalBase', '機能数'],
    ['IT導入 複数社連携IT導入類型: 制度設計中', 'itIntroduction.r3-sup', 'itIntroduction.multiCompany', '制度設計中'],
    ['地域デジタルイノベーション: 調整中', 'regionalDigitalInnovation.r4', 'regionalDigitalInnovation.sme', '調整中'],
    ['地域デジタルイノベーション 非中小: 調整中', 'regionalDigitalInnovation.r4', 'regionalDigitalInnovation.nonSme', '調整中'],
    ['ものづくり 回復型: 赤字の要件は検討中', 'monozukuri.r3-sup', 'monozukuri.recoveryWageIncrease', '検討中'],
    ['ものづくり 通常枠: 再生事業者は検討中', 'monozukuri.r3-sup', 'monozukuri.standard', '検討中'],
    ['事業再構築 回復・再生応援枠: 再生計画は検討中', R3, 'restructuring.recovery', '検討中'],
  ])('%s', (_rule, ruleSet, code, word) => {
    const config = subsidyCategory(ruleSet, code);
    expect(config.caveat).toContain(word);
    expect(describeCategory(config).caveat).toBe(config.caveat);
  });

  it('the quote carries the caveat and says it in its explanation, right after the 類型', () => {
    const result = quote(subsidyCategory('itIntroduction.r3-sup', 'itIntroduction.digitalBase'), { kind: 'corporation', sizeClass: 'sme', employeeCount: 10 }, [
      { expenseType: 'software', amount: 1_000_000 },
    ]);
    expect(result.caveat).toContain('機能数');
    expect(result.explanation[1]).toBe(`注意（今後変更の可能性あり）: ${result.caveat}`);
  });

  it('a 類型 whose rules are settled has none', () => {
    const result = quote(subsidyCategory(R3, 'restructuring.standard'), { kind: 'corporation', sizeClass: 'sme', employeeCount: 10 }, [
      { expenseType: 'machinery', amount: 10_000_000 },
    ]);
    expect(result.caveat).toBeNull();
    expect(result.explanation.some((l) => l.startsWith('注意'))).toBe(false);
  });
});

describe('describeRequirementName: a requirement as the eligibility report names it', () => {
  it('reads an anyOf clause’s codes joined by | as 「A 又は B」, as the admin’s quote view lists manual requirements', () => {
    expect(describeRequirementName('newBusinessSalesShare10pct|newBusinessAddedValueShare15pct')).toBe(
      describeRequirement({ anyOf: ['newBusinessSalesShare10pct', 'newBusinessAddedValueShare15pct'] }),
    );
    expect(describeRequirementName('unknownCode')).toBe('unknownCode');
  });
});
