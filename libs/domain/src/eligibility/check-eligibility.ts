import { ApplicantProfile } from '../applicant';
import { EligibilityContext } from './context';
import {
  checkCertifiedAdvisorPlan,
  checkFinancialInstitutionAbove30M,
  checkGroupApplication,
  checkLossMakingPreviousYear,
  checkSmallBusinessOnly,
} from './plan-and-applicant-checks';
import { checkRecoverySalesDecline30pct } from './recovery-decline';
import { CheckFailed, CheckResult, failed } from './result';
import { checkSalesDecline10pct, checkSalesDecline5pctSince202010 } from './three-month-decline';

/** The requirement codes a category configuration may list. */
export const ELIGIBILITY_REQUIREMENT_CODES = [
  'salesDecline10pct',
  'salesDecline5pctSince202010',
  'recoverySalesDecline30pct',
  'certifiedAdvisorPlan',
  'financialInstitutionAbove30M',
  'lossMakingPreviousYear',
  'groupApplication',
  'smallBusinessOnly',
] as const;

export type EligibilityRequirementCode = (typeof ELIGIBILITY_REQUIREMENT_CODES)[number];

export type EligibilityCheck = (applicant: ApplicantProfile, context: EligibilityContext) => CheckResult;

export const ELIGIBILITY_CHECKS: Readonly<Record<EligibilityRequirementCode, EligibilityCheck>> = {
  salesDecline10pct: checkSalesDecline10pct,
  salesDecline5pctSince202010: checkSalesDecline5pctSince202010,
  recoverySalesDecline30pct: checkRecoverySalesDecline30pct,
  certifiedAdvisorPlan: checkCertifiedAdvisorPlan,
  financialInstitutionAbove30M: checkFinancialInstitutionAbove30M,
  lossMakingPreviousYear: checkLossMakingPreviousYear,
  groupApplication: checkGroupApplication,
  smallBusinessOnly: checkSmallBusinessOnly,
};

/** Japanese names for the UI and for messages. */
export const ELIGIBILITY_REQUIREMENT_LABELS: Readonly<Record<EligibilityRequirementCode, string>> = {
  salesDecline10pct: '売上高10%減少要件（2020年4月以降、任意の3か月の合計がコロナ以前比10%以上減少）',
  salesDecline5pctSince202010: '売上高5%減少要件（2020年10月以降、任意の3か月の合計がコロナ以前比5%以上減少）',
  recoverySalesDecline30pct: '回復・再生応援枠の要件（2021年10月以降のいずれかの月が2020年又は2019年同月比30%以上減少、又は再生計画）',
  certifiedAdvisorPlan: '認定経営革新等支援機関と事業計画を策定',
  financialInstitutionAbove30M: '補助金額3,000万円超の場合は金融機関の確認',
  lossMakingPreviousYear: '前年度の事業年度が赤字',
  groupApplication: '複数事業者の連携による申請',
  smallBusinessOnly: '小規模事業者であること',
};

export const isEligibilityRequirementCode = (code: string): code is EligibilityRequirementCode =>
  Object.prototype.hasOwnProperty.call(ELIGIBILITY_CHECKS, code);

export interface RequirementOutcome {
  readonly requirement: string;
  readonly result: CheckResult;
}

export type EligibilityFailure = CheckFailed & { readonly requirement: string };

export interface EligibilityReport {
  readonly ok: boolean;
  /** every failed requirement, in the order listed (not just the first) */
  readonly failures: readonly EligibilityFailure[];
  /** every requirement's result, passes included, for the audit log */
  readonly outcomes: readonly RequirementOutcome[];
}

/**
 * Runs every listed requirement and collects all failures. A code this library does not know is a
 * failure ('unknownRequirement'), never a silent pass: a misconfigured category must not admit
 * applicants. Repeated codes run once.
 */
export const checkEligibility = (
  requirements: readonly string[],
  applicant: ApplicantProfile,
  context: EligibilityContext = {},
): EligibilityReport => {
  const outcomes: RequirementOutcome[] = [...new Set(requirements)].map((requirement) => ({
    requirement,
    result: isEligibilityRequirementCode(requirement)
      ? ELIGIBILITY_CHECKS[requirement](applicant, context)
      : failed('unknownRequirement', `未知の要件コード「${requirement}」です。類型（カテゴリ）の設定を確認してください。`, undefined, {
          requirement,
        }),
  }));
  const failures = outcomes.flatMap(({ requirement, result }) => (result.ok ? [] : [{ ...result, requirement }]));
  return { ok: failures.length === 0, failures, outcomes };
};
