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
  extra: Partial<Pick<SubsidyCategoryConfig, 'admittedSizeClasses' | 'assumption' | 'floor'>> = {},
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
      [...R3_SALES, ...PLAN],
    ),
    category(
      'restructuring.largeWageIncrease',
      '大規模賃金引上枠',
      { kind: 'rate', rates: STANDARD_RATES, cap: fixedCap(man(10000)) },
      [...R3_SALES, 'largeWageIncrease', ...PLAN],
      {
        assumption: 'ブリーフィングは上限1億円のみ記載。前の予算の「従業員101人以上」の条件は記載がないため上限額の条件にしていない',
      },
    ),
    category('restructuring.recovery', '回復・再生応援枠', { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS }, [
      ...R3_SALES,
      { anyOf: ['recoverySalesDecline30pct', 'rehabilitationPlan'] },
      'certifiedAdvisorPlan',
    ]),
    category('restructuring.minimumWage', '最低賃金枠', { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS }, [
      ...R3_SALES,
      'minimumWageEmployees',
      'certifiedAdvisorPlan',
    ]),
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
      // グリーン成長枠 does not require the 10% sales decline
      ['greenGrowth', ...PLAN],
    ),
  ],
};

// 令和2年度第3次補正 (第4回・第5回): from public 公募要領 summaries quoted in programs.md.
const R2_SALES = ['salesDecline10pct', 'salesDecline5pctSince202010'] as const;
const R2_FLOOR_NOTE = '補助下限額100万円はブリーフィングでは令和3年度補正についてのみ記載。第6回からの変更点に含まれないため同額とした';

export const RESTRUCTURING_R2: RuleSet = {
  code: 'restructuring.r2-sup3',
  programCode: 'restructuring',
  edition: 'r2-sup3',
  label: '令和2年度第3次補正',
  assumption: '経費区分・対象外経費は令和3年度補正と同じとした（ブリーフィングに差異の記載なし）',
  categories: [
    category(
      'restructuring.standard',
      '通常枠',
      { kind: 'rate', rates: STANDARD_RATES, cap: employeeCaps([20, man(4000)], [50, man(6000)], [undefined, man(8000)]) },
      [...R2_SALES, ...PLAN],
      { assumption: R2_FLOOR_NOTE },
    ),
    category(
      'restructuring.emergency',
      '緊急事態宣言特別枠',
      { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS },
      [...R2_SALES, 'emergencySalesDecline30pct', 'certifiedAdvisorPlan'],
      { assumption: `${R2_FLOOR_NOTE}。売上高30%減少の要件文言は公募要領による（ブリーフィングに記載なし）` },
    ),
    category(
      'restructuring.minimumWage',
      '最低賃金枠',
      { kind: 'rate', rates: SPECIAL_RATES, cap: SPECIAL_CAPS },
      [...R2_SALES, 'minimumWageEmployees', 'certifiedAdvisorPlan'],
      {
        assumption: R2_FLOOR_NOTE,
      },
    ),
    category(
      'restructuring.largeWageIncrease',
      '大規模賃金引上枠',
      // 101人以上 only: a smaller applicant falls below the only bracket and is not admitted
      { kind: 'rate', rates: STANDARD_RATES, cap: { kind: 'byEmployees', brackets: [{ min: 101, amount: man(10000) }] } },
      [...R2_SALES, 'employees101plus', 'largeWageIncrease', ...PLAN],
      { assumption: `${R2_FLOOR_NOTE}。補助率は「通常枠と同じ」とした` },
    ),
    category(
      'restructuring.graduation',
      '卒業枠',
      { kind: 'rate', rates: [flatRate('中小企業', TWO_THIRDS, { sizeClasses: SME })], cap: fixedCap(man(10000)) },
      [...R2_SALES, 'smeGraduation', ...PLAN],
      { admittedSizeClasses: SME, assumption: `${R2_FLOOR_NOTE}。補助率2/3は公募要領による（ブリーフィングに記載なし）` },
    ),
    category(
      'restructuring.globalVRecovery',
      'グローバルV字回復枠',
      { kind: 'rate', rates: [flatRate('中堅企業', HALF, { sizeClasses: ['midsize'] })], cap: fixedCap(man(10000)) },
      [...R2_SALES, 'globalVRecovery', ...PLAN],
      { admittedSizeClasses: ['midsize'], assumption: `${R2_FLOOR_NOTE}。補助率1/2は公募要領による（ブリーフィングに記載なし）` },
    ),
  ],
};
