import { normalizeInvoiceNumber, type ApplicationInput, type ExpenseLine } from '@jimukyoku/domain';
import type { DraftInput } from '../applications/application-drafts';
import { applicantProfileOf, eligibilityContextOf } from '../applications/application-quote';
import type { IntakeApplicationDto } from './dto/intake-application.dto';

/**
 * The intake payload as libs/domain's validateApplication reads it. The applicant profile and the
 * plan's context are those of the application's stored fields (applicantProfileOf / eligibilityContextOf,
 * the mapping the stored quote uses), so what is validated is what is stored.
 */
export function applicationInput(dto: IntakeApplicationDto, attachmentKinds: string[]): ApplicationInput {
  const a = dto.applicant;
  const fields = applicationFields(dto);
  return {
    applicant: { ...applicantProfileOf(fields), name: a.name, prefecture: a.prefecture, email: a.email },
    planTitle: dto.plan?.title,
    expenses: fields.expenses,
    requestedAmount: dto.requestedAmount,
    context: eligibilityContextOf(fields),
    attachmentKinds,
  };
}

/** The application's stored fields from the payload (what a resubmission replaces too). */
export function applicationFields(dto: IntakeApplicationDto): Omit<DraftInput, 'roundId' | 'categoryId'> {
  const a = dto.applicant;
  return {
    applicantKind: a.kind,
    applicantName: a.name.trim(),
    corporateNumber: a.kind === 'corporation' ? (a.corporateNumber ?? null) : null,
    sizeClass: a.sizeClass,
    employeeCount: a.employeeCount,
    capital: a.capital ?? null,
    prefecture: a.prefecture,
    industry: a.industry ?? null,
    email: a.email.trim().toLowerCase(),
    // the 申請履歴's keys (docs/applicant-history.md): the invoice number as T + 13 digits, a 生年月日 only for a 個人事業者
    invoiceNumber: normalizeInvoiceNumber(a.invoiceNumber),
    address: a.address?.trim() || null,
    birthDate: a.kind === 'soleProprietor' ? (a.birthDate ?? null) : null,
    contactPerson: a.contactPerson ?? null,
    // the declared facts the rules read: every one written, so a resubmission that drops one clears it
    annualRevenue: a.annualRevenue ?? null,
    lossMaking: a.lossMaking ?? null,
    inRehabilitation: a.inRehabilitation ?? null,
    participantCount: a.participantCount ?? null,
    prefectureCount: a.prefectureCount ?? null,
    financialInstitution: dto.financialInstitution ?? null,
    certifiedAdvisor: dto.certifiedAdvisor ?? null,
    planTitle: dto.plan?.title ?? null,
    planSummary: dto.plan?.summary ?? null,
    expenses: (dto.expenses ?? []) as ExpenseLine[],
    monthlySales: a.monthlySales ?? [],
    benefitInput: (dto.benefit as unknown as Record<string, unknown>) ?? null,
    claimedBonusItems: [...new Set(dto.bonusItems ?? [])],
    // a 給付金's amount is the rules' alone
    requestedAmount: dto.benefit ? null : (dto.requestedAmount ?? null),
  };
}
