import { findCategory } from '../catalogue';
import { describeCategory } from './describe-category';

const summary = (ruleSet: string, code: string) => describeCategory(findCategory(ruleSet, code)!);

describe('describeCategory', () => {
  it.each([
    [
      '事業再構築 令和3年度補正 通常枠: four employee brackets, tiered rates, floor',
      summary('restructuring.r3-sup', 'restructuring.standard'),
      { cap: '従業員20人以下 2,000万円 / 従業員21～50人 4,000万円 / 従業員51～100人 6,000万円 / 従業員101人以上 8,000万円', floor: '100万円' },
    ],
    ['持続化 通常枠: a fixed cap, no floor', summary('sustainability.r3-sup', 'sustainability.standard'), { cap: '50万円', floor: null }],
  ])('%s', (_rule, actual, expected) => expect(actual).toMatchObject(expected));

  it('names the tier of the 通常枠 rates', () => {
    expect(summary('restructuring.r3-sup', 'restructuring.standard').rate).toContain('2/3（6,000万円超は1/2）');
  });

  it('describes the benefit by its formula', () => {
    expect(summary('recoveryBenefit.r3-sup', 'recoveryBenefit.benefit').rate).toBe('基準期間の売上高 − 対象月の売上高 × 5');
  });
});

describe('describeCategory words caps above 1億 as 億 and 万', () => {
  it('グリーン成長枠: 中堅企業 1億5,000万円', () => {
    expect(summary('restructuring.r3-sup', 'restructuring.greenGrowth').cap).toBe('小規模事業者・中小企業 1億円 / 中堅企業 1億5,000万円');
  });
});
