/** quote(): bad input as problems, excluded lines, size-class admission, explanation lines. */
import type { CategoryConfig } from '../category';
import { subsidyCategory } from '../catalogue/__tests__/quote-helpers';
import { quote } from './quote';
import type { QuoteApplicant } from './quote.types';

const STANDARD = subsidyCategory('restructuring.r3-sup', 'restructuring.standard');
const GREEN = subsidyCategory('restructuring.r3-sup', 'restructuring.greenGrowth');
const sme: QuoteApplicant = { kind: 'corporation', sizeClass: 'sme', employeeCount: 10 };

describe('quote: bad input becomes problems naming the field, never exceptions', () => {
  it.each<[string, QuoteApplicant, unknown, { code: string; field: string }[]]>([
    ['expenses that are not a list', sme, 'lots', [{ code: 'invalidExpenses', field: 'expenses' }]],
    ['a line that is not an object', sme, [null], [{ code: 'invalidExpenseLine', field: 'expenses[0]' }]],
    ['a negative amount', sme, [{ expenseType: 'machinery', amount: -1 }], [{ code: 'invalidAmount', field: 'expenses[0].amount' }]],
    ['a fractional amount', sme, [{ expenseType: 'machinery', amount: 1000.5 }], [{ code: 'invalidAmount', field: 'expenses[0].amount' }]],
    ['an amount given as a string', sme, [{ expenseType: 'machinery', amount: '1000' }], [{ code: 'invalidAmount', field: 'expenses[0].amount' }]],
    ['an amount beyond safe integers', sme, [{ expenseType: 'machinery', amount: 2 ** 53 }], [{ code: 'invalidAmount', field: 'expenses[0].amount' }]],
    ['a missing expense type', sme, [{ amount: 1000 }], [{ code: 'missingExpenseType', field: 'expenses[0].expenseType' }]],
    [
      'an expense type the category does not know',
      sme,
      [{ expenseType: 'entertainment', amount: 1000 }],
      [{ code: 'unknownExpenseType', field: 'expenses[0].expenseType' }],
    ],
    [
      'flags that are not a list',
      sme,
      [{ expenseType: 'machinery', amount: 1000, flags: 'generalPurpose' }],
      [{ code: 'invalidFlags', field: 'expenses[0].flags' }],
    ],
    [
      'an unknown flag (a typo must not keep an excluded line)',
      sme,
      [{ expenseType: 'machinery', amount: 1000, flags: ['generalPurpse'] }],
      [{ code: 'unknownFlag', field: 'expenses[0].flags[0]' }],
    ],
    [
      'the second line is named by its index',
      sme,
      [
        { expenseType: 'machinery', amount: 1000 },
        { expenseType: 'machinery', amount: -5 },
      ],
      [{ code: 'invalidAmount', field: 'expenses[1].amount' }],
    ],
    [
      'every bad line is reported at once',
      sme,
      [
        { expenseType: 'machinery', amount: -5 },
        { expenseType: 'x', amount: 5 },
      ],
      [
        { code: 'invalidAmount', field: 'expenses[0].amount' },
        { code: 'unknownExpenseType', field: 'expenses[1].expenseType' },
      ],
    ],
    [
      'a missing employee count where the cap needs it',
      { sizeClass: 'sme' },
      [{ expenseType: 'machinery', amount: 3_000_000 }],
      [{ code: 'missingEmployeeCount', field: 'applicant.employeeCount' }],
    ],
    [
      'a negative employee count',
      { sizeClass: 'sme', employeeCount: -1 },
      [{ expenseType: 'machinery', amount: 3_000_000 }],
      [{ code: 'missingEmployeeCount', field: 'applicant.employeeCount' }],
    ],
    [
      'a fractional employee count',
      { sizeClass: 'sme', employeeCount: 20.5 },
      [{ expenseType: 'machinery', amount: 3_000_000 }],
      [{ code: 'missingEmployeeCount', field: 'applicant.employeeCount' }],
    ],
    [
      'a missing size class',
      { employeeCount: 10 },
      [{ expenseType: 'machinery', amount: 3_000_000 }],
      [{ code: 'missingSizeClass', field: 'applicant.sizeClass' }],
    ],
    [
      'an unknown size class',
      { sizeClass: 'huge' as never, employeeCount: 10 },
      [{ expenseType: 'machinery', amount: 3_000_000 }],
      [{ code: 'missingSizeClass', field: 'applicant.sizeClass' }],
    ],
  ])('%s', (_rule, applicant, expenses, expected) => {
    const result = quote(STANDARD, applicant, expenses as never);
    expect(result.problems.map((p) => ({ code: p.code, field: p.field }))).toEqual(expected);
    expect(result).toMatchObject({ eligible: false, amount: 0 });
    for (const p of result.problems) expect(p.message).toContain(p.field);
    expect(result.explanation.every((line) => line.startsWith('入力エラー: '))).toBe(true);
  });

  it('a cap that does not depend on employees does not need the employee count', () => {
    expect(quote(GREEN, { sizeClass: 'sme' }, [{ expenseType: 'machinery', amount: 3_000_000 }])).toMatchObject({ eligible: true, amount: 1_500_000 });
  });

  it('an invalid category configuration is a problem, not an exception', () => {
    const broken = { ...STANDARD, floor: 999_999_999 } as CategoryConfig;
    const result = quote(broken, sme, [{ expenseType: 'machinery', amount: 3_000_000 }]);
    expect(result.problems).toEqual([{ code: 'invalidCategoryConfig', field: 'category', message: expect.stringContaining('floor: 補助下限額') }]);
  });

  it('a configuration of the wrong shape is a problem too: a rate rule without its condition, an exclusion flag list that is an object', () => {
    const config = STANDARD as unknown as { pricing: { rates: object[] }; exclusions: object[] };
    const broken = [
      { ...config, pricing: { ...config.pricing, rates: config.pricing.rates.map((r) => ({ ...r, when: null })) } },
      { ...config, exclusions: [{ code: 'x', reason: 'y', flags: { length: 1 } }] },
    ];
    for (const category of broken) {
      const result = quote(category as unknown as CategoryConfig, sme, [{ expenseType: 'machinery', amount: 3_000_000 }]);
      expect(result.problems).toEqual([{ code: 'invalidCategoryConfig', field: 'category', message: expect.any(String) }]);
    }
  });
});

describe('quote: excluded lines are reported with a reason and left out of the total', () => {
  it.each([
    ['a vehicle expense type', { expenseType: 'vehicle', amount: 2_000_000, description: '社用車' }, '公道を走行する車両は補助対象外です'],
    [
      'an eligible type flagged as a public-road vehicle',
      { expenseType: 'machinery', amount: 2_000_000, flags: ['publicRoadVehicle'] },
      '公道を走行する車両は補助対象外です',
    ],
    ['a PC item', { expenseType: 'machinery', amount: 200_000, itemKind: 'pc' }, 'PC・スマートフォン等の汎用品は補助対象外です'],
    [
      'a line flagged as general-purpose',
      { expenseType: 'machinery', amount: 200_000, flags: ['generalPurpose'] },
      'PC・スマートフォン等の汎用品は補助対象外です',
    ],
  ])('%s', (_rule, excluded, reason) => {
    const result = quote(STANDARD, sme, [{ expenseType: 'machinery', amount: 3_000_000 }, excluded]);
    expect(result).toMatchObject({ eligible: true, amount: 2_000_000, eligibleExpenseTotal: 3_000_000, excludedLines: [{ index: 1, reason }] });
    expect(result.explanation).toContain(`経費明細 #2: 対象外（${reason}）`);
  });

  it('only excluded lines: amount 0, not eligible', () => {
    const result = quote(STANDARD, sme, [{ expenseType: 'vehicle', amount: 5_000_000 }]);
    expect(result).toMatchObject({
      eligible: false,
      amount: 0,
      eligibleExpenseTotal: 0,
      // the line and its reason, which the applicant can act on
      ineligibility: [{ code: 'zeroAmount', message: '補助対象経費がないため対象外です（経費明細 #1: 公道を走行する車両は補助対象外です）' }],
    });
  });
});

describe('quote: size classes a category does not admit', () => {
  it.each<[string, string, string, QuoteApplicant, string]>([
    [
      '持続化 for a 中小企業 that is not 小規模',
      'sustainability.r3-sup',
      'sustainability.standard',
      { sizeClass: 'sme', employeeCount: 30 },
      '通常枠 の対象は 小規模事業者 です。申請者の規模区分（中小企業）は対象外です',
    ],
    [
      '事業再構築 for a 大企業',
      'restructuring.r3-sup',
      'restructuring.standard',
      { sizeClass: 'large', employeeCount: 30 },
      '通常枠 の対象は 小規模事業者・中小企業・中堅企業 です。申請者の規模区分（大企業）は対象外です',
    ],
    [
      '卒業枠 (中小 only) for a 中堅企業',
      'restructuring.r2-sup3',
      'restructuring.graduation',
      { sizeClass: 'midsize', employeeCount: 30 },
      '卒業枠 の対象は 小規模事業者・中小企業 です。申請者の規模区分（中堅企業）は対象外です',
    ],
  ])('%s', (_rule, ruleSet, code, applicant, message) => {
    const result = quote(subsidyCategory(ruleSet, code), applicant, [
      { expenseType: ruleSet.startsWith('sustainability') ? 'publicity' : 'machinery', amount: 3_000_000 },
    ]);
    expect(result).toMatchObject({ eligible: false, amount: 0, problems: [], ineligibility: [{ code: 'sizeClassNotAdmitted', message }] });
    expect(result.explanation).toContain(`対象外: ${message}`);
  });
});

describe('quote: explanation a reviewer can read', () => {
  it('the digest example, line by line', () => {
    const result = quote(STANDARD, { sizeClass: 'sme', employeeCount: 101 }, [
      { expenseType: 'machinery', amount: 100_000_000 },
      { expenseType: 'building', amount: 50_000_000 },
      { expenseType: 'vehicle', amount: 4_000_000, description: '営業車' },
    ]);
    expect(result.explanation).toEqual([
      '通常枠',
      '経費明細 #3: 対象外（公道を走行する車両は補助対象外です）',
      '補助対象経費 合計 150,000,000円',
      '補助対象経費 90,000,000円 × 2/3 = 60,000,000円（中小企業、補助金額6,000万円までの部分）',
      '補助対象経費 60,000,000円 × 1/2 = 30,000,000円（中小企業、補助金額6,000万円を超える部分）',
      '計 90,000,000円',
      '上限 8,000万円 (従業員101人以上)',
      '上限を適用: 90,000,000円 → 80,000,000円',
      '補助下限額 100万円: 満たす',
      '補助金額（見込み） 80,000,000円',
    ]);
  });

  it('a single rate below the cap', () => {
    const result = quote(STANDARD, sme, [{ expenseType: 'machinery', amount: 15_000_000 }]);
    expect(result.explanation).toEqual([
      '通常枠',
      '補助対象経費 合計 15,000,000円',
      '補助対象経費 15,000,000円 × 2/3 = 10,000,000円（中小企業）',
      '上限 2,000万円 (従業員20人以下)',
      '補助下限額 100万円: 満たす',
      '補助金額（見込み） 10,000,000円',
    ]);
  });

  it('below the floor', () => {
    const result = quote(STANDARD, sme, [{ expenseType: 'machinery', amount: 1_499_999 }]);
    expect(result.explanation.slice(-3)).toEqual([
      '補助下限額 100万円: 満たさない',
      '対象外: 補助金額 999,999円 が補助下限額 100万円 に満たないため対象外です',
      '補助金額（見込み） 0円（対象外）',
    ]);
  });
});
