import { computeBenefit, quoteWithEligibility, type ApplicantProfile, type BenefitInput, type CategoryConfig } from '@jimukyoku/domain';
import type { Application } from './application.entity';

/**
 * The quote snapshot an application carries: what libs/domain computes from its category and data.
 * Recomputed whenever the applicant's data changes (intake, resubmission); reviewers read it.
 */
export function quoteApplication(
  config: CategoryConfig,
  app: Pick<Application, 'applicantKind' | 'sizeClass' | 'employeeCount' | 'capital' | 'expenses' | 'monthlySales' | 'benefitInput' | 'certifiedAdvisor'> & {
    participantCount?: number;
  },
) {
  if (config.kind === 'benefit') {
    const result = app.benefitInput ? computeBenefit(app.benefitInput as unknown as BenefitInput) : null;
    return {
      quote: result ? { ...result, eligible: result.eligible } : { eligible: false, ineligibility: [{ message: '売上高の入力がありません' }] },
      amount: result?.amount ?? 0,
      eligibility: null,
    };
  }
  if (config.kind !== 'subsidy') return { quote: null, amount: 0, eligibility: null };
  const applicant: ApplicantProfile = {
    kind: app.applicantKind,
    sizeClass: app.sizeClass,
    employeeCount: app.employeeCount,
    capital: app.capital ?? undefined,
    monthlySales: app.monthlySales,
    participantCount: app.participantCount,
  };
  const { quote: result, eligibility } = quoteWithEligibility(config, applicant, app.expenses, { certifiedAdvisor: app.certifiedAdvisor ?? undefined });
  return { quote: result as unknown as Record<string, unknown>, amount: result.amount, eligibility: eligibility as unknown as Record<string, unknown> };
}
