import { ApplicantProfile } from '../applicant';
import { EligibilityContext } from './context';
import {
  checkCertifiedAdvisorPlan,
  checkFinancialInstitutionAbove30M,
  checkLossMakingPreviousYear,
  checkRehabilitationPlan,
  checkSmallBusinessOnly,
} from './plan-and-applicant-checks';
import { checkMinimumWageSalesDecline30pct, checkRecoverySalesDecline30pct } from './recovery-decline';
import { CheckDetails, CheckFailed, CheckResult, failed } from './result';
import { DECLARED_SIZE_CLASS, judgeDeclaredSizeClass } from './declared-size-class';
import {
  checkEmployees101plus,
  checkGroupApplication,
  checkGroupApplication10plus,
  checkPrefectures1,
  checkPrefectures2,
  checkPrefectures3plus,
} from './scale-checks';
import { checkSalesDecline10pct, checkSalesDecline5pctSince202010 } from './three-month-decline';

export type EligibilityCheck = (applicant: ApplicantProfile, context: EligibilityContext) => CheckResult;

/**
 * The requirement codes this library decides automatically. The catalogue of every code a category
 * may declare, with Japanese labels, is REQUIREMENT_LABELS in ../category; codes there that need a
 * person's judgement (covidImpact, preCheck, wageTargets, greenGrowth, …) have no check here and
 * come back as 'manual'.
 */
export const ELIGIBILITY_CHECKS = {
  salesDecline10pct: checkSalesDecline10pct,
  salesDecline5pctSince202010: checkSalesDecline5pctSince202010,
  recoverySalesDecline30pct: checkRecoverySalesDecline30pct,
  minimumWageSalesDecline30pct: checkMinimumWageSalesDecline30pct,
  rehabilitationPlan: checkRehabilitationPlan,
  certifiedAdvisorPlan: checkCertifiedAdvisorPlan,
  financialInstitutionAbove30M: checkFinancialInstitutionAbove30M,
  lossMakingPreviousYear: checkLossMakingPreviousYear,
  groupApplication: checkGroupApplication,
  groupApplication10plus: checkGroupApplication10plus,
  employees101plus: checkEmployees101plus,
  prefectures1: checkPrefectures1,
  prefectures2: checkPrefectures2,
  prefectures3plus: checkPrefectures3plus,
  smallBusinessOnly: checkSmallBusinessOnly,
} as const satisfies Readonly<Record<string, EligibilityCheck>>;

export type EligibilityRequirementCode = keyof typeof ELIGIBILITY_CHECKS;

export const ELIGIBILITY_REQUIREMENT_CODES = Object.keys(ELIGIBILITY_CHECKS) as readonly EligibilityRequirementCode[];

export const isAutomatedRequirement = (code: string): code is EligibilityRequirementCode => Object.prototype.hasOwnProperty.call(ELIGIBILITY_CHECKS, code);

/** A code, or alternatives one of which must hold (structurally the same as RequirementClause in ../category). */
export type EligibilityClause = string | { readonly anyOf: readonly string[] };

export type EligibilityFailure = CheckFailed & { readonly requirement: string };

export type RequirementOutcome =
  | { readonly requirement: string; readonly status: 'passed'; readonly details?: CheckDetails }
  | { readonly requirement: string; readonly status: 'failed'; readonly failure: EligibilityFailure }
  /** not decided by a program: staff confirm it (形式審査) */
  | { readonly requirement: string; readonly status: 'manual' };

export interface EligibilityReport {
  /** no automated requirement failed (manual ones may still be pending) */
  readonly ok: boolean;
  /** every failed requirement, in the order listed (not just the first) */
  readonly failures: readonly EligibilityFailure[];
  /** requirements staff must confirm, in the order listed */
  readonly manual: readonly string[];
  /** every clause's outcome, for the audit log */
  readonly outcomes: readonly RequirementOutcome[];
}

const clauseName = (clause: EligibilityClause): string => (typeof clause === 'string' ? clause : clause.anyOf.join('|'));

const evaluateCode = (code: string, applicant: ApplicantProfile, context: EligibilityContext): RequirementOutcome => {
  if (!isAutomatedRequirement(code)) return { requirement: code, status: 'manual' };
  const result = ELIGIBILITY_CHECKS[code](applicant, context);
  return result.ok
    ? { requirement: code, status: 'passed', ...(result.details ? { details: result.details } : {}) }
    : { requirement: code, status: 'failed', failure: { ...result, requirement: code } };
};

/** anyOf: passed if one alternative passes; else manual if one needs a person; else failed, naming every alternative. */
const evaluateAnyOf = (codes: readonly string[], applicant: ApplicantProfile, context: EligibilityContext): RequirementOutcome => {
  const requirement = codes.join('|');
  if (codes.length === 0) {
    return {
      requirement,
      status: 'failed',
      failure: { ...failed('anyOf.empty', '選択肢のない要件（anyOf が空）です。類型（カテゴリ）の設定を確認してください。'), requirement },
    };
  }
  const outcomes = codes.map((c) => evaluateCode(c, applicant, context));
  const pass = outcomes.find((o) => o.status === 'passed');
  if (pass) return { ...pass, requirement };
  if (outcomes.some((o) => o.status === 'manual')) return { requirement, status: 'manual' };
  const failures = outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure] : []));
  const message = `次のいずれかを満たす必要がありますが、いずれも満たしません: ${failures.map((f, i) => `(${i + 1}) ${f.message}`).join(' ')}`;
  return {
    requirement,
    status: 'failed',
    failure: { ...failed('anyOf.noneMet', message, failures[0].field, { alternatives: failures }), requirement },
  };
};

const declaredSizeClassOutcome = (applicant: ApplicantProfile): RequirementOutcome | null => {
  const judged = judgeDeclaredSizeClass(applicant);
  if (judged === null) return null;
  const requirement = DECLARED_SIZE_CLASS;
  if (judged.status === 'failed') return { requirement, status: 'failed', failure: { ...judged.failure, requirement } };
  if (judged.status === 'manual') return { requirement, status: 'manual' };
  return { requirement, status: 'passed', details: { classification: judged.classification.reason } };
};

/**
 * Runs the declared 規模区分's judgement (judgeDeclaredSizeClass) and every listed requirement, and returns all
 * failures, plus the requirements only a person can decide. Clauses are what a category declares: a code, or
 * `{ anyOf: [...] }`. Repeated clauses run once. Codes are validated against the catalogue when a category is
 * loaded (validateCategoryConfig), so a code without an automated check here is reported as 'manual', never as
 * passed.
 */
export const checkEligibility = (
  requirements: readonly EligibilityClause[],
  applicant: ApplicantProfile,
  context: EligibilityContext = {},
): EligibilityReport => {
  // the declared 規模区分 first, whatever the category lists: every subsidy's rates, caps and admitted sizes read it
  const seen = new Set<string>([DECLARED_SIZE_CLASS]);
  const outcomes: RequirementOutcome[] = [declaredSizeClassOutcome(applicant)].filter((o): o is RequirementOutcome => o !== null);
  for (const clause of requirements) {
    const name = clauseName(clause);
    if (seen.has(name)) continue;
    seen.add(name);
    outcomes.push(typeof clause === 'string' ? evaluateCode(clause, applicant, context) : evaluateAnyOf(clause.anyOf, applicant, context));
  }
  const failures = outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure] : []));
  const manual = outcomes.flatMap((o) => (o.status === 'manual' ? [o.requirement] : []));
  return { ok: failures.length === 0, failures, manual, outcomes };
};
