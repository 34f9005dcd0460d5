/** 事業復活支援金 (benefit), 事業承継・引継ぎ補助金 and 「共創型」サービス・IT連携支援事業 (programs.md §1, §7). */
import { man, rate } from '../money';
import type { RateRule, SubsidyCategoryConfig } from '../category';
import type { Program, RuleSet } from './catalogue.types';
import { ALL_SIZES, HALF, PROJECT_EXPENSE_TYPES, PROJECT_EXPENSE_TYPES_ASSUMPTION, SME, TWO_THIRDS, fixedCap, flatRate } from './common';

export const RECOVERY_BENEFIT_PROGRAM: Program = { code: 'recoveryBenefit', name: '事業復活支援金', kind: 'benefit', workflowKind: 'benefit' };

/** The amount (基準期間の売上高 − 対象月の売上高 × 5, capped) is computed in ../benefit. */
export const RECOVERY_BENEFIT_R3: RuleSet = {
  code: 'recoveryBenefit.r3-sup',
  programCode: 'recoveryBenefit',
  edition: 'r3-sup',
  label: '令和3年度補正',
  categories: [
    { kind: 'benefit', code: 'recoveryBenefit.benefit', name: '事業復活支援金', requirements: ['covidImpact', 'benefitSalesDecline30pct', 'preCheck'] },
  ],
};

export const BUSINESS_SUCCESSION_PROGRAM: Program = {
  code: 'businessSuccession',
  name: '事業承継・引継ぎ補助金（事業承継・引継ぎ支援事業）',
  kind: 'subsidy',
  workflowKind: 'subsidy',
};

const SUCCESSION_NOTE = 'ブリーフィングは「補助上限150万円～600万円、補助率1/2～2/3」の幅のみ記載。類型・上限・補助率は公募要領の構成に沿った仮置き';

const succession = (
  code: string,
  name: string,
  capMan: number,
  rates: readonly RateRule[],
  extraTypes: SubsidyCategoryConfig['expenseTypes'] = [],
): SubsidyCategoryConfig => ({
  kind: 'subsidy',
  code,
  name,
  admittedSizeClasses: SME,
  pricing: { kind: 'rate', rates, cap: fixedCap(man(capMan)) },
  expenseTypes: [...PROJECT_EXPENSE_TYPES, ...extraTypes],
  exclusions: [],
  requirements: ['businessSuccession'],
  assumption: `${SUCCESSION_NOTE}。${PROJECT_EXPENSE_TYPES_ASSUMPTION}`,
});

export const BUSINESS_SUCCESSION_R3: RuleSet = {
  code: 'businessSuccession.r3-sup',
  programCode: 'businessSuccession',
  edition: 'r3-sup',
  label: '令和3年度補正',
  categories: [
    succession('businessSuccession.innovation', '経営革新事業', 600, [
      flatRate('小規模事業者', TWO_THIRDS, { sizeClasses: ['smallBusiness'] }),
      flatRate('中小企業', HALF),
    ]),
    succession('businessSuccession.expertUse', '専門家活用事業', 600, [flatRate('中小企業', TWO_THIRDS)]),
    succession('businessSuccession.closure', '廃業・再チャレンジ事業', 150, [flatRate('中小企業', TWO_THIRDS)], [{ code: 'closure', label: '廃業費' }]),
  ],
};

export const COCREATION_PROGRAM: Program = {
  code: 'cocreationServiceIt',
  name: '「共創型」サービス・IT連携支援事業',
  kind: 'subsidy',
  workflowKind: 'subsidy',
  assumption: '公募時期は未定のため公募回は登録していない',
};

export const COCREATION_R4: RuleSet = {
  code: 'cocreationServiceIt.r4',
  programCode: 'cocreationServiceIt',
  edition: 'r4',
  label: '令和4年度当初',
  categories: [
    {
      kind: 'subsidy',
      code: 'cocreationServiceIt.standard',
      name: '共創型サービス・IT連携',
      admittedSizeClasses: ALL_SIZES,
      pricing: {
        kind: 'rate',
        rates: [flatRate('一律', TWO_THIRDS, {}, 'ブリーフィングは「2/3等」とのみ記載')],
        cap: { kind: 'none', assumption: '補助上限額はブリーフィングに記載なし' },
        shareLimit: { label: 'ツール購入費', expenseTypes: ['toolPurchase'], maxShare: rate(1, 2) },
      },
      expenseTypes: [...PROJECT_EXPENSE_TYPES, { code: 'toolPurchase', label: 'ツール購入費' }],
      exclusions: [],
      requirements: [],
      assumption: `ツール購入費は補助金額の50%以内。対象者の規模区分の記載がないため制限しない。${PROJECT_EXPENSE_TYPES_ASSUMPTION}`,
    },
  ],
};
