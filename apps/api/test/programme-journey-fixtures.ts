import type { Round } from '../src/modules/rounds/round.entity';
import { corporateNumber } from './application-fixtures';
import { DECLINING_SALES } from './intake-fixtures';

/** The programme families programme-journeys.e2e.ts drives, each with a valid application and the amount its rules give. */
export type Payload = Record<string, unknown> & { applicant: Record<string, unknown> };

/**
 * One programme family as a secretariat runs it: the rule set and 類型 of its round, a valid application
 * (the fields intake checks for it), the 添付書類 it needs, and the amount its rules give.
 */
export interface SubsidyJourney {
  family: string;
  ruleSet: string;
  category: string;
  application: (round: Round) => Payload;
  attachments: string[];
  quotedAmount: number;
}

export const applicant = (name: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'corporation',
  name,
  corporateNumber: corporateNumber(),
  sizeClass: 'sme',
  employeeCount: 30,
  capital: 30_000_000,
  prefecture: '宮城県',
  industry: 'manufacturing',
  email: 'journey@example.jp',
  contactPerson: '申請 太郎',
  ...overrides,
});
export const plan = { title: '新分野への展開', summary: '既存設備を活かした新製品' };
export const advisor = { name: '宮城経営支援センター', id: '104213000000' };
export const line = (expenseType: string, amount: number, description = '設備') => ({ expenseType, amount, description });

/** Sales of 2020-10..2021-03 down 20% against 2019-10..2020-03: the 第4回/第5回 5% test and the 10% test both hold. */
export const DECLINING_SINCE_2020_10 = [
  ...DECLINING_SALES,
  ...['10', '11', '12'].flatMap((m) => [
    { month: `2019-${m}`, amount: 10_000_000 },
    { month: `2020-${m}`, amount: 8_000_000 },
  ]),
  ...['01', '02', '03'].flatMap((m) => [
    { month: `2020-${m}`, amount: 10_000_000 },
    { month: `2021-${m}`, amount: 8_000_000 },
  ]),
];

export const SUBSIDY_JOURNEYS: SubsidyJourney[] = [
  {
    family: '事業再構築補助金 (令和3年度補正) 通常枠',
    ruleSet: 'restructuring.r3-sup',
    category: 'restructuring.standard',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'restructuring.standard',
      applicant: applicant('株式会社さいこうちく', { monthlySales: DECLINING_SALES }),
      plan,
      certifiedAdvisor: advisor,
      expenses: [line('machinery', 30_000_000, '5軸加工機')],
    }),
    attachments: ['businessPlan', 'advisorConfirmation', 'salesEvidence'],
    quotedAmount: 20_000_000,
  },
  {
    family: '事業再構築補助金 (令和2年度第3次補正, 第5回) 通常枠',
    ruleSet: 'restructuring.r2-sup3',
    category: 'restructuring.standard',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'restructuring.standard',
      applicant: applicant('株式会社だいごかい', { monthlySales: DECLINING_SINCE_2020_10 }),
      plan,
      certifiedAdvisor: advisor,
      expenses: [line('machinery', 30_000_000, '5軸加工機')],
    }),
    attachments: ['businessPlan', 'advisorConfirmation', 'salesEvidence'],
    quotedAmount: 20_000_000,
  },
  {
    family: 'ものづくり補助金 通常枠',
    ruleSet: 'monozukuri.r3-sup',
    category: 'monozukuri.standard',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'monozukuri.standard',
      applicant: applicant('株式会社ものづくり'),
      plan,
      expenses: [line('machinery', 10_000_000, 'NC旋盤')],
    }),
    attachments: ['businessPlan'],
    // 1/2 of 1,000万
    quotedAmount: 5_000_000,
  },
  {
    family: '持続化補助金 通常枠',
    ruleSet: 'sustainability.r3-sup',
    category: 'sustainability.standard',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'sustainability.standard',
      applicant: applicant('やまびこ商店', {
        kind: 'soleProprietor',
        corporateNumber: undefined,
        sizeClass: 'smallBusiness',
        employeeCount: 3,
        capital: undefined,
        industry: 'retail',
      }),
      plan,
      expenses: [line('publicity', 600_000, 'チラシ・看板')],
    }),
    attachments: ['businessPlan'],
    // 2/3 of 60万 = 40万 (cap 50万)
    quotedAmount: 400_000,
  },
  {
    family: '事業承継・引継ぎ補助金 経営革新事業',
    ruleSet: 'businessSuccession.r3-sup',
    category: 'businessSuccession.innovation',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'businessSuccession.innovation',
      applicant: applicant('株式会社つぐ'),
      plan,
      expenses: [line('outsourcing', 4_000_000, '新製品の試作外注')],
    }),
    attachments: ['businessPlan'],
    // 中小企業 1/2 of 400万
    quotedAmount: 2_000_000,
  },
  {
    family: '地域・企業共生型ビジネス導入・創業促進事業 通常型',
    ruleSet: 'regionalCoexistence.r4',
    category: 'regionalCoexistence.standard',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'regionalCoexistence.standard',
      applicant: applicant('一般社団法人きょうせい'),
      plan,
      expenses: [line('personnel', 9_000_000, '事業担当者')],
    }),
    attachments: ['businessPlan'],
    // 2/3 of 900万
    quotedAmount: 6_000_000,
  },
  {
    family: '地域デジタルイノベーション促進事業 非中小企業',
    ruleSet: 'regionalDigitalInnovation.r4',
    category: 'regionalDigitalInnovation.nonSme',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'regionalDigitalInnovation.nonSme',
      applicant: applicant('株式会社いのべーしょん', { sizeClass: 'midsize', employeeCount: 400, capital: 500_000_000 }),
      plan,
      expenses: [line('personnel', 20_000_000, '実証担当者')],
    }),
    attachments: ['businessPlan'],
    // 1/2 of 2,000万 = 1,000万 (cap 1,100万)
    quotedAmount: 10_000_000,
  },
  {
    family: '地域DX促進活動支援事業 B類型',
    ruleSet: 'regionalDx.r4',
    category: 'regionalDx.typeB',
    application: (round) => ({
      roundId: round.id,
      categoryCode: 'regionalDx.typeB',
      applicant: applicant('一般社団法人東北DX推進コミュニティ', { prefectureCount: 2 }),
      plan,
      expenses: [line('personnel', 30_000_000, 'コミュニティ運営')],
    }),
    attachments: ['businessPlan'],
    // 定額 (10/10), cap 2,500万
    quotedAmount: 25_000_000,
  },
];
