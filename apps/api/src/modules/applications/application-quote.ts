import {
  applicationAmount,
  computeBenefit,
  quoteWithEligibility,
  type ApplicantProfile,
  type BenefitInput,
  type CategoryConfig,
  type EligibilityContext,
  type IndustryGroup,
} from '@jimukyoku/domain';
import type { Application } from './application.entity';

/**
 * The columns holding what the applicant declared beyond size and employees, which the rules read:
 * 年間売上高, 赤字, 再生事業者, 参加事業者数, 都道府県数 and the 金融機関 (null: not declared).
 */
export type ApplicantFactColumn = 'annualRevenue' | 'lossMaking' | 'inRehabilitation' | 'participantCount' | 'prefectureCount' | 'financialInstitution';

/** Everything of an application its quote and eligibility are computed from. */
export type QuotedFacts = Pick<
  Application,
  'applicantKind' | 'sizeClass' | 'employeeCount' | 'capital' | 'expenses' | 'monthlySales' | 'benefitInput' | 'certifiedAdvisor'
> &
  Partial<Pick<Application, 'industry' | 'corporateNumber' | 'requestedAmount' | ApplicantFactColumn>>;

/** The declared facts as stored: every column present, null where not declared. */
export function declaredFacts(input: Partial<Pick<Application, ApplicantFactColumn>>): Pick<Application, ApplicantFactColumn> {
  return {
    annualRevenue: input.annualRevenue ?? null,
    lossMaking: input.lossMaking ?? null,
    inRehabilitation: input.inRehabilitation ?? null,
    participantCount: input.participantCount ?? null,
    prefectureCount: input.prefectureCount ?? null,
    financialInstitution: input.financialInstitution ?? null,
  };
}

const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/**
 * The ApplicantProfile the rules read, from an application's fields: the one mapping intake validates
 * with (intake-payload.ts) and the stored quote is computed with, so the two cannot differ.
 */
export function applicantProfileOf(app: QuotedFacts): ApplicantProfile {
  return {
    kind: app.applicantKind,
    sizeClass: app.sizeClass,
    employeeCount: app.employeeCount,
    capital: given(app.capital),
    industry: given(app.industry) as IndustryGroup | undefined,
    corporateNumber: given(app.corporateNumber),
    annualRevenue: given(app.annualRevenue),
    lossMaking: given(app.lossMaking),
    inRehabilitation: given(app.inRehabilitation),
    participantCount: given(app.participantCount),
    prefectureCount: given(app.prefectureCount),
    monthlySales: app.monthlySales,
  };
}

/** The plan's facts the eligibility checks read: the 認定支援機関 and the 金融機関. */
export function eligibilityContextOf(app: Pick<QuotedFacts, 'certifiedAdvisor' | 'financialInstitution'>): EligibilityContext {
  return { certifiedAdvisor: given(app.certifiedAdvisor), financialInstitution: given(app.financialInstitution) };
}

/**
 * The quote snapshot an application carries: what libs/domain computes from its category and data.
 * Recomputed whenever the applicant's data changes (intake, resubmission); reviewers read it. A subsidy's
 * `amount` (the application's 申請額, quotedAmount) is the applicant's requestedAmount where that is less than
 * the rules give (libs/domain applicationAmount); intake refuses one above (validateApplication).
 */
export function quoteApplication(config: CategoryConfig, app: QuotedFacts) {
  if (config.kind === 'benefit') {
    const result = app.benefitInput ? computeBenefit(app.benefitInput as unknown as BenefitInput) : null;
    return {
      quote: result ? { ...result, eligible: result.eligible } : { eligible: false, ineligibility: [{ message: '売上高の入力がありません' }] },
      amount: result?.amount ?? 0,
      eligibility: null,
    };
  }
  if (config.kind !== 'subsidy') return { quote: null, amount: 0, eligibility: null };
  const { quote: result, eligibility } = quoteWithEligibility(config, applicantProfileOf(app), app.expenses, eligibilityContextOf(app), app.requestedAmount);
  return {
    quote: result as unknown as Record<string, unknown>,
    amount: applicationAmount(result.amount, app.requestedAmount),
    eligibility: eligibility as unknown as Record<string, unknown>,
  };
}
