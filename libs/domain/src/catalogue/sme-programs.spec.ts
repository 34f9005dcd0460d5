/** ものづくり補助金 and 持続化補助金: every cell of programs.md §3 and §4, hand-computed. */
import type { QuoteApplicant } from '../quote';
import { quoteSingle } from './__tests__/quote-helpers';

const MONO = 'monozukuri.r3-sup';
const JIZOKU = 'sustainability.r3-sup';

interface Row {
  rule: string;
  category: string;
  applicant: QuoteApplicant;
  expenses: number;
  amount: number;
}

const sme = (employeeCount: number, extra: QuoteApplicant = {}): QuoteApplicant => ({ sizeClass: 'sme', employeeCount, ...extra });

describe('ものづくり補助金: caps by employees (≤5 / 6–20 / 21+)', () => {
  // 1億 of expenses is far above every cap at 1/2 or 2/3
  it.each<Row>([
    { rule: '通常枠 ≤5人 750万 (5人)', category: 'monozukuri.standard', applicant: sme(5), expenses: 100_000_000, amount: 7_500_000 },
    { rule: '通常枠 6–20人 1,000万 (6人)', category: 'monozukuri.standard', applicant: sme(6), expenses: 100_000_000, amount: 10_000_000 },
    { rule: '通常枠 6–20人 1,000万 (20人)', category: 'monozukuri.standard', applicant: sme(20), expenses: 100_000_000, amount: 10_000_000 },
    { rule: '通常枠 21人以上 1,250万 (21人)', category: 'monozukuri.standard', applicant: sme(21), expenses: 100_000_000, amount: 12_500_000 },
    { rule: '回復型賃上げ・雇用拡大枠 ≤5人 750万', category: 'monozukuri.recoveryWageIncrease', applicant: sme(5), expenses: 100_000_000, amount: 7_500_000 },
    {
      rule: '回復型賃上げ・雇用拡大枠 6–20人 1,000万 (6人)',
      category: 'monozukuri.recoveryWageIncrease',
      applicant: sme(6),
      expenses: 100_000_000,
      amount: 10_000_000,
    },
    {
      rule: '回復型賃上げ・雇用拡大枠 6–20人 1,000万 (20人)',
      category: 'monozukuri.recoveryWageIncrease',
      applicant: sme(20),
      expenses: 100_000_000,
      amount: 10_000_000,
    },
    {
      rule: '回復型賃上げ・雇用拡大枠 21人以上 1,250万',
      category: 'monozukuri.recoveryWageIncrease',
      applicant: sme(21),
      expenses: 100_000_000,
      amount: 12_500_000,
    },
    { rule: 'デジタル枠 ≤5人 750万', category: 'monozukuri.digital', applicant: sme(5), expenses: 100_000_000, amount: 7_500_000 },
    { rule: 'デジタル枠 6–20人 1,000万 (6人)', category: 'monozukuri.digital', applicant: sme(6), expenses: 100_000_000, amount: 10_000_000 },
    { rule: 'デジタル枠 6–20人 1,000万 (20人)', category: 'monozukuri.digital', applicant: sme(20), expenses: 100_000_000, amount: 10_000_000 },
    { rule: 'デジタル枠 21人以上 1,250万', category: 'monozukuri.digital', applicant: sme(21), expenses: 100_000_000, amount: 12_500_000 },
    { rule: 'グリーン枠 ≤5人 1,000万', category: 'monozukuri.green', applicant: sme(5), expenses: 100_000_000, amount: 10_000_000 },
    { rule: 'グリーン枠 6–20人 1,500万 (6人)', category: 'monozukuri.green', applicant: sme(6), expenses: 100_000_000, amount: 15_000_000 },
    { rule: 'グリーン枠 6–20人 1,500万 (20人)', category: 'monozukuri.green', applicant: sme(20), expenses: 100_000_000, amount: 15_000_000 },
    { rule: 'グリーン枠 21人以上 2,000万', category: 'monozukuri.green', applicant: sme(21), expenses: 100_000_000, amount: 20_000_000 },
  ])('$rule', ({ category, applicant, expenses, amount }) => {
    const result = quoteSingle(MONO, category, applicant, expenses);
    expect(result).toMatchObject({ eligible: true, amount, cap: { amount, binding: true } });
  });
});

describe('ものづくり補助金: rates', () => {
  it.each<Row>([
    { rule: '通常枠 原則 1/2', category: 'monozukuri.standard', applicant: sme(10), expenses: 2_000_000, amount: 1_000_000 },
    {
      rule: '通常枠 小規模事業者 2/3',
      category: 'monozukuri.standard',
      applicant: { sizeClass: 'smallBusiness', employeeCount: 3 },
      expenses: 3_000_000,
      amount: 2_000_000,
    },
    { rule: '通常枠 再生事業者 2/3', category: 'monozukuri.standard', applicant: sme(10, { inRehabilitation: true }), expenses: 3_000_000, amount: 2_000_000 },
    {
      rule: '通常枠 a loss-making 中小 stays at 1/2',
      category: 'monozukuri.standard',
      applicant: sme(10, { lossMaking: true }),
      expenses: 2_000_000,
      amount: 1_000_000,
    },
    {
      rule: '通常枠 特定事業者 (中堅, assumed) 1/2',
      category: 'monozukuri.standard',
      applicant: { sizeClass: 'midsize', employeeCount: 300 },
      expenses: 2_000_000,
      amount: 1_000_000,
    },
    {
      rule: '回復型賃上げ・雇用拡大枠 2/3',
      category: 'monozukuri.recoveryWageIncrease',
      applicant: sme(10, { lossMaking: true }),
      expenses: 3_000_000,
      amount: 2_000_000,
    },
    { rule: 'デジタル枠 2/3', category: 'monozukuri.digital', applicant: sme(10), expenses: 3_000_000, amount: 2_000_000 },
    { rule: 'グリーン枠 2/3', category: 'monozukuri.green', applicant: sme(10), expenses: 3_000_000, amount: 2_000_000 },
    {
      rule: 'truncation: デジタル枠 2/3 × 1,000,001 = 666,667.33 → 666,667',
      category: 'monozukuri.digital',
      applicant: sme(10),
      expenses: 1_000_001,
      amount: 666_667,
    },
    {
      rule: 'truncation: 通常枠 1/2 × 1,000,001 = 500,000.5 → 500,000',
      category: 'monozukuri.standard',
      applicant: sme(10),
      expenses: 1_000_001,
      amount: 500_000,
    },
    { rule: 'no floor is set: 1/2 × 10,000 = 5,000 is eligible', category: 'monozukuri.standard', applicant: sme(10), expenses: 10_000, amount: 5_000 },
  ])('$rule', ({ category, applicant, expenses, amount }) => {
    expect(quoteSingle(MONO, category, applicant, expenses)).toMatchObject({ eligible: true, amount, floor: null });
  });

  it('a large company is not admitted', () => {
    const result = quoteSingle(MONO, 'monozukuri.standard', { sizeClass: 'large', employeeCount: 1000 }, 2_000_000);
    expect(result).toMatchObject({ eligible: false, amount: 0, ineligibility: [{ code: 'sizeClassNotAdmitted' }] });
  });
});

describe('持続化補助金: caps and rates (小規模事業者 only)', () => {
  const small = (extra: QuoteApplicant = {}): QuoteApplicant => ({ sizeClass: 'smallBusiness', employeeCount: 3, ...extra });
  it.each<Row>([
    { rule: '通常枠 cap 50万 (3,000,000 × 2/3 = 2,000,000)', category: 'sustainability.standard', applicant: small(), expenses: 3_000_000, amount: 500_000 },
    { rule: '通常枠 2/3', category: 'sustainability.standard', applicant: small(), expenses: 600_000, amount: 400_000 },
    { rule: '通常枠 exactly at the cap (750,000 × 2/3)', category: 'sustainability.standard', applicant: small(), expenses: 750_000, amount: 500_000 },
    { rule: '成長・分配強化枠 cap 200万', category: 'sustainability.growthDistribution', applicant: small(), expenses: 4_000_000, amount: 2_000_000 },
    { rule: '成長・分配強化枠 2/3', category: 'sustainability.growthDistribution', applicant: small(), expenses: 1_500_000, amount: 1_000_000 },
    {
      rule: '成長・分配強化枠 赤字事業者 3/4',
      category: 'sustainability.growthDistribution',
      applicant: small({ lossMaking: true }),
      expenses: 1_500_000,
      amount: 1_125_000,
    },
    {
      rule: '成長・分配強化枠 赤字事業者 cap 200万 (3,000,000 × 3/4 = 2,250,000)',
      category: 'sustainability.growthDistribution',
      applicant: small({ lossMaking: true }),
      expenses: 3_000_000,
      amount: 2_000_000,
    },
    { rule: '新陳代謝枠 cap 200万', category: 'sustainability.renewal', applicant: small(), expenses: 4_000_000, amount: 2_000_000 },
    {
      rule: '新陳代謝枠 2/3 (a loss-making applicant stays at 2/3)',
      category: 'sustainability.renewal',
      applicant: small({ lossMaking: true }),
      expenses: 1_500_000,
      amount: 1_000_000,
    },
    { rule: 'インボイス枠 cap 100万', category: 'sustainability.invoice', applicant: small(), expenses: 3_000_000, amount: 1_000_000 },
    { rule: 'インボイス枠 2/3', category: 'sustainability.invoice', applicant: small(), expenses: 900_000, amount: 600_000 },
    { rule: 'truncation: 2/3 × 100,001 = 66,667.33 → 66,667', category: 'sustainability.standard', applicant: small(), expenses: 100_001, amount: 66_667 },
  ])('$rule', ({ category, applicant, expenses, amount }) => {
    expect(quoteSingle(JIZOKU, category, applicant, expenses, 'publicity')).toMatchObject({ eligible: true, amount, problems: [] });
  });

  it.each([
    { rule: '通常枠 refuses a 中小企業 that is not 小規模', category: 'sustainability.standard', sizeClass: 'sme' as const, label: '中小企業' },
    { rule: 'インボイス枠 refuses a 中堅企業', category: 'sustainability.invoice', sizeClass: 'midsize' as const, label: '中堅企業' },
  ])('$rule', ({ category, sizeClass, label }) => {
    const result = quoteSingle(JIZOKU, category, { sizeClass, employeeCount: 30 }, 600_000, 'publicity');
    expect(result).toMatchObject({ eligible: false, amount: 0, problems: [] });
    expect(result.ineligibility).toEqual([
      { code: 'sizeClassNotAdmitted', message: expect.stringContaining(`対象は 小規模事業者 です。申請者の規模区分（${label}）は対象外です`) },
    ]);
  });
});
