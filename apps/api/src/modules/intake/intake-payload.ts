import type { ApplicationInput, ExpenseLine } from '@jimukyoku/domain';
import type { DraftInput } from '../applications/application-drafts';
import type { IntakeApplicationDto } from './dto/intake-application.dto';

/** The intake payload as libs/domain's validateApplication reads it. */
export function applicationInput(dto: IntakeApplicationDto, attachmentKinds: string[]): ApplicationInput {
  const a = dto.applicant;
  return {
    applicant: { ...a, name: a.name, monthlySales: a.monthlySales ?? [] },
    planTitle: dto.plan?.title,
    expenses: (dto.expenses ?? []) as ExpenseLine[],
    requestedAmount: dto.requestedAmount,
    context: { certifiedAdvisor: dto.certifiedAdvisor, financialInstitution: dto.financialInstitution },
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
    contactPerson: a.contactPerson ?? null,
    certifiedAdvisor: dto.certifiedAdvisor ?? null,
    planTitle: dto.plan?.title ?? null,
    planSummary: dto.plan?.summary ?? null,
    expenses: (dto.expenses ?? []) as ExpenseLine[],
    monthlySales: a.monthlySales ?? [],
    benefitInput: (dto.benefit as unknown as Record<string, unknown>) ?? null,
    claimedBonusItems: [...new Set(dto.bonusItems ?? [])],
  };
}
