/**
 * 事業再構築補助金: every cell of the cap/rate tables of programs.md §2, each employee-bracket
 * boundary, both sides of each tier threshold and the floor. Expected values are computed by hand.
 */
import type { SizeClass } from '../applicant';
import { quoteSingle } from './__tests__/quote-helpers';

const R3 = 'restructuring.r3-sup';
const R2 = 'restructuring.r2-sup3';
const 億 = 100_000_000;

interface Row {
  rule: string;
  ruleSet: string;
  category: string;
  sizeClass: SizeClass;
  employees: number;
  expenses: number;
  amount: number;
}

const row = (rule: string, ruleSet: string, category: string, sizeClass: SizeClass, employees: number, expenses: number, amount: number): Row => ({
  rule,
  ruleSet,
  category,
  sizeClass,
  employees,
  expenses,
  amount,
});

describe('事業再構築 令和3年度補正 (第6回〜): caps', () => {
  // 中小 with 3億 of expenses: 9,000万 × 2/3 = 6,000万 + 2.1億 × 1/2 = 1.05億 → 1.65億 before the cap
  // 中堅 with 3億: 8,000万 × 1/2 = 4,000万 + 2.2億 × 1/3 = 73,333,333 → 113,333,333 before the cap
  it.each<Row>([
    row('通常枠 ≤20人 2,000万 (0人)', R3, 'restructuring.standard', 'sme', 0, 3 * 億, 20_000_000),
    row('通常枠 ≤20人 2,000万 (20人)', R3, 'restructuring.standard', 'sme', 20, 3 * 億, 20_000_000),
    row('通常枠 21–50人 4,000万 (21人)', R3, 'restructuring.standard', 'sme', 21, 3 * 億, 40_000_000),
    row('通常枠 21–50人 4,000万 (50人)', R3, 'restructuring.standard', 'sme', 50, 3 * 億, 40_000_000),
    row('通常枠 51–100人 6,000万 (51人)', R3, 'restructuring.standard', 'sme', 51, 3 * 億, 60_000_000),
    row('通常枠 51–100人 6,000万 (100人)', R3, 'restructuring.standard', 'sme', 100, 3 * 億, 60_000_000),
    row('通常枠 101人以上 8,000万 (101人)', R3, 'restructuring.standard', 'sme', 101, 3 * 億, 80_000_000),
    row('通常枠 101人以上 8,000万 (1,000人)', R3, 'restructuring.standard', 'sme', 1000, 3 * 億, 80_000_000),
    row('通常枠 中堅 ≤20人 2,000万', R3, 'restructuring.standard', 'midsize', 20, 3 * 億, 20_000_000),
    row('通常枠 中堅 21–50人 4,000万', R3, 'restructuring.standard', 'midsize', 50, 3 * 億, 40_000_000),
    row('通常枠 中堅 51–100人 6,000万', R3, 'restructuring.standard', 'midsize', 100, 3 * 億, 60_000_000),
    row('通常枠 中堅 101人以上 8,000万', R3, 'restructuring.standard', 'midsize', 101, 3 * 億, 80_000_000),
    row('大規模賃金引上枠 中小 1億', R3, 'restructuring.largeWageIncrease', 'sme', 150, 3 * 億, 100_000_000),
    row('大規模賃金引上枠 中堅 1億 (113,333,333 capped)', R3, 'restructuring.largeWageIncrease', 'midsize', 150, 3 * 億, 100_000_000),
    row('回復・再生応援枠 ≤5人 500万 (5人)', R3, 'restructuring.recovery', 'sme', 5, 1 * 億, 5_000_000),
    row('回復・再生応援枠 6–20人 1,000万 (6人)', R3, 'restructuring.recovery', 'sme', 6, 1 * 億, 10_000_000),
    row('回復・再生応援枠 6–20人 1,000万 (20人)', R3, 'restructuring.recovery', 'sme', 20, 1 * 億, 10_000_000),
    row('回復・再生応援枠 21人以上 1,500万 (21人)', R3, 'restructuring.recovery', 'sme', 21, 1 * 億, 15_000_000),
    row('回復・再生応援枠 中堅 21人以上 1,500万', R3, 'restructuring.recovery', 'midsize', 300, 1 * 億, 15_000_000),
    row('最低賃金枠 ≤5人 500万 (5人)', R3, 'restructuring.minimumWage', 'sme', 5, 1 * 億, 5_000_000),
    row('最低賃金枠 6–20人 1,000万 (6人)', R3, 'restructuring.minimumWage', 'sme', 6, 1 * 億, 10_000_000),
    row('最低賃金枠 6–20人 1,000万 (20人)', R3, 'restructuring.minimumWage', 'sme', 20, 1 * 億, 10_000_000),
    row('最低賃金枠 21人以上 1,500万 (21人)', R3, 'restructuring.minimumWage', 'sme', 21, 1 * 億, 15_000_000),
    row('グリーン成長枠 中小 1億 (3億 × 1/2 = 1.5億)', R3, 'restructuring.greenGrowth', 'sme', 10, 3 * 億, 100_000_000),
    row('グリーン成長枠 中堅 1.5億 (6億 × 1/3 = 2億)', R3, 'restructuring.greenGrowth', 'midsize', 10, 6 * 億, 150_000_000),
    row('グリーン成長枠 中堅 exactly at the cap (4.5億 × 1/3)', R3, 'restructuring.greenGrowth', 'midsize', 10, 4.5 * 億, 150_000_000),
    row('グリーン成長枠 中堅 one yen over the cap (450,000,003 × 1/3 = 150,000,001)', R3, 'restructuring.greenGrowth', 'midsize', 10, 450_000_003, 150_000_000),
  ])('$rule', ({ ruleSet, category, sizeClass, employees, expenses, amount }) => {
    const result = quoteSingle(ruleSet, category, { sizeClass, employeeCount: employees }, expenses);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ eligible: true, amount });
    expect(result.cap?.amount).toBe(amount);
  });

  it.each([
    { rule: 'a subsidy exactly at the cap does not bind it (4.5億 × 1/3 = 1.5億)', expenses: 450_000_000, binding: false },
    { rule: 'one yen over the cap binds it (450,000,003 × 1/3 = 150,000,001)', expenses: 450_000_003, binding: true },
  ])('$rule', ({ expenses, binding }) => {
    const result = quoteSingle(R3, 'restructuring.greenGrowth', { sizeClass: 'midsize', employeeCount: 10 }, expenses);
    expect(result.cap).toEqual({ amount: 150_000_000, reason: '中堅企業', binding });
  });
});

describe('事業再構築 令和3年度補正: rates (below every cap and tier)', () => {
  it.each<Row>([
    row('通常枠 中小 2/3', R3, 'restructuring.standard', 'sme', 10, 3_000_000, 2_000_000),
    row('通常枠 小規模事業者 counts as 中小 2/3', R3, 'restructuring.standard', 'smallBusiness', 3, 3_000_000, 2_000_000),
    row('通常枠 中堅 1/2', R3, 'restructuring.standard', 'midsize', 10, 3_000_000, 1_500_000),
    row('大規模賃金引上枠 中小 2/3 (as 通常枠)', R3, 'restructuring.largeWageIncrease', 'sme', 200, 3_000_000, 2_000_000),
    row('大規模賃金引上枠 中堅 1/2 (as 通常枠)', R3, 'restructuring.largeWageIncrease', 'midsize', 200, 3_000_000, 1_500_000),
    row('回復・再生応援枠 中小 3/4', R3, 'restructuring.recovery', 'sme', 10, 4_000_000, 3_000_000),
    row('回復・再生応援枠 中堅 2/3', R3, 'restructuring.recovery', 'midsize', 10, 3_000_000, 2_000_000),
    row('最低賃金枠 中小 3/4', R3, 'restructuring.minimumWage', 'sme', 10, 4_000_000, 3_000_000),
    row('最低賃金枠 中堅 2/3', R3, 'restructuring.minimumWage', 'midsize', 10, 3_000_000, 2_000_000),
    row('グリーン成長枠 中小 1/2', R3, 'restructuring.greenGrowth', 'sme', 10, 3_000_000, 1_500_000),
    row('グリーン成長枠 中堅 1/3', R3, 'restructuring.greenGrowth', 'midsize', 10, 3_000_000, 1_000_000),
    row('truncation: 回復 3/4 × 1,333,335 = 1,000,001.25 → 1,000,001', R3, 'restructuring.recovery', 'sme', 10, 1_333_335, 1_000_001),
    row('truncation: 通常枠 2/3 × 1,500,001 = 1,000,000.67 → 1,000,000', R3, 'restructuring.standard', 'sme', 10, 1_500_001, 1_000_000),
    row('truncation: グリーン 1/3 × 3,000,002 = 1,000,000.67 → 1,000,000', R3, 'restructuring.greenGrowth', 'midsize', 10, 3_000_002, 1_000_000),
  ])('$rule', ({ ruleSet, category, sizeClass, employees, expenses, amount }) => {
    const result = quoteSingle(ruleSet, category, { sizeClass, employeeCount: employees }, expenses);
    expect(result).toMatchObject({ eligible: true, amount, problems: [] });
    expect(result.cap?.binding).toBe(false);
  });
});

describe('事業再構築: tiers on the subsidy amount', () => {
  it.each<Row & { steps: [number, number][] }>([
    {
      ...row(
        'digest example: 中小 101人以上, 1.5億 → 6,000万 + 3,000万 = 9,000万 → 8,000万',
        R3,
        'restructuring.standard',
        'sme',
        101,
        150_000_000,
        80_000_000,
      ),
      steps: [
        [90_000_000, 60_000_000],
        [60_000_000, 30_000_000],
      ],
    },
    {
      ...row('中小: subsidy exactly 6,000万 (9,000万 × 2/3) stays in the 2/3 tier', R3, 'restructuring.standard', 'sme', 101, 90_000_000, 60_000_000),
      steps: [[90_000_000, 60_000_000]],
    },
    {
      ...row(
        '中小: one yen of subsidy over 6,000万 moves to 1/2 (90,000,003 → 60,000,001, flat 2/3 = 60,000,002)',
        R3,
        'restructuring.standard',
        'sme',
        101,
        90_000_003,
        60_000_001,
      ),
      steps: [
        [90_000_000, 60_000_000],
        [3, 1],
      ],
    },
    {
      ...row('中小: 1.2億 → 6,000万 + 3,000万 × 1/2 = 7,500万 (cap not reached)', R3, 'restructuring.standard', 'sme', 101, 120_000_000, 75_000_000),
      steps: [
        [90_000_000, 60_000_000],
        [30_000_000, 15_000_000],
      ],
    },
    {
      ...row('中堅: subsidy exactly 4,000万 (8,000万 × 1/2) stays in the 1/2 tier', R3, 'restructuring.standard', 'midsize', 101, 80_000_000, 40_000_000),
      steps: [[80_000_000, 40_000_000]],
    },
    {
      ...row(
        '中堅: over 4,000万 moves to 1/3 (80,000,006 → 40,000,002, flat 1/2 = 40,000,003)',
        R3,
        'restructuring.standard',
        'midsize',
        101,
        80_000_006,
        40_000_002,
      ),
      steps: [
        [80_000_000, 40_000_000],
        [6, 2],
      ],
    },
    {
      ...row('中堅: 1.5億 → 4,000万 + 7,000万 × 1/3 = 63,333,333 (truncated)', R3, 'restructuring.standard', 'midsize', 101, 150_000_000, 63_333_333),
      steps: [
        [80_000_000, 40_000_000],
        [70_000_000, 23_333_333],
      ],
    },
    {
      ...row('中堅: 2億 → 4,000万 + 4,000万 = 8,000万 = cap', R3, 'restructuring.standard', 'midsize', 101, 200_000_000, 80_000_000),
      steps: [
        [80_000_000, 40_000_000],
        [120_000_000, 40_000_000],
      ],
    },
    {
      ...row('大規模賃金引上枠 has the same tiers: 中小 1.2億 → 7,500万', R3, 'restructuring.largeWageIncrease', 'sme', 200, 120_000_000, 75_000_000),
      steps: [
        [90_000_000, 60_000_000],
        [30_000_000, 15_000_000],
      ],
    },
    {
      ...row('令和2年度第3次補正 通常枠 has the same tiers: 中小 1.2億 → 7,500万', R2, 'restructuring.standard', 'sme', 60, 120_000_000, 75_000_000),
      steps: [
        [90_000_000, 60_000_000],
        [30_000_000, 15_000_000],
      ],
    },
  ])('$rule', ({ ruleSet, category, sizeClass, employees, expenses, amount, steps }) => {
    const result = quoteSingle(ruleSet, category, { sizeClass, employeeCount: employees }, expenses);
    expect(result).toMatchObject({ eligible: true, amount });
    expect(result.parts[0].steps.map((s) => [s.expenses, s.amount])).toEqual(steps);
  });
});

describe('事業再構築: floor 100万 (not raised, not eligible below)', () => {
  it.each<Row & { eligible: boolean; computed: number }>([
    {
      ...row('just below: 1,499,999 × 2/3 = 999,999 → not eligible, amount 0', R3, 'restructuring.standard', 'sme', 10, 1_499_999, 0),
      eligible: false,
      computed: 999_999,
    },
    {
      ...row('at the floor: 1,500,000 × 2/3 = 1,000,000 → eligible', R3, 'restructuring.standard', 'sme', 10, 1_500_000, 1_000_000),
      eligible: true,
      computed: 1_000_000,
    },
    {
      ...row('中堅 1/3: 2,999,999 → 999,999 → not eligible', R3, 'restructuring.greenGrowth', 'midsize', 10, 2_999_999, 0),
      eligible: false,
      computed: 999_999,
    },
    {
      ...row('令和2年度第3次補正 also has the floor: 1,499,999 → not eligible', R2, 'restructuring.emergency', 'midsize', 10, 1_499_999, 0),
      eligible: false,
      computed: 999_999,
    },
  ])('$rule', ({ ruleSet, category, sizeClass, employees, expenses, amount, eligible, computed }) => {
    const result = quoteSingle(ruleSet, category, { sizeClass, employeeCount: employees }, expenses);
    // the floor says what the rules computed (what a 確定検査 below the floor still fixes)
    expect(result).toMatchObject({ eligible, amount, floor: { amount: 1_000_000, met: eligible, computed } });
    if (!eligible) expect(result.ineligibility.map((i) => i.code)).toEqual(['belowFloor']);
  });
});

describe('事業再構築 令和2年度第3次補正 (第4回・第5回)', () => {
  it.each<Row>([
    row('通常枠 ≤20人 4,000万 (20人)', R2, 'restructuring.standard', 'sme', 20, 3 * 億, 40_000_000),
    row('通常枠 21–50人 6,000万 (21人)', R2, 'restructuring.standard', 'sme', 21, 3 * 億, 60_000_000),
    row('通常枠 21–50人 6,000万 (50人)', R2, 'restructuring.standard', 'sme', 50, 3 * 億, 60_000_000),
    row('通常枠 51人以上 8,000万 (51人)', R2, 'restructuring.standard', 'sme', 51, 3 * 億, 80_000_000),
    row('通常枠 51人以上 8,000万 (101人)', R2, 'restructuring.standard', 'sme', 101, 3 * 億, 80_000_000),
    row('通常枠 中小 2/3', R2, 'restructuring.standard', 'sme', 10, 3_000_000, 2_000_000),
    row('通常枠 中堅 1/2', R2, 'restructuring.standard', 'midsize', 10, 3_000_000, 1_500_000),
    row('緊急事態宣言特別枠 ≤5人 500万', R2, 'restructuring.emergency', 'sme', 5, 1 * 億, 5_000_000),
    row('緊急事態宣言特別枠 6–20人 1,000万 (6人)', R2, 'restructuring.emergency', 'sme', 6, 1 * 億, 10_000_000),
    row('緊急事態宣言特別枠 6–20人 1,000万 (20人)', R2, 'restructuring.emergency', 'sme', 20, 1 * 億, 10_000_000),
    row('緊急事態宣言特別枠 21人以上 1,500万', R2, 'restructuring.emergency', 'sme', 21, 1 * 億, 15_000_000),
    row('緊急事態宣言特別枠 中小 3/4', R2, 'restructuring.emergency', 'sme', 10, 4_000_000, 3_000_000),
    row('緊急事態宣言特別枠 中堅 2/3', R2, 'restructuring.emergency', 'midsize', 10, 3_000_000, 2_000_000),
    row('最低賃金枠 ≤5人 500万', R2, 'restructuring.minimumWage', 'sme', 5, 1 * 億, 5_000_000),
    row('最低賃金枠 6–20人 1,000万', R2, 'restructuring.minimumWage', 'sme', 6, 1 * 億, 10_000_000),
    row('最低賃金枠 21人以上 1,500万', R2, 'restructuring.minimumWage', 'sme', 21, 1 * 億, 15_000_000),
    row('最低賃金枠 中小 3/4', R2, 'restructuring.minimumWage', 'sme', 10, 4_000_000, 3_000_000),
    row('最低賃金枠 中堅 2/3', R2, 'restructuring.minimumWage', 'midsize', 10, 3_000_000, 2_000_000),
    row('大規模賃金引上枠 1億 (101人)', R2, 'restructuring.largeWageIncrease', 'sme', 101, 3 * 億, 100_000_000),
    row('卒業枠 中小 1億', R2, 'restructuring.graduation', 'sme', 10, 3 * 億, 100_000_000),
    row('卒業枠 中小 2/3 (assumed)', R2, 'restructuring.graduation', 'sme', 10, 3_000_000, 2_000_000),
    row('グローバルV字回復枠 中堅 1億', R2, 'restructuring.globalVRecovery', 'midsize', 10, 3 * 億, 100_000_000),
    row('グローバルV字回復枠 中堅 1/2 (assumed)', R2, 'restructuring.globalVRecovery', 'midsize', 10, 3_000_000, 1_500_000),
  ])('$rule', ({ ruleSet, category, sizeClass, employees, expenses, amount }) => {
    expect(quoteSingle(ruleSet, category, { sizeClass, employeeCount: employees }, expenses)).toMatchObject({ eligible: true, amount, problems: [] });
  });

  it.each<{ rule: string; category: string; sizeClass: SizeClass; employees: number; code: string }>([
    {
      rule: '大規模賃金引上枠 is for 101人以上 only (100人)',
      category: 'restructuring.largeWageIncrease',
      sizeClass: 'sme',
      employees: 100,
      code: 'employeeCountNotAdmitted',
    },
    { rule: '卒業枠 admits 中小 only', category: 'restructuring.graduation', sizeClass: 'midsize', employees: 10, code: 'sizeClassNotAdmitted' },
    { rule: 'グローバルV字回復枠 admits 中堅 only', category: 'restructuring.globalVRecovery', sizeClass: 'sme', employees: 10, code: 'sizeClassNotAdmitted' },
    { rule: '通常枠 has no rate for a large company', category: 'restructuring.standard', sizeClass: 'large', employees: 10, code: 'sizeClassNotAdmitted' },
  ])('$rule', ({ category, sizeClass, employees, code }) => {
    const result = quoteSingle(R2, category, { sizeClass, employeeCount: employees }, 3 * 億);
    expect(result).toMatchObject({ eligible: false, amount: 0, problems: [] });
    expect(result.ineligibility.map((i) => i.code)).toEqual([code]);
  });
});
