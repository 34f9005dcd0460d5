/**
 * IT導入補助金 (programs.md §5). デジタル化基盤導入類型 prices ITツール / PC・タブレット / レジ・券売機
 * separately; 複数社連携IT導入類型 adds the group rule; 通常枠 A/B are kept for reference.
 */
import { man } from '../money';
import type { ExpenseTypeDef, ItemRule, SubsidyCategoryConfig } from '../category';
import type { Program, RuleSet } from './catalogue.types';
import { ALL_SIZES, HALF, ONE_TENTH, SME, THREE_QUARTERS, TWO_THIRDS, fixedCap, flatRate } from './common';

export const IT_INTRODUCTION_PROGRAM: Program = {
  code: 'itIntroduction',
  name: 'IT導入補助金（サービス等生産性向上IT導入支援事業）',
  kind: 'subsidy',
  workflowKind: 'itSubsidy',
};

/**
 * ITツール: the part of the subsidy up to 50万 at 3/4, the part above at 2/3, 350万 in total.
 * PC・タブレット: up to 10万 at 1/2. レジ・券売機: up to 20万 at 1/2.
 */
const DIGITAL_BASE_ITEMS: readonly ItemRule[] = [
  {
    itemKind: 'itTool',
    label: 'ITツール',
    rates: [{ label: '中小企業・小規模事業者等', when: {}, tiers: [{ rate: THREE_QUARTERS, upToSubsidy: man(50) }, { rate: TWO_THIRDS }] }],
    cap: fixedCap(man(350)),
  },
  { itemKind: 'pc', label: 'PC・タブレット等', rates: [flatRate('中小企業・小規模事業者等', HALF)], cap: fixedCap(man(10)) },
  { itemKind: 'register', label: 'レジ・券売機等', rates: [flatRate('中小企業・小規模事業者等', HALF)], cap: fixedCap(man(20)) },
];

/** Software, cloud fees and implementation price as ITツール; hardware lines say whether PC or レジ. */
const DIGITAL_BASE_EXPENSE_TYPES: readonly ExpenseTypeDef[] = [
  { code: 'software', label: 'ソフトウェア購入費', itemKind: 'itTool' },
  { code: 'cloudUsage', label: 'クラウド利用費（最大2年分）', itemKind: 'itTool' },
  { code: 'implementation', label: '導入関連費', itemKind: 'itTool' },
  { code: 'hardware', label: 'ハードウェア購入費' },
];

const digitalBase: SubsidyCategoryConfig = {
  kind: 'subsidy',
  code: 'itIntroduction.digitalBase',
  name: 'デジタル化基盤導入類型',
  admittedSizeClasses: SME,
  pricing: { kind: 'itemized', items: DIGITAL_BASE_ITEMS },
  expenseTypes: DIGITAL_BASE_EXPENSE_TYPES,
  exclusions: [],
  requirements: [],
  caveat: 'ITツールの補助上限額は導入する機能数に応じて変わる可能性がある（ブリーフィング: 制度設計中のため変更可能性あり）',
};

const multiCompany: SubsidyCategoryConfig = {
  kind: 'subsidy',
  code: 'itIntroduction.multiCompany',
  name: '複数社連携IT導入類型',
  admittedSizeClasses: ALL_SIZES,
  pricing: {
    kind: 'multiCompanyIt',
    items: DIGITAL_BASE_ITEMS,
    analysis: { expenseTypes: ['consumerAnalysis'], rates: [flatRate('一律', TWO_THIRDS)], cap: { kind: 'perParticipant', amountPerParticipant: man(50) } },
    baseAndAnalysisCap: fixedCap(man(3000)),
    admin: { expenseTypes: ['adminExpert'], rates: [flatRate('一律', TWO_THIRDS)], shareOfBaseAndAnalysis: ONE_TENTH },
  },
  expenseTypes: [...DIGITAL_BASE_EXPENSE_TYPES, { code: 'consumerAnalysis', label: '消費動向等分析経費' }, { code: 'adminExpert', label: '事務費・専門家費' }],
  exclusions: [],
  requirements: ['groupApplication10plus'],
  caveat: '制度設計中のため変更可能性あり。参加事業者の条件（10者以上等）は要件とする予定（ブリーフィング）',
  assumption:
    '申請者は代表の商工団体等のため規模区分で制限しない（参加事業者が中小企業等であることは要件確認で扱う）。(1)基盤導入経費は参加事業者ごとにデジタル化基盤導入類型として算定し、(3)の上限は(1)+(2)の上限適用後の額の10%とした',
};

export const IT_INTRODUCTION_R3: RuleSet = {
  code: 'itIntroduction.r3-sup',
  programCode: 'itIntroduction',
  edition: 'r3-sup',
  label: '令和3年度補正（デジタル化基盤導入枠）',
  categories: [digitalBase, multiCompany],
};

/** 通常枠 (reference): A類型 30万–150万未満, B類型 150万–450万以下, rate 1/2; bounds are on the subsidy. */
const standard = (code: string, name: string, floor: number, cap: number): SubsidyCategoryConfig => ({
  kind: 'subsidy',
  code,
  name,
  admittedSizeClasses: SME,
  pricing: { kind: 'rate', rates: [flatRate('中小企業・小規模事業者等', HALF)], cap: fixedCap(cap) },
  floor,
  expenseTypes: [
    { code: 'software', label: 'ソフトウェア購入費' },
    { code: 'cloudUsage', label: 'クラウド利用費（1年分）' },
    { code: 'implementation', label: '導入関連費' },
  ],
  exclusions: [],
  requirements: [],
});

export const IT_INTRODUCTION_R1: RuleSet = {
  code: 'itIntroduction.r1-sup',
  programCode: 'itIntroduction',
  edition: 'r1-sup',
  label: '令和元年度補正（通常枠）',
  assumption: 'ブリーフィングでは【参考】として記載。公募回は登録していない',
  categories: [
    // 150万円未満: the largest whole-yen amount below 150万
    standard('itIntroduction.standardA', '通常枠 A類型', man(30), man(150) - 1),
    standard('itIntroduction.standardB', '通常枠 B類型', man(150), man(450)),
  ],
};
