import type { ApplicationRecord, ExpenseLine } from './application';

/** What the staff member changes in the form: the figures a 補正 typically corrects. */
export interface PaperCorrection {
  employeeCount: number;
  capital: number | null;
  planTitle: string;
  planSummary: string;
  expenses: ExpenseLine[];
  requestedAmount: number | null;
}

/** The stored application with the fields intake reads but the list type leaves out. */
export type StoredApplication = ApplicationRecord & {
  monthlySales?: { month: string; amount: number }[];
  benefitInput?: Record<string, unknown> | null;
  claimedBonusItems?: string[];
  financialInstitution?: { name?: string } | null;
  annualRevenue?: number | null;
  lossMaking?: boolean | null;
  inRehabilitation?: boolean | null;
  participantCount?: number | null;
  prefectureCount?: number | null;
};

const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;
const when = <T>(key: string, v: T | null | undefined) => (present(v) ? { [key]: v } : {});

/**
 * The corrected application as POST /api/applications/:id/paper-resubmissions takes it (the intake
 * payload): everything as stored, with the staff member's corrections on top. The API checks it as it
 * checks a channel's resubmission.
 */
export function paperResubmissionPayload(app: StoredApplication, categoryCode: string, correction: PaperCorrection) {
  const advisor = app.certifiedAdvisor;
  return {
    roundId: app.roundId,
    categoryCode,
    applicant: {
      kind: app.applicantKind,
      name: app.applicantName,
      ...when('corporateNumber', app.corporateNumber),
      sizeClass: app.sizeClass,
      employeeCount: correction.employeeCount,
      ...when('capital', correction.capital),
      prefecture: app.prefecture,
      ...when('industry', app.industry),
      email: app.email,
      ...when('contactPerson', app.contactPerson),
      ...when('annualRevenue', app.annualRevenue),
      ...when('lossMaking', app.lossMaking),
      ...when('inRehabilitation', app.inRehabilitation),
      ...when('participantCount', app.participantCount),
      ...when('prefectureCount', app.prefectureCount),
      monthlySales: app.monthlySales ?? [],
    },
    ...(correction.planTitle.trim() ? { plan: { title: correction.planTitle.trim(), summary: correction.planSummary.trim() || undefined } } : {}),
    ...(advisor?.name && advisor.id
      ? { certifiedAdvisor: { name: advisor.name, id: advisor.id, ...when('isFinancialInstitution', advisor.isFinancialInstitution) } }
      : {}),
    ...(app.financialInstitution?.name ? { financialInstitution: { name: app.financialInstitution.name } } : {}),
    expenses: correction.expenses.map((e) => ({ ...e, amount: Math.trunc(e.amount) })),
    ...when('requestedAmount', correction.requestedAmount),
    ...(app.benefitInput ? { benefit: app.benefitInput } : {}),
    ...(app.claimedBonusItems?.length ? { bonusItems: app.claimedBonusItems } : {}),
  };
}

/** The form's starting values: the application as it stands. */
export const correctionOf = (app: StoredApplication): PaperCorrection => ({
  employeeCount: app.employeeCount,
  capital: app.capital,
  planTitle: app.planTitle ?? '',
  planSummary: app.planSummary ?? '',
  expenses: app.expenses.map((e) => ({ ...e })),
  requestedAmount: null,
});
