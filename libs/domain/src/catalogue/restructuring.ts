/**
 * 事業再構築補助金: two rule sets (programs.md §2). 第4回・第5回 run on 令和2年度第3次補正,
 * 第6回 onwards on 令和3年度補正 (relaxed sales requirement, new 通常枠 caps, new 類型).
 */
import { man } from '../money';
import type { RateRule, RequirementClause, SubsidyCategoryConfig } from '../category';
import type { Program, RuleSet } from './catalogue.types';
import {
  GENERAL_EXCLUSIONS,
  HALF,
  ONE_THIRD,
  RESTRUCTURING_EXPENSE_TYPES,
  SME,
  SME_AND_MIDSIZE,
  THREE_QUARTERS,
  TWO_THIRDS,
  employeeCaps,
  fixedCap,
  flatRate,
} from './common';

export const RESTRUCTURING_PROGRAM: Program = { code: 'restructuring', name: '事業再構築補助金', kind: 'subsidy', workflowKind: 'subsidy' };

/** 通常枠 rates: 中小 2/3 (the part of the subsidy above 6,000万: 1/2); 中堅 1/2 (above 4,000万: 1/3). */
const STANDARD_RATES: readonly RateRule[] = [
  { label: '中小企業', when: { sizeClasses: SME }, tiers: [{ rate: TWO_THIRDS, upToSubsidy: man(6000) }, { rate: HALF }] },
  { label: '中堅企業', when: { sizeClasses: ['midsize'] }, tiers: [{ rate: HALF, upToSubsidy: man(4000) }, { rate: ONE_THIRD }] },
];

/** 回復・再生応援枠 / 最低賃金枠 / 緊急事態宣言特別枠: 中小 3/4, 中堅 2/3. */
const SPECIAL_RATES: readonly RateRule[] = [
  flatRate('中小企業', THREE_QUARTERS, { sizeClasses: SME }),
  flatRate('中堅企業', TWO_THIRDS, { sizeClasses: ['midsize'] }),
];

/** ≤5人 500万; 6–20人 1,000万; 21人以上 1,500万. */
const SPECIAL_CAPS = employeeCaps([5, man(500)], [20, man(1000)], [undefined, man(1500)]);

const FLOOR = man(100);

/**
 * 再審査: an application not adopted in one of these special 枠 may be reconsidered in 通常枠 of the same
 * round, as the 公募要領 of 事業再構築 provided (docs/reconsideration.md). グリーン成長枠 is not listed: the
 * briefing says nothing of it.
 */
const RECONSIDERED_IN_STANDARD: readonly string[] = [
  'restructuring.emergency',
  'restructuring.recovery',
  'restructuring.minimumWage',
  'restructuring.largeWageIncrease',
  'restructuring.graduation',
  'restructuring.globalVRecovery',
];

const category = (
  code: string,
  name: string,
  pricing: SubsidyCategoryConfig['pricing'],
  requirements: readonly RequirementClause[],
  extra: Partial<Pick<SubsidyCategoryConfig, 'admittedSizeClasses' | 'assumption' | 'caveat' | 'floor'>> = {},
): SubsidyCategoryConfig => ({
  kind: 'subsidy',
  code,
  name,
  admittedSizeClasses: SME_AND_MIDSIZE,
  pricing,
  floor: FLOOR,
  expenseTypes: RESTRUCTURING_EXPENSE_TYPES,
  exclusions: GENERAL_EXCLUSIONS,
  requirements,
  ...(RECONSIDERED_IN_STANDARD.includes(code) ? { reconsiderIn: ['restructuring.standard'] } : {}),
  ...extra,
});

const PLAN = ['certifiedAdvisorPlan', 'financialInstitutionAbove30M'] as const;

/**
 * The plan-share rule of the 事業再構築 definition (新分野展開・業態転換 …): until 第4回 the new business
 * must reach 10% of total sales; from 第5回 (the briefing's 「②第5回から」) 15% of 付加価値額, or for a
 * firm with sales of 10億 or more whose restructured division sells 3億 or more, 10% of the division's
 * sales, count too. A person checks it against the plan (要件確認), so it is a declared requirement.
 */
const PLAN_SHARE_UNTIL_ROUND4: readonly RequirementClause[] = ['newBusinessSalesShare10pct'];
const PLAN_SHARE_FROM_ROUND5: readonly RequirementClause[] = [
  { anyOf: ['newBusinessSalesShare10pct', 'newBusinessAddedValueShare15pct', 'newBusinessDivisionSalesShare10pct'] },
];

/** 大規模賃金引上枠: 101人以上 only; a smaller applicant falls below the only bracket and is not admitted. */
const LARGE_WAGE_INCREASE_CAP = { kind: 'byEmployees', brackets: [{ min: 101, amount: man(10000) }] } as const;

/** 最低賃金枠's wording of its 最低賃金 share comes from the 公募要領 (the briefing names the 枠 only). */
const MINIMUM_WAGE_NOTE =
  '最低賃金枠の「最低賃金+30円以内で雇用する従業員が全従業員数の10%以上」と売上高30%減少の要件は公募要領による（ブリーフィングは「特に業況の厳しい事業者」とのみ記載）';

// 令和3年度補正 (第6回〜): the briefing's rules.
const R3_SALES = ['salesDecline10pct'] as const;

export const RESTRUCTURING_R3: RuleSet = {
  code: 'restructuring.r3-sup',
  programCode: 'restructuring',
  edition: 'r3-sup',
  label: '令和3年度補正',
  categories: [
    category(
      'restructuring.standard',
      '通常枠',
      { kind: 'rate', rates: STANDARD_RATES, cap: employeeCaps([20, man(2000)], [50, man(4000)], [100, man(6000)], [undefined, man(8000)]) },
      [...R3_SALES, ...PLAN_SHARE_FROM_ROUND5, ...PLAN],
    ),
    category(
      'restructuring.largeWageIncrease',
      '大規模賃金引上枠',
      { kind: 'rate', rates: STANDARD_RATES, cap: LARGE_WAGE_INCREASE_CAP },
      [...R3_SALES, 'employees101plus', 'largeWageIncrease', ...PLAN_SHARE_FROM_ROUND5, ...PLAN],
      {
        assumption:
          'ブリーフィングは上限1億円と「大規模賃金引上げ枠は維持」（第6回から）を記載。従業員101人以上の条件は維持されたものとして令和2年度第3次補正と同じとした',
      },
    ),
    category(
      'restructuring.recovery',
      '回復・再生応援枠',
      { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS },
      [...R3_SALES, { anyOf: ['recoverySalesDecline30pct', 'rehabilitationPlan'] }, ...PLAN_SHARE_FROM_ROUND5, 'certifiedAdvisorPlan'],
      { caveat: '再生事業者（再生計画を策定した事業者）の詳細な要件は検討中（ブリーフィング）' },
    ),
    category(
      'restructuring.minimumWage',
      '最低賃金枠',
      { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS },
      // 業況: the 30% decline of 回復・再生応援枠 (any month since 2021-10), without its 再生計画 alternative
      [...R3_SALES, 'minimumWageSalesDecline30pct', 'minimumWageEmployees', ...PLAN_SHARE_FROM_ROUND5, 'certifiedAdvisorPlan'],
      { assumption: MINIMUM_WAGE_NOTE },
    ),
    category(
      'restructuring.greenGrowth',
      'グリーン成長枠',
      {
        kind: 'rate',
        rates: [flatRate('中小企業', HALF, { sizeClasses: SME }), flatRate('中堅企業', ONE_THIRD, { sizeClasses: ['midsize'] })],
        cap: {
          kind: 'bySizeClass',
          entries: [
            { sizeClasses: SME, cap: fixedCap(man(10000)) },
            { sizeClasses: ['midsize'], cap: fixedCap(man(15000)) },
          ],
        },
      },
      // グリーン成長枠 does not require the 10% sales decline; its plan aims at 付加価値額 +5.0% a year (通常枠 3.0%)
      ['greenGrowth', 'addedValueGrowth5pct', ...PLAN_SHARE_FROM_ROUND5, ...PLAN],
    ),
  ],
};

// 令和2年度第3次補正 (第4回・第5回): from public 公募要領 summaries quoted in programs.md.
const R2_SALES = ['salesDecline10pct', 'salesDecline5pctSince202010'] as const;
const R2_FLOOR_NOTE = '補助下限額100万円はブリーフィングでは令和3年度補正についてのみ記載。第6回からの変更点に含まれないため同額とした';

/** The categories of 令和2年度第3次補正 with the plan-share rule of the round: 第4回 or 第5回. */
const r2Categories = (planShare: readonly RequirementClause[]): SubsidyCategoryConfig[] => [
  category(
    'restructuring.standard',
    '通常枠',
    { kind: 'rate', rates: STANDARD_RATES, cap: employeeCaps([20, man(4000)], [50, man(6000)], [undefined, man(8000)]) },
    [...R2_SALES, ...planShare, ...PLAN],
    { assumption: R2_FLOOR_NOTE },
  ),
  category(
    'restructuring.emergency',
    '緊急事態宣言特別枠',
    { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS },
    [...R2_SALES, 'emergencySalesDecline30pct', ...planShare, 'certifiedAdvisorPlan'],
    { assumption: `${R2_FLOOR_NOTE}。売上高30%減少の要件文言は公募要領による（ブリーフィングに記載なし）` },
  ),
  category(
    'restructuring.minimumWage',
    '最低賃金枠',
    { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS },
    // 業況: the 30% decline of 緊急事態宣言特別枠 (2021年1月～6月)
    [...R2_SALES, 'emergencySalesDecline30pct', 'minimumWageEmployees', ...planShare, 'certifiedAdvisorPlan'],
    { assumption: `${R2_FLOOR_NOTE}。${MINIMUM_WAGE_NOTE}` },
  ),
  category(
    'restructuring.largeWageIncrease',
    '大規模賃金引上枠',
    { kind: 'rate', rates: STANDARD_RATES, cap: LARGE_WAGE_INCREASE_CAP },
    [...R2_SALES, 'employees101plus', 'largeWageIncrease', ...planShare, ...PLAN],
    { assumption: `${R2_FLOOR_NOTE}。補助率は「通常枠と同じ」とした` },
  ),
  category(
    'restructuring.graduation',
    '卒業枠',
    { kind: 'rate', rates: [flatRate('中小企業', TWO_THIRDS, { sizeClasses: SME })], cap: fixedCap(man(10000)) },
    [...R2_SALES, 'smeGraduation', ...planShare, ...PLAN],
    { admittedSizeClasses: SME, assumption: `${R2_FLOOR_NOTE}。補助率2/3は公募要領による（ブリーフィングに記載なし）` },
  ),
  category(
    'restructuring.globalVRecovery',
    'グローバルV字回復枠',
    { kind: 'rate', rates: [flatRate('中堅企業', HALF, { sizeClasses: ['midsize'] })], cap: fixedCap(man(10000)) },
    [...R2_SALES, 'globalVRecovery', ...planShare, ...PLAN],
    { admittedSizeClasses: ['midsize'], assumption: `${R2_FLOOR_NOTE}。補助率1/2は公募要領による（ブリーフィングに記載なし）` },
  ),
];

const R2_ASSUMPTION = '経費区分・対象外経費は令和3年度補正と同じとした（ブリーフィングに差異の記載なし）';

/** 第4回: the new business must reach 10% of total sales. */
export const RESTRUCTURING_R2: RuleSet = {
  code: 'restructuring.r2-sup3',
  programCode: 'restructuring',
  edition: 'r2-sup3',
  label: '令和2年度第3次補正',
  assumption: R2_ASSUMPTION,
  categories: r2Categories(PLAN_SHARE_UNTIL_ROUND4),
};

/**
 * 第5回: the same 予算, one rule changed (the briefing's 「②第5回から」): a second version of the rule set,
 * so 第4回's applications keep the rules they were made under.
 */
export const RESTRUCTURING_R2_ROUND5: RuleSet = {
  ...RESTRUCTURING_R2,
  version: 2,
  assumption: `${R2_ASSUMPTION}。第2版は第5回からの改定（売上高構成比要件に付加価値額15%等を追加: ブリーフィング「②第5回から」）`,
  categories: r2Categories(PLAN_SHARE_FROM_ROUND5),
};
