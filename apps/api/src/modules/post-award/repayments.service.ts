import { Injectable } from '@nestjs/common';
import { formatJstDate, formatYen, isCalendarDate, jstDate } from '@jimukyoku/domain';
import type { AuthenticatedUser } from '../../auth/roles';
import { INVALID_IDEMPOTENCY_KEY, isIdempotencyKey } from '../../common/idempotency-key';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork, type Transaction } from '../../database';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { TransitionsService } from '../applications/transitions.service';
import { AuditService } from '../audit/audit.service';
import type { GrantRevocationDto, RepaymentReceivedDto } from './dto/repayment.dto';
import { PostAwardError } from './post-award.errors';
import { PostAwardRepository } from './post-award.repository';
import { PostAwardService } from './post-award.service';
import { RECORD_REPAYMENT, REVOKE_GRANT, SETTLE_ADVANCE_EXCESS } from './post-award-steps';
import { ADVANCE_EXCESS, type RepaymentClaim, type RevocationGround } from './repayment.entity';
import { checkRepaymentDueDate, repaymentAmount } from './repayment-rules';
import { sumReceived as sum } from './repayment-view';
import { RepaymentsRepository } from './repayments.repository';
import { revocationOutsideProcedure } from './filing-checks';

/** The category code's suffix of ものづくり補助金 回復型賃上げ・雇用拡大枠 (the reference catalogue's). */
const RECOVERY_WAGE_CATEGORY = /\.recoveryWageIncrease$/;

/**
 * 交付決定取消 and 返還 (docs/post-award.md): the manager revokes with a reason and a 納期限, the 返還額 comes from
 * the rules; repayments received are recorded (partial allowed, never more than outstanding) and the one that
 * completes it fires recordRepayment (返還済), or, for a 概算払's excess claimed by the 額の確定, settleAdvanceExcess
 * (支払済). Each in one transaction with the workflow transition and audit.
 */
@Injectable()
export class RepaymentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: RepaymentsRepository,
    private readonly amounts: PostAwardRepository,
    private readonly applications: ApplicationsRepository,
    private readonly transitions: TransitionsService,
    private readonly audit: AuditService,
    private readonly postAward: PostAwardService,
  ) {}

  async revoke(user: AuthenticatedUser, applicationId: string, dto: GrantRevocationDto, meta: RequestMeta) {
    await this.uow.run(async (tx) => {
      const app = await this.visible(user, applicationId, tx);
      const outsideProcedure = revocationOutsideProcedure(app);
      if (outsideProcedure) throw new PostAwardError('STEP_NOT_IN_PROCEDURE', { transition: REVOKE_GRANT }, outsideProcedure);
      const category = await this.applications.categoryOf(app.categoryId, tx);
      if (category.config.kind !== 'subsidy') throw new PostAwardError('NOT_A_SUBSIDY');
      const ground: RevocationGround = dto.ground ?? 'general';
      if (ground === 'wageTargetMissed' && !RECOVERY_WAGE_CATEGORY.test(category.code)) throw new PostAwardError('GROUND_NOT_APPLICABLE', { field: 'ground' });
      const { paid, amount } = repaymentAmount(app, await this.amounts.findAmount(app.id, tx), await this.amounts.paidByBatches(app.id, tx));
      // a 概算払's excess already claimed (docs/post-award.md "概算払"): its repayments count towards all that was paid
      const earlier = await this.repo.findClaim(app.id, tx, true);
      const alreadyRepaid = earlier ? sum(await this.repo.received(app.id, tx)) : 0;
      const outstanding = amount - alreadyRepaid;
      // a date that does not exist is refused even when nothing is to be repaid and the 納期限 goes unused
      if (dto.dueDate && !isCalendarDate(dto.dueDate)) throw new PostAwardError('INVALID_DATE', { field: 'dueDate' });
      let dueDate: string | null = null;
      if (outstanding > 0) {
        if (!dto.dueDate) throw new PostAwardError('DUE_DATE_REQUIRED', { field: 'dueDate' });
        checkRepaymentDueDate(dto.dueDate, await this.repo.todayJst(tx), 'dueDate');
        dueDate = dto.dueDate;
      }
      const actor = { role: user.role, id: user.id, staff: user };
      const reason = dto.reason.trim();
      if (!reason) throw new PostAwardError('INVALID_FILING', { errors: [{ field: 'reason', message: 'reason (取消しの理由) を入力してください' }] });
      await this.transitions.fireIn(tx, app.id, REVOKE_GRANT, actor, {
        reason,
        // the 返還額 was worked out from the application as read above: a payment confirmed since (a new version)
        // would make it wrong, so the revocation is then refused (409 STALE_VERSION) and made again
        expectedVersion: app.version,
        // the mail states what is left to return ({{quotedAmount}}) and its 納期限
        amount: { computed: outstanding },
        mailFacts: { repaymentDueDate: dueDate ? formatJstDate(dueDate) : 'なし（返還は不要です）' },
        ...meta,
        auditExtra: { repaymentAmount: amount, paidAmount: paid, ground, dueDate, ...(earlier ? { alreadyRepaid } : {}) },
      });
      const claim = { applicationId: app.id, amount, paidAmount: paid, ground, reason, dueDate: dueDate ?? earlier?.dueDate ?? null, revokedBy: user.id };
      if (earlier) await this.repo.raiseClaim(claim, tx);
      else await this.repo.insertClaim(claim, tx);
      // nothing (more) was paid: nothing to repay, the 返還 is complete at once
      if (outstanding === 0) await this.complete(tx, claim, amount, actor, meta);
    });
    return this.postAward.show(user, applicationId);
  }

  /**
   * Records a repayment received. With an Idempotency-Key (`requestKey`) it is recorded at most once: the key is
   * looked up under the claim's lock, so a request sent again (its answer lost, a second click) finds the
   * repayment its first recorded and answers the view as it stands (`replayed`), and the same key with other
   * content is refused, naming what it recorded.
   */
  async receive(user: AuthenticatedUser, applicationId: string, dto: RepaymentReceivedDto, meta: RequestMeta, requestKey?: string) {
    if (requestKey !== undefined && !isIdempotencyKey(requestKey)) throw new PostAwardError('INVALID_IDEMPOTENCY_KEY', { errors: [INVALID_IDEMPOTENCY_KEY] });
    const replayed = await this.uow.run(async (tx) => {
      const app = await this.visible(user, applicationId, tx);
      const claim = await this.repo.findClaim(app.id, tx, true);
      if (!claim) throw new PostAwardError('NO_REPAYMENT_CLAIM');
      const note = dto.note?.trim() || null;
      const first = requestKey === undefined ? null : await this.repo.receivedWithKey(app.id, requestKey, tx);
      if (first) {
        if (first.receivedOn === dto.receivedOn && first.amount === dto.amount && first.note === note) return true;
        throw new PostAwardError(
          'REPAYMENT_KEY_REUSED',
          { field: 'Idempotency-Key', receivedOn: first.receivedOn, amount: first.amount },
          `この送信では既に入金（入金日 ${first.receivedOn}、入金額 ${formatYen(first.amount)}）を記録しました。別の入金を記録するときは、画面を読み込み直してから入力してください。`,
        );
      }
      if (claim.repaidAt) throw new PostAwardError('ALREADY_REPAID');
      if (!isCalendarDate(dto.receivedOn)) throw new PostAwardError('INVALID_DATE', { field: 'receivedOn' });
      if (dto.receivedOn > (await this.repo.todayJst(tx))) throw new PostAwardError('RECEIVED_IN_FUTURE', { field: 'receivedOn' });
      // a 返還 answers the claim the 交付決定取消 made, or the 額の確定 for a 概算払's excess (also once a revocation raised
      // it): a receipt dated before it is a typo or another payment
      const revokedOn = jstDate(claim.claimedAt);
      const claimedBy = claim.ground === ADVANCE_EXCESS || claim.claimedAt.getTime() !== claim.revokedAt.getTime() ? '額の確定' : '交付決定取消';
      if (dto.receivedOn < revokedOn)
        throw new PostAwardError(
          'RECEIVED_BEFORE_REVOCATION',
          { field: 'receivedOn', revokedOn },
          `入金日（${dto.receivedOn}）が${claimedBy}の日（${revokedOn}）より前です。${claimedBy}以後に受けた入金の日付を指定してください。`,
        );
      const before = sum(await this.repo.received(app.id, tx));
      const outstanding = claim.amount - before;
      if (dto.amount > outstanding)
        throw new PostAwardError(
          'OVERPAYMENT',
          { field: 'amount', outstanding },
          `入金額 ${formatYen(dto.amount)} が未返還額 ${formatYen(outstanding)} を超えています（返還額 ${formatYen(claim.amount)}、入金済み ${formatYen(before)}）。入金額を確認してください。`,
        );
      const row = await this.repo.insertReceived(
        { applicationId: app.id, receivedOn: dto.receivedOn, amount: dto.amount, note, recordedBy: user.id, requestKey: requestKey ?? null },
        tx,
      );
      await this.audit.record(
        {
          actor: { id: user.id, role: user.role },
          action: 'repayment.received',
          entityType: 'application',
          entityId: app.id,
          changes: {
            repaymentId: row.id,
            receivedOn: dto.receivedOn,
            amount: dto.amount,
            note,
            repaidTotal: before + dto.amount,
            repaymentAmount: claim.amount,
          },
          ...meta,
        },
        tx,
      );
      if (before + dto.amount === claim.amount) await this.complete(tx, claim, claim.amount, { role: user.role, id: user.id, staff: user }, meta);
      return false;
    });
    return { view: await this.postAward.show(user, applicationId), replayed };
  }

  /**
   * Repaid in full, with the amount repaid, and the claim stamped: a revoked grant's 返還 ends the project
   * (recordRepayment, 返還済); a 概算払's excess returned completes its 精算 (settleAdvanceExcess, 支払済).
   */
  private async complete(
    tx: Transaction,
    claim: Pick<RepaymentClaim, 'applicationId' | 'ground'>,
    repaid: number,
    actor: { role: AuthenticatedUser['role']; id: string; staff: AuthenticatedUser },
    meta: RequestMeta,
  ) {
    const transition = claim.ground === ADVANCE_EXCESS ? SETTLE_ADVANCE_EXCESS : RECORD_REPAYMENT;
    await this.transitions.fireIn(tx, claim.applicationId, transition, actor, { amount: { computed: repaid }, ...meta, auditExtra: { repaidTotal: repaid } });
    await this.repo.markRepaid(claim.applicationId, tx);
  }

  private async visible(user: AuthenticatedUser, applicationId: string, tx: Transaction): Promise<Application> {
    const app = await this.applications.findVisible(applicationId, user, tx);
    if (!app) throw new PostAwardError('APPLICATION_NOT_FOUND');
    return app;
  }
}
