import { Injectable } from '@nestjs/common';
import {
  historyBases,
  historyFlags,
  invoiceNumbersOf,
  matchApplicant,
  normalizeInvoiceNumber,
  type ApplicantHistory,
  type ApplicantHistoryEntry,
  type ApplicantIdentity,
  type HistoryApplication,
} from '@jimukyoku/domain';
import { findState, getWorkflow, stateHasTag } from '@jimukyoku/workflow';
import type { AuthenticatedUser } from '../../auth/roles';
import type { Application } from './application.entity';
import { ApplicantHistoryRepository, type HistoryCandidate } from './applicant-history.repository';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationError } from './transitions.errors';

const identityOf = (
  a: Pick<Application, 'applicantKind' | 'applicantName' | 'corporateNumber' | 'invoiceNumber' | 'address' | 'birthDate'>,
): ApplicantIdentity => ({
  kind: a.applicantKind,
  name: a.applicantName,
  corporateNumber: a.corporateNumber,
  invoiceNumber: a.invoiceNumber,
  address: a.address,
  birthDate: a.birthDate,
});

const candidateIdentity = (c: HistoryCandidate): ApplicantIdentity => ({
  kind: c.applicantKind,
  name: c.applicantName,
  corporateNumber: c.corporateNumber,
  invoiceNumber: c.invoiceNumber,
  address: c.address,
  birthDate: c.birthDate,
});

/**
 * 申請履歴 (docs/applicant-history.md): the other applications of the same applicant across rounds and
 * programmes, matched by libs/domain's matchApplicant (法人番号 or インボイス登録番号: 一致; a 個人事業者's name,
 * 住所 and 生年月日: 推定一致), with their 採択 and amounts, and the flags for the reviewer (an expense an
 * adopted application already had, an 採択 in an overlapping programme). Scoped like the application: who
 * cannot see it gets 404; an entry the user may not open comes without its id.
 */
@Injectable()
export class ApplicantHistoryService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly pastApplications: ApplicantHistoryRepository,
  ) {}

  async history(id: string, user: AuthenticatedUser): Promise<ApplicantHistory> {
    const app = await this.repo.findVisible(id, user);
    if (!app) throw new ApplicationError('APPLICATION_NOT_FOUND');
    const identity = identityOf(app);
    const bases = historyBases(identity);
    const shown = bases.map((basis) => ({
      basis,
      value:
        basis === 'corporateNumber'
          ? app.corporateNumber!
          : basis === 'invoiceNumber'
            ? normalizeInvoiceNumber(app.invoiceNumber)!
            : `${app.applicantName} / ${app.address} / ${app.birthDate}`,
    }));
    if (bases.length === 0) return { bases: [], entries: [], flags: [] };

    const candidates = await this.pastApplications.historyCandidates(app, invoiceNumbersOf(identity), bases.includes('nameAddressBirthDate'));
    const matched = candidates.flatMap((c) => {
      const m = matchApplicant(identity, candidateIdentity(c));
      return m ? [{ c, ...m }] : [];
    });
    const visible = await this.repo.visibleIds(
      matched.map((x) => x.c.id),
      user,
    );
    const entries: ApplicantHistoryEntry[] = matched.map(({ c, match, basis }) => {
      const definition = getWorkflow(c.workflowCode, c.workflowVersion);
      return {
        id: visible.has(c.id) ? c.id : null,
        receiptNumber: c.receiptNumber,
        applicantName: c.applicantName,
        programName: c.programName,
        roundName: c.roundName,
        categoryName: c.categoryName,
        status: c.status,
        statusLabel: findState(definition, c.status)?.label ?? c.status,
        adopted: stateHasTag(definition, c.status, 'holdsSlot'),
        amount: Number(c.quotedAmount),
        receivedAt: c.receivedAt ? new Date(c.receivedAt).toISOString() : null,
        match,
        basis,
      };
    });
    const others: HistoryApplication[] = matched.map(({ c, match }, i) => ({
      id: c.id,
      receiptNumber: c.receiptNumber,
      programCode: c.programCode,
      programName: c.programName,
      roundName: c.roundName,
      adopted: entries[i]!.adopted,
      match,
      expenses: c.expenses ?? [],
    }));
    const programCode = await this.pastApplications.programCodeOf(app.roundId);
    const flags = historyFlags({ programCode, expenses: app.expenses ?? [] }, others).map((f) =>
      // an application the user may not open is named by its 受付番号 only
      visible.has(f.applicationId) ? f : { ...f, applicationId: '' },
    );
    return { bases: shown, entries, flags };
  }
}
