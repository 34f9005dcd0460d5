/** Regional DX programmes (programs.md §6) and the others (§1, §7), hand-computed. */
import type { QuoteApplicant } from '../quote';
import { quote } from '../quote';
import { findCategory } from './catalogue';
import { quoteLines, quoteSingle } from './__tests__/quote-helpers';

interface Row {
  rule: string;
  ruleSet: string;
  category: string;
  applicant: QuoteApplicant;
  expenses: number;
  amount: number;
}

const community: QuoteApplicant = { sizeClass: 'sme', employeeCount: 20 };

describe('地域DX促進活動支援事業, 地域・企業共生型ビジネス, 事業承継・引継ぎ: caps and rates', () => {
  it.each<Row>([
    {
      rule: 'DX促進 A類型 10/10 (15,000,000 → 15,000,000)',
      ruleSet: 'regionalDx.r4',
      category: 'regionalDx.typeA',
      applicant: community,
      expenses: 15_000_000,
      amount: 15_000_000,
    },
    {
      rule: 'DX促進 A類型 2,000万 per community',
      ruleSet: 'regionalDx.r4',
      category: 'regionalDx.typeA',
      applicant: community,
      expenses: 25_000_000,
      amount: 20_000_000,
    },
    { rule: 'DX促進 B類型 2,500万', ruleSet: 'regionalDx.r4', category: 'regionalDx.typeB', applicant: community, expenses: 40_000_000, amount: 25_000_000 },
    { rule: 'DX促進 C類型 3,000万', ruleSet: 'regionalDx.r4', category: 'regionalDx.typeC', applicant: community, expenses: 40_000_000, amount: 30_000_000 },
    {
      rule: 'DX促進 C類型 10/10 below the cap',
      ruleSet: 'regionalDx.r4',
      category: 'regionalDx.typeC',
      applicant: community,
      expenses: 29_999_999,
      amount: 29_999_999,
    },
    {
      rule: '共生型 通常型 2/3',
      ruleSet: 'regionalCoexistence.r4',
      category: 'regionalCoexistence.standard',
      applicant: community,
      expenses: 3_000_000,
      amount: 2_000_000,
    },
    {
      rule: '共生型 通常型 3,000万',
      ruleSet: 'regionalCoexistence.r4',
      category: 'regionalCoexistence.standard',
      applicant: community,
      expenses: 90_000_000,
      amount: 30_000_000,
    },
    {
      rule: '共生型 広域型 2/3',
      ruleSet: 'regionalCoexistence.r4',
      category: 'regionalCoexistence.wide',
      applicant: community,
      expenses: 3_000_000,
      amount: 2_000_000,
    },
    {
      rule: '共生型 広域型 4,000万',
      ruleSet: 'regionalCoexistence.r4',
      category: 'regionalCoexistence.wide',
      applicant: community,
      expenses: 90_000_000,
      amount: 40_000_000,
    },
    {
      rule: '共生型 さらなる広域型 1/2',
      ruleSet: 'regionalCoexistence.r4',
      category: 'regionalCoexistence.extraWide',
      applicant: community,
      expenses: 3_000_000,
      amount: 1_500_000,
    },
    {
      rule: '共生型 さらなる広域型 4,000万 (1億 × 1/2 = 5,000万)',
      ruleSet: 'regionalCoexistence.r4',
      category: 'regionalCoexistence.extraWide',
      applicant: community,
      expenses: 100_000_000,
      amount: 40_000_000,
    },
    {
      rule: '事業承継 経営革新 小規模 2/3 (assumed)',
      ruleSet: 'businessSuccession.r3-sup',
      category: 'businessSuccession.innovation',
      applicant: { sizeClass: 'smallBusiness', employeeCount: 3 },
      expenses: 3_000_000,
      amount: 2_000_000,
    },
    {
      rule: '事業承継 経営革新 中小 1/2 (assumed)',
      ruleSet: 'businessSuccession.r3-sup',
      category: 'businessSuccession.innovation',
      applicant: community,
      expenses: 3_000_000,
      amount: 1_500_000,
    },
    {
      rule: '事業承継 upper end of the range 600万',
      ruleSet: 'businessSuccession.r3-sup',
      category: 'businessSuccession.innovation',
      applicant: community,
      expenses: 20_000_000,
      amount: 6_000_000,
    },
    {
      rule: '事業承継 lower end of the range 150万 (廃業・再チャレンジ)',
      ruleSet: 'businessSuccession.r3-sup',
      category: 'businessSuccession.closure',
      applicant: community,
      expenses: 3_000_000,
      amount: 1_500_000,
    },
  ])('$rule', ({ ruleSet, category, applicant, expenses, amount }) => {
    expect(quoteSingle(ruleSet, category, applicant, expenses, 'personnel')).toMatchObject({ eligible: true, amount, problems: [] });
  });
});

describe('地域デジタルイノベーション: per-company cap, +10% of the cap per participating company for the lead', () => {
  const RS = 'regionalDigitalInnovation.r4';
  it.each<Row & { reason: string }>([
    {
      rule: '中小 group of 4: 1,500万 + 150万 × 3 = 1,950万 (3,000万 × 2/3 = 2,000万)',
      ruleSet: RS,
      category: 'regionalDigitalInnovation.sme',
      applicant: { sizeClass: 'sme', employeeCount: 30, participantCount: 4 },
      expenses: 30_000_000,
      amount: 19_500_000,
      reason: '1社あたり、1,500万円 + 1,500万円 × 10% × 連携企業3者',
    },
    {
      rule: '中小 2/3 below the cap',
      ruleSet: RS,
      category: 'regionalDigitalInnovation.sme',
      applicant: { sizeClass: 'sme', employeeCount: 30, participantCount: 4 },
      expenses: 3_000_000,
      amount: 2_000_000,
      reason: '1社あたり、1,500万円 + 1,500万円 × 10% × 連携企業3者',
    },
    {
      rule: '非中小 alone: 1,100万 (3,000万 × 1/2 = 1,500万)',
      ruleSet: RS,
      category: 'regionalDigitalInnovation.nonSme',
      applicant: { sizeClass: 'midsize', employeeCount: 400 },
      expenses: 30_000_000,
      amount: 11_000_000,
      reason: '1社あたり',
    },
    {
      rule: '非中小 group of 3: 1,100万 + 110万 × 2 = 1,320万',
      ruleSet: RS,
      category: 'regionalDigitalInnovation.nonSme',
      applicant: { sizeClass: 'large', employeeCount: 4000, participantCount: 3 },
      expenses: 30_000_000,
      amount: 13_200_000,
      reason: '1社あたり、1,100万円 + 1,100万円 × 10% × 連携企業2者',
    },
    {
      rule: '非中小 1/2 below the cap',
      ruleSet: RS,
      category: 'regionalDigitalInnovation.nonSme',
      applicant: { sizeClass: 'midsize', employeeCount: 400 },
      expenses: 3_000_001,
      amount: 1_500_000,
      reason: '1社あたり',
    },
  ])('$rule', ({ ruleSet, category, applicant, expenses, amount, reason }) => {
    const result = quoteSingle(ruleSet, category, applicant, expenses, 'personnel');
    expect(result).toMatchObject({ eligible: true, amount });
    expect(result.cap?.reason).toBe(reason);
  });

  it('a 中小 category refuses a 非中小 applicant', () => {
    const result = quoteSingle(RS, 'regionalDigitalInnovation.sme', { sizeClass: 'midsize', employeeCount: 400 }, 3_000_000, 'personnel');
    expect(result.ineligibility.map((i) => i.code)).toEqual(['sizeClassNotAdmitted']);
  });
});

describe('「共創型」: tool purchases at most half of the subsidy', () => {
  const RS = 'cocreationServiceIt.r4';
  it.each([
    {
      rule: 'tools within half: 600,000 + 1,500,000 → 2,100,000 × 2/3 = 1,400,000 (tools 400,000)',
      tools: 600_000,
      others: 1_500_000,
      amount: 1_400_000,
      allowed: 400_000,
    },
    {
      rule: 'tools above half are limited to the rest: tools 2,000,000 of subsidy → 1,000,000; total 2,000,000',
      tools: 3_000_000,
      others: 1_500_000,
      amount: 2_000_000,
      allowed: 1_000_000,
    },
    { rule: 'tools only: nothing else to match, the tool part is 0', tools: 3_000_000, others: 0, amount: 0, allowed: 0 },
  ])('$rule', ({ tools, others, amount, allowed }) => {
    const result = quoteLines(RS, 'cocreationServiceIt.standard', community, [
      { expenseType: 'toolPurchase', amount: tools },
      { expenseType: 'personnel', amount: others },
    ]);
    expect(result.amount).toBe(amount);
    expect(result.shareLimit?.allowedLimitedSubsidy).toBe(allowed);
    expect(result.cap).toBeNull();
  });
});

describe('categories that are not rate-based subsidies', () => {
  it.each([
    { rule: '事業復活支援金 is a benefit (computed in ../benefit)', ruleSet: 'recoveryBenefit.r3-sup', category: 'recoveryBenefit.benefit' },
    {
      rule: '現場研修プログラム候補の案件組成 is a contract',
      ruleSet: 'regionalDigitalTalent.r3-sup',
      category: 'regionalDigitalTalent.fieldTrainingFormation',
    },
  ])('$rule: quote refuses it with a problem, not an exception', ({ ruleSet, category }) => {
    const config = findCategory(ruleSet, category)!;
    const result = quote(config, community, [{ expenseType: 'personnel', amount: 1_000_000 }]);
    expect(result).toMatchObject({ eligible: false, amount: 0, problems: [{ code: 'notASubsidyCategory', field: 'category' }] });
  });
});
