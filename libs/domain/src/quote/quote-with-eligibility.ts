import type { ApplicantProfile } from '../applicant';
import type { SubsidyCategoryConfig } from '../category';
import { checkEligibility, type EligibilityContext, type EligibilityReport } from '../eligibility';
import { quote } from './quote';
import type { ExpenseLine, QuoteResult } from './quote.types';

/**
 * The one composition of a subsidy's quote and its eligibility: `quote()` of the category, then
 * `checkEligibility()` of the category's requirements with the quoted amount as the 補助金額 (what
 * financialInstitutionAbove30M reads). Intake's validation (../intake/validate-application.ts), the
 * application snapshot (apps/api/.../application-quote.ts, from the same applicant profile) and the
 * 補助金額の見込み endpoint (apps/api/.../quotes.service.ts) all call this, so what is validated is stored.
 */
export function quoteWithEligibility(
  config: SubsidyCategoryConfig,
  applicant: ApplicantProfile,
  expenses: readonly ExpenseLine[],
  context: Omit<EligibilityContext, 'subsidyAmount'> = {},
): { quote: QuoteResult; eligibility: EligibilityReport } {
  const result = quote(config, applicant, expenses);
  const eligibility = checkEligibility(config.requirements, applicant, { ...context, subsidyAmount: result.amount });
  return { quote: result, eligibility };
}
