import { Inject, Injectable } from '@nestjs/common';
import { formatJstDate, formatYen, paymentConfirmationRefusal, type BankAccount } from '@jimukyoku/domain';
import { buildZenginTransferFile, checkFutureTransferDate, checkPaidOn, type ZenginRequester } from '@jimukyoku/domain/zengin';
import { findState, getWorkflow, paymentTransitionFrom, stateHasTag, workflowStatesTagged } from '@jimukyoku/workflow';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery, ListSpec } from '../../common/list-query';
import type { RequestMeta } from '../../common/request-meta';
import { APP_CONFIG, type AppConfig } from '../../config';
import { UnitOfWork } from '../../database';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionsService } from '../applications/transitions.service';
import { AuditService } from '../audit/audit.service';
import type { ConfirmPaymentBatchDto, CreatePaymentBatchDto } from './dto/payment-batch.dto';
import { PaymentBatchError } from './payment-batches.errors';
import { PaymentBatchesRepository, type NewLine, type PaymentBatchFilter, type PayableCandidate } from './payment-batches.repository';

export const PAYMENT_BATCH_LIST: ListSpec = {
  sortable: ['createdAt', 'transferDate', 'totalAmount'],
  defaultSort: ['createdAt', 'DESC'],
  filters: { roundId: 'uuid', status: { enum: ['open', 'paid', 'cancelled'] } },
};

/** An application left out of a batch, and why (shown with the batch). */
export interface ExcludedApplication {
  applicationId: string;
  receiptNumber: string | null;
  applicantName: string;
  reason: string;
}

/**
 * Payment batches (docs/payments.md "Payment batches"): a manager gathers a round's applications due to be
 * paid — in a state tagged awaitsPayment (subsidy@2's 額確定, a 給付金's 給付決定) — with the 支払額 (the 確定額
 * of a 補助金, the decided 給付額 of a 給付金) and the payee's registered account; downloads the 全銀 総合振込
 * file; and, once the bank has transferred, confirms the batch: in one transaction, every application fires its
 * definition's payment transition (`payment.transition`), whose audit record and applicant mail come with it.
 */
@Injectable()
export class PaymentBatchesService {
  constructor(
    private readonly rows: PaymentBatchesRepository,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(query: ListQuery<PaymentBatchFilter>) {
    return this.rows.list(query);
  }

  async get(id: string) {
    const batch = isUuid(id) ? await this.rows.find(id) : null;
    if (!batch) throw new PaymentBatchError('BATCH_NOT_FOUND');
    return { ...batch, lines: await this.rows.lines(id) };
  }

  create(dto: CreatePaymentBatchDto, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      if (!(await this.rows.roundExists(dto.roundId, tx))) throw new PaymentBatchError('ROUND_NOT_FOUND');
      const date = checkFutureTransferDate(dto.transferDate, await this.applications.dbNow(tx));
      if (!date.ok) throw new PaymentBatchError('INVALID_TRANSFER_DATE', { field: 'transferDate' }, date.message);
      const candidates = await this.rows.payable(dto.roundId, workflowStatesTagged('awaitsPayment'), dto.applicationIds ?? null, tx);
      const taken = candidates.filter((c) => c.openBatchId);
      if (dto.applicationIds && taken.length)
        throw new PaymentBatchError(
          'ALREADY_IN_OPEN_BATCH',
          { applicationIds: taken.map((c) => c.applicationId) },
          `申請 ${taken.map((c) => c.receiptNumber ?? c.applicationId).join('、')} は別の未確定の支払バッチに含まれています。そのバッチを確定するか取り消してから作成してください。`,
        );
      const lines: NewLine[] = [];
      const excluded: ExcludedApplication[] = [];
      for (const c of candidates.filter((x) => !x.openBatchId)) {
        const line = lineOf(c);
        if ('reason' in line)
          excluded.push({ applicationId: c.applicationId, receiptNumber: c.receiptNumber, applicantName: c.applicantName, reason: line.reason });
        else lines.push(line);
      }
      if (!lines.length) {
        // the applications asked for by id that are not this round's, not awaiting payment, or unknown: named, as the
        // bare 「この公募回に支払える申請はありません」 with nothing excluded did not say what was wrong with them
        const found = new Set(candidates.map((c) => c.applicationId));
        const notPayable = (dto.applicationIds ?? []).filter((id) => !found.has(id));
        if (notPayable.length)
          throw new PaymentBatchError(
            'NOTHING_TO_PAY',
            { excluded, notPayable },
            `指定した申請 (${notPayable.join('、')}) は、この公募回の支払待ち (額確定・概算払請求中・給付決定) の申請ではありません。公募回と申請を確かめてください。`,
          );
        throw new PaymentBatchError('NOTHING_TO_PAY', { excluded });
      }
      const requester = this.config.paymentRequester;
      // the file must be buildable now: a batch whose file the bank cannot take is refused when made
      this.file(requester, date.date, lines);
      const totalAmount = lines.reduce((s, l) => s + l.amount, 0);
      const id = await this.rows.insertBatch(
        { roundId: dto.roundId, transferDate: date.date, requester, totalCount: lines.length, totalAmount, excluded, createdBy: user.id },
        lines,
        tx,
      );
      if (!id) throw new PaymentBatchError('ALREADY_IN_OPEN_BATCH');
      await this.audit.record(
        {
          actor: user,
          action: 'paymentBatch.created',
          entityType: 'paymentBatch',
          entityId: id,
          changes: {
            roundId: dto.roundId,
            transferDate: date.date,
            totalCount: lines.length,
            totalAmount,
            applicationIds: lines.map((l) => l.applicationId),
            excluded,
          },
          ...meta,
        },
        tx,
      );
      return { ...(await this.rows.find(id, tx))!, lines: await this.rows.lines(id, tx) };
    });
  }

  /** The 全銀 総合振込 file of a batch, its totals checked against the batch's; the download is audited. */
  download(id: string, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const batch = isUuid(id) ? await this.rows.find(id, tx) : null;
      if (!batch) throw new PaymentBatchError('BATCH_NOT_FOUND');
      // a cancelled batch's file must not reach the bank: its applications may be in another batch now
      if (batch.status === 'cancelled')
        throw new PaymentBatchError('BATCH_NOT_OPEN', {}, 'この支払バッチは取り消されています。全銀ファイルはダウンロードできません。');
      const lines = await this.rows.lines(id, tx);
      const file = this.file(batch.requester as unknown as ZenginRequester, batch.transferDate, lines);
      if (file.count !== batch.totalCount || file.total !== Number(batch.totalAmount) || lines.length !== batch.totalCount)
        throw new PaymentBatchError('TOTALS_MISMATCH', {
          file: { count: file.count, total: file.total },
          batch: { count: batch.totalCount, total: batch.totalAmount },
        });
      await this.audit.record(
        {
          actor: user,
          action: 'paymentBatch.downloaded',
          entityType: 'paymentBatch',
          entityId: id,
          changes: { totalCount: file.count, totalAmount: file.total, bytes: file.bytes.length },
          ...meta,
        },
        tx,
      );
      return { bytes: file.bytes, fileName: `furikomi-${batch.transferDate.replaceAll('-', '')}.txt` };
    });
  }

  /**
   * The bank has transferred: every application of the batch fires its payment transition (with the 支払額 and
   * the 振込日 in its audit record and mail), and the batch is 支払済 — all in one transaction, so a batch is
   * paid whole or not at all (an application no longer awaiting payment refuses it, naming the application).
   */
  confirm(id: string, dto: ConfirmPaymentBatchDto, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const batch = isUuid(id) ? await this.rows.find(id, tx, true) : null;
      if (!batch) throw new PaymentBatchError('BATCH_NOT_FOUND');
      if (batch.status !== 'open') throw new PaymentBatchError('BATCH_NOT_OPEN');
      const now = await this.applications.dbNow(tx);
      // before its 振込指定日 the bank has not transferred: nothing to confirm, whatever 振込日 is typed
      const notYet = paymentConfirmationRefusal(batch.transferDate, now);
      if (notYet) throw new PaymentBatchError('TRANSFER_DATE_NOT_COME', { transferDate: batch.transferDate }, notYet);
      const paidOn = checkPaidOn(dto.paidOn, now, batch.transferDate);
      if (!paidOn.ok) throw new PaymentBatchError('INVALID_TRANSFER_DATE', { field: 'paidOn' }, paidOn.message);
      const lines = await this.rows.lines(id, tx);
      for (const line of lines) {
        const app = await this.applications.findVisible(line.applicationId, user, tx);
        if (!app) throw new PaymentBatchError('BATCH_NOT_FOUND');
        const workflow = getWorkflow(app.workflowCode, app.workflowVersion);
        const transition = paymentTransitionFrom(workflow, app.status)?.name;
        if (!transition) {
          // e.g. its 交付決定 was revoked after the batch was made: nothing of the batch is paid
          const receipt = line.receiptNumber ?? line.applicationId;
          const state = findState(workflow, app.status)?.label ?? app.status;
          throw new PaymentBatchError(
            'LINE_NOT_PAYABLE',
            { applicationId: line.applicationId, status: app.status },
            `申請 ${receipt} は支払待ちではありません（現在の状態: ${state}）。この支払バッチを取り消し、支払える申請で作り直してください。`,
          );
        }
        await this.transitions.fireIn(
          tx,
          line.applicationId,
          transition,
          { role: user.role, id: user.id, staff: user },
          {
            // the mail's amount ({{quotedAmount}}) is what was paid, not the quote at 申請, and it says when
            amount: { computed: line.amount },
            mailFacts: { paidOn: formatJstDate(paidOn.date) },
            payment: { batchId: id },
            requestId: meta.requestId,
            ip: meta.ip,
            auditExtra: { paymentBatchId: id, paidAmount: line.amount, paidOn: paidOn.date },
          },
        );
      }
      await this.rows.markPaid(id, paidOn.date, user.id, tx);
      await this.audit.record(
        {
          actor: user,
          action: 'paymentBatch.confirmed',
          entityType: 'paymentBatch',
          entityId: id,
          changes: { paidOn: paidOn.date, totalCount: batch.totalCount, totalAmount: Number(batch.totalAmount) },
          ...meta,
        },
        tx,
      );
      return { ...(await this.rows.find(id, tx))!, lines: await this.rows.lines(id, tx) };
    });
  }

  /** An open batch withdrawn before the transfer: its applications may go into another batch. */
  cancel(id: string, user: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const batch = isUuid(id) ? await this.rows.find(id, tx, true) : null;
      if (!batch) throw new PaymentBatchError('BATCH_NOT_FOUND');
      if (batch.status !== 'open') throw new PaymentBatchError('BATCH_NOT_OPEN');
      await this.rows.markCancelled(id, user.id, tx);
      await this.audit.record({ actor: user, action: 'paymentBatch.cancelled', entityType: 'paymentBatch', entityId: id, changes: {}, ...meta }, tx);
      return { ...(await this.rows.find(id, tx))!, lines: await this.rows.lines(id, tx) };
    });
  }

  private file(requester: ZenginRequester, transferDate: string, lines: readonly NewLine[]) {
    const built = buildZenginTransferFile({
      requester,
      transferDate,
      transfers: lines.map((l) => ({
        account: {
          bankCode: l.bankCode,
          branchCode: l.branchCode,
          depositType: l.depositType,
          accountNumber: l.accountNumber,
          accountHolderKana: l.accountHolderKana,
        } as BankAccount,
        amount: l.amount,
      })),
    });
    if (!built.ok)
      throw new PaymentBatchError(
        'INVALID_ZENGIN_FILE',
        { problems: built.problems },
        `全銀ファイルを作成できません: ${built.problems.map((p) => p.message).join(' ')}`,
      );
    return built.file;
  }
}

/**
 * The line of a payable application, or why it is left out. A 補助金 is paid its 確定額 less the 概算払 already paid
 * (grant_amount, docs/post-award.md), or the 概算払 it requested while it awaits one; a 給付金 the amount decided (its quote).
 */
function lineOf(c: PayableCandidate): NewLine | { reason: string } {
  const advance = stateHasTag(getWorkflow(c.workflowCode, c.workflowVersion), c.status, 'awaitsAdvancePayment');
  const due = amountDue(c, advance);
  if ('reason' in due) return due;
  const { amount } = due;
  if (!c.bankCode || !c.branchCode || !c.depositType || !c.accountNumber || !c.accountHolderKana)
    return { reason: `受取人の口座が登録されていません（支払額 ${formatYen(amount)}）` };
  return {
    applicationId: c.applicationId,
    kind: advance ? 'advance' : 'final',
    amount,
    bankCode: c.bankCode,
    branchCode: c.branchCode,
    depositType: c.depositType,
    accountNumber: c.accountNumber,
    accountHolderKana: c.accountHolderKana,
  };
}

/** What a line pays, or why nothing can be paid yet. */
function amountDue(c: PayableCandidate, advance: boolean): { amount: number } | { reason: string } {
  if (c.categoryKind !== 'subsidy') return c.quotedAmount > 0 ? { amount: c.quotedAmount } : { reason: '給付額がありません' };
  if (advance) return c.advanceRequestedAmount ? { amount: c.advanceRequestedAmount } : { reason: '概算払の請求額が記録されていません' };
  if (c.fixedAmount === null) return { reason: '確定額が記録されていません' };
  const amount = c.fixedAmount - c.advancePaidAmount;
  if (amount > 0) return { amount };
  return {
    reason: `概算払の支払済額 ${formatYen(c.advancePaidAmount)} が確定額 ${formatYen(c.fixedAmount)} 以上のため、精算で支払う額がありません${amount < 0 ? `（差額 ${formatYen(-amount)} は返還の対象）` : ''}`,
  };
}
