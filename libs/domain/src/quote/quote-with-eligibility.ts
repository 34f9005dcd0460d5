import type { ApplicantProfile } from '../applicant';
import type { SubsidyCategoryConfig } from '../category';
import { checkEligibility, type EligibilityContext, type EligibilityReport } from '../eligibility';
import { applicationAmount } from './application-amount';
import { quote } from './quote';
import type { ExpenseLine, QuoteResult } from './quote.types';

/**
 * The one composition of a subsidy's quote and its eligibility: `quote()` of the category, then
 * `checkEligibility()` of the category's requirements with the amount applied for as the 補助金額 (what
 * financialInstitutionAbove30M reads): the quoted amount, or the 申請額 the applicant asks for where that is less
 * (`applicationAmount`), since a 金融機関 is needed when the subsidy applied for exceeds 3,000万. Intake's validation (../intake/validate-application.ts), the
 * application snapshot (apps/api/.../application-quote.ts, from the same applicant profile) and the
 * 補助金額の見込み endpoint (apps/api/.../quotes.service.ts) all call this, so what is validated is stored.
 */
export function quoteWithEligibility(
  config: SubsidyCategoryConfig,
  applicant: ApplicantProfile,
  expenses: readonly ExpenseLine[],
  context: Omit<EligibilityContext, 'subsidyAmount'> = {},
  requestedAmount?: number | null,
): { quote: QuoteResult; eligibility: EligibilityReport } {
  const result = quote(config, applicant, expenses);
  const eligibility = checkEligibility(config.requirements, applicant, { ...context, subsidyAmount: applicationAmount(result.amount, requestedAmount) });
  return { quote: result, eligibility };
}
