import { randomUUID } from 'node:crypto';
import { HttpException, Injectable } from '@nestjs/common';
import { endOfJstDayAfter, formatJstDate } from '@jimukyoku/domain';
import {
  decide,
  findTransition,
  getWorkflow,
  initialState,
  reopensFormalCheck,
  stateHasTag,
  statesTagged,
  type Actor as WorkflowActor,
  type Decision,
  type Role,
  type WorkflowContext,
} from '@jimukyoku/workflow';
import type { AuthenticatedUser } from '../../auth/roles';
import { UnitOfWork, type Transaction } from '../../database';
import { isDatabaseUnavailable, isLockTimeout, isPoolExhausted } from '../../database/connection-faults';
import { WriteChain, type ChainPart } from '../../database/write-chain';
import { AuditRepository, type NewAuditLogEntry } from '../audit/audit.repository';
import { NotificationsRepository, type TransitionNotification } from '../notifications/notifications.repository';
import type { Category } from '../programs/category.entity';
import { RulesRepository } from '../programs/rules.repository';
import type { RoundCategory } from '../rounds/round-category.entity';
import type { Round } from '../rounds/round.entity';
import type { Application } from './application.entity';
import { ApplicationsRepository, type NewApplication, type TransitionWrite } from './applications.repository';
import { BULK_ITEM_LOCK_WAIT_MS, bulkInterrupted, bulkTransitionLabel, lockedItem, notInItsWorkflow, type BulkItemResult } from './bulk-items';
import { ApplicationError, TransitionRefused } from './transitions.errors';
import { countsAdoptionSlots, readsAhead, workflowInputs, workflowInputsOf, type GuardReads } from './workflow-inputs';

/** Who fires a transition: a staff user, an intake channel, or the system (scheduled work). */
export interface TransitionActor {
  role: Role;
  /** staff user id or intake channel id; null for the system */
  id: string | null;
  /** set for staff: applications they may not see are "not found" */
  staff?: AuthenticatedUser;
}

export interface TransitionOptions {
  reason?: string;
  /** the version the caller saw; a different current version is a 409 */
  expectedVersion?: number;
  requestId?: string;
  ip?: string;
  /** more context for the audit record (e.g. the import and row an application came from) */
  auditExtra?: Record<string, unknown>;
  /** carries out a committed adoption decision: the single-採択 guards (deadline, 予算) pass */
  byDecision?: boolean;
  /** the 類型 a 再審査 moves the application to, checked by ReconsiderationService (guard reconsiderationTargetChosen) */
  reconsideration?: WorkflowContext['reconsideration'];
  /** the 交付決定額 or 確定額 the post-award routes computed by the rules (guard amountComputed, docs/post-award.md) */
  amount?: WorkflowContext['amount'];
  /** facts the applicant's mail states beside the transition's own (a 交付決定取消's 返還の納期限), already formatted */
  mailFacts?: { repaymentDueDate?: string; paidOn?: string };
  /** the payment batch whose confirmation records this payment (guard paidByBatch, docs/payments.md) */
  payment?: WorkflowContext['payment'];
  /** the 確定額 and what the 概算払 already paid, at the 額の確定 (guard paidInAdvance, docs/post-award.md "概算払") */
  settlement?: WorkflowContext['settlement'];
}

/**
 * What intake already read in its transaction, so fireOnNewIn does not read it again (the round context it
 * loaded once, the transaction's clock); they must be the current rows of this transaction.
 */
export interface KnownInputs {
  round?: Round;
  /** the round's settings for the application's category (null: not offered with settings) */
  offered?: RoundCategory | null;
  category?: Category;
  /** the transaction's clock (the database's now()) */
  now?: Date;
  /** the round's rule set was seen locked in this transaction (a lock is never lifted): no need to lock it again */
  ruleSetLocked?: boolean;
}

export interface TransitionOutcome {
  application: Application;
  transition: { name: string; label: string; from: string; to: string };
  auditId: string;
}

/** How many applications fireManyIn reads, decides and writes at a time (three statements per slice). */
const FIRE_MANY_SLICE = 2_000;

/**
 * The one code path of every state change, single or bulk: decide() from libs/workflow on a
 * snapshot read inside the transaction, then, in that transaction, the state by
 * ApplicationsRepository.applyTransition (guarded by the row version; a new application's by its
 * INSERT in the resulting state, fireOnNewIn), the audit record by
 * AuditRepository and the outbox rows by NotificationsRepository; the first submission locks the
 * round's rule set (RulesRepository).
 */
@Injectable()
export class TransitionsService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
    private readonly rules: RulesRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  fire(applicationId: string, transition: string, actor: TransitionActor, options: TransitionOptions = {}, lockWaitMs?: number): Promise<TransitionOutcome> {
    return this.unitOfWork.run((tx) => this.fireIn(tx, applicationId, transition, actor, options), { lockWaitMs });
  }

  /** Each application in its own transaction: all or nothing per application, a result for each. */
  async fireBulk(applicationIds: string[], transition: string, actor: TransitionActor, options: TransitionOptions = {}): Promise<BulkItemResult[]> {
    const label = bulkTransitionLabel(transition);
    const results: BulkItemResult[] = [];
    for (const id of applicationIds) {
      try {
        const outcome = await this.fire(
          id,
          transition,
          actor,
          { reason: options.reason, requestId: options.requestId, ip: options.ip },
          BULK_ITEM_LOCK_WAIT_MS,
        );
        results.push({ id, ok: true, status: outcome.application.status });
      } catch (e) {
        if (!(e instanceof HttpException)) {
          // PostgreSQL gone partway: the applications done are committed (each its own transaction). A bare 503
          // read as "nothing happened" to a manager who then would not resend, leaving the operation half done
          if (isDatabaseUnavailable(e) || isPoolExhausted(e)) throw bulkInterrupted(results, applicationIds.slice(results.length));
          // this one application is held by another transaction (its lock wait timed out): the others go on
          if (isLockTimeout(e)) {
            results.push(lockedItem(id));
            continue;
          }
          throw e;
        }
        const body = e.getResponse() as { code?: string; message?: string };
        results.push(body.code === 'UNKNOWN_TRANSITION' ? notInItsWorkflow(id, label) : { id, ok: false, code: body.code, message: body.message });
      }
    }
    return results;
  }

  /** Fires one transition inside the caller's transaction. */
  async fireIn(tx: Transaction, applicationId: string, transition: string, actor: TransitionActor, options: TransitionOptions): Promise<TransitionOutcome> {
    const seen = actor.staff ? await this.repo.findVisible(applicationId, actor.staff, tx) : await this.repo.find(applicationId, tx);
    if (!seen) throw new ApplicationError('APPLICATION_NOT_FOUND');
    // a 採択 or 繰上げ counts the slots and 予算 under the lock a decision's commit takes, so that two at once
    // cannot each see the last slot free; taken before the application's row, as the commit takes them
    if (countsAdoptionSlots(findTransition(getWorkflow(seen.workflowCode, seen.workflowVersion), transition)))
      await this.repo.lockAdoptionSlots(seen.roundId, seen.categoryId, tx);
    // then the application as it now stands, held until the transaction ends: a change committed meanwhile (a
    // reviewer's last score completing the review as the applicant withdraws) is decided on, not refused as stale
    const app = await this.repo.findLocked(seen.id, tx);
    if (!app) throw new ApplicationError('APPLICATION_NOT_FOUND');
    if (options.expectedVersion !== undefined && options.expectedVersion !== app.version) {
      throw new ApplicationError('STALE_VERSION', { currentVersion: app.version });
    }
    const definition = getWorkflow(app.workflowCode, app.workflowVersion);
    const { snapshot, context, round } = await workflowInputs(this.repo, app, tx, {}, options.byDecision === true);
    const now = await this.repo.dbNow(tx);
    const engineActor: WorkflowActor = { role: actor.role, id: actor.id ?? 'system' };
    const decision = decide(definition, snapshot, { transition, reason: options.reason }, engineActor, now, {
      ...context,
      reconsideration: options.reconsideration,
      amount: options.amount,
      payment: options.payment,
      settlement: options.settlement,
    });
    if (!decision.ok) throw new TransitionRefused(decision.code, decision.message, decision.guardFailures ? { guardFailures: decision.guardFailures } : {});

    const category = await this.repo.categoryOf(app.categoryId, tx);
    const rows = transitionRows(app, decision, now, round, category, actor, options);
    const application = await this.repo.applyTransition(tx, rows.write);
    if (!application) throw new ApplicationError('STALE_VERSION');
    if (!options.payment && stateHasTag(definition, decision.from, 'awaitsPayment')) await this.refuseWhileInOpenBatch(app, tx);
    // a decision held for the 採択発表 supersedes the one held before it (a 補欠 繰上げ or closed before the
    // announcement): the applicant is told the last decision only, never a 補欠 and a 採択 at once
    const superseded = rows.notices.some((n) => n.heldUntilAnnouncement) ? await this.notifications.cancelHeldDecisionNotices(app.id, tx) : [];
    if (superseded.length) rows.audit.changes = { ...rows.audit.changes, supersededNotifications: superseded };
    const auditId = await this.audit.insert(rows.audit, tx);
    await this.notifications.insertMany(
      rows.notices.map((n) => ({ ...n, auditId })),
      tx,
    );
    if (decision.from === initialState(definition).code) await this.rules.lockRuleSetOfRound(app.roundId, tx);
    return {
      application,
      transition: { name: decision.transition, label: decision.label, from: decision.from, to: decision.to },
      auditId,
    };
  }

  /**
   * An application awaiting payment leaves that state only by the confirmation of the open payment batch that
   * carries it, if one does (docs/payments.md "Leaving a payment state"): that batch's 全銀 file may already be at
   * the bank, and a 交付決定取消 or a refused 概算払 recorded meanwhile would leave money transferred that no record
   * and no 返還 claim knows of. Read after applyTransition has locked the application's row: a batch made at the
   * same moment holds its candidates' rows (PaymentBatchesRepository.payable), so one of the two sees the other.
   */
  private async refuseWhileInOpenBatch(app: Application, tx: Transaction): Promise<void> {
    const batch = await this.repo.openPaymentBatchOf(app.id, tx);
    if (!batch) return;
    const receipt = app.receiptNumber ?? app.id;
    throw new ApplicationError(
      'IN_OPEN_PAYMENT_BATCH',
      { paymentBatchId: batch.id, transferDate: batch.transferDate },
      `申請 ${receipt} は未確定の支払バッチ（振込指定日 ${formatJstDate(batch.transferDate)}）に含まれています。銀行に振込を依頼していなければ支払バッチを取り消し、振り込まれていれば振込を確定してから、もう一度操作してください。`,
    );
  }

  /**
   * A new application handed over by `steps` in the caller's transaction (intake: the draft submitted, a
   * 事業復活支援金 after its 事前確認), written once: each transition is decided by decide() as fireIn decides
   * it — same inputs, the next on the application as the previous left it — in memory, then the application
   * is INSERTed in the state the last one leaves it (version, stamps and 補正期限 as the versioned UPDATEs
   * would have left them; created_at and updated_at the transaction's clock either way), followed by each
   * transition's audit record and outbox rows (transitionRows, as fireIn writes them) and what `alongside`
   * adds (intake: its attachments' link, its status link, its stored answer; given the application as it
   * will be stored), all in one statement (database/write-chain.ts), and, for a first
   * submission, the rule set lock. Its list indexes are written once instead of at the draft's INSERT
   * and again at the state UPDATE. The application does not exist before: a guard reading ahead (the
   * 書面審査's progress, the slots taken) sees none of its rows, as it would not for a draft.
   * Returns null, having written nothing, when the round already holds an application of the draft's 法人番号.
   */
  async fireOnNewIn(
    tx: Transaction,
    draft: NewApplication,
    steps: { transition: string; auditExtra?: Record<string, unknown> }[],
    actor: TransitionActor,
    known: Required<Pick<KnownInputs, 'round' | 'offered' | 'category' | 'now'>> & Pick<KnownInputs, 'ruleSetLocked'>,
    alongside?: (chain: WriteChain, application: ChainPart<Application>, written: Application) => void,
  ): Promise<Application | null> {
    const definition = getWorkflow(draft.workflowCode, draft.workflowVersion);
    const engineActor: WorkflowActor = { role: actor.role, id: actor.id ?? 'system' };
    // the draft as its INSERT would have returned it: the columns left out take the table's defaults (null)
    let app = {
      ...draft,
      id: randomUUID(),
      formalCheck: draft.formalCheck ?? null,
      correctionDueAt: draft.correctionDueAt ?? null,
      createdAt: known.now,
      updatedAt: known.now,
    } as Application;
    const written: TransitionRows[] = [];
    let lockRuleSet = false;
    for (const step of steps) {
      const { snapshot, context } = await workflowInputs(this.repo, app, tx, { round: known.round, offered: known.offered, heldDecision: null });
      const decision = decide(definition, snapshot, { transition: step.transition }, engineActor, known.now, context);
      if (!decision.ok) throw new TransitionRefused(decision.code, decision.message, decision.guardFailures ? { guardFailures: decision.guardFailures } : {});
      const rows = transitionRows(app, decision, known.now, known.round, known.category, actor, { auditExtra: step.auditExtra });
      written.push(rows);
      if (decision.from === initialState(definition).code) lockRuleSet = true;
      // what applyTransition's UPDATE writes: state, version + 1, stamps merged (jsonb ||), the 補正期限 when set
      app = {
        ...app,
        status: rows.write.to,
        version: app.version + 1,
        stamps: { ...app.stamps, ...rows.write.stamps },
        ...(rows.write.correctionDueAt !== undefined ? { correctionDueAt: rows.write.correctionDueAt } : {}),
      };
    }
    const { createdAt: _createdAt, updatedAt: _updatedAt, ...row } = app;
    const chain = new WriteChain(tx);
    const inserted = this.repo.insertIn(chain, 'application', row);
    // each audit record after the one before it (their ids in the transitions' order), the first after the application
    let previous: ChainPart = inserted;
    written.forEach((rows, i) => {
      previous = this.audit.insertIn(chain, `audit_${i}`, rows.audit, previous);
      if (rows.notices.length) this.notifications.insertIn(chain, `notice_${i}`, rows.notices, previous);
    });
    alongside?.(chain, inserted, app);
    const [application] = await chain.rowsOf(inserted);
    if (!application) return null;
    if (lockRuleSet && !known.ruleSetLocked) await this.rules.lockRuleSetOfRound(draft.roundId, tx);
    return application;
  }

  /**
   * Fires many transitions inside the caller's transaction, all or nothing (a committed adoption decision):
   * each application is decided by decide() as fireIn decides it, one after the other, on what is read
   * once per slice (the applications, the 書面審査's progress) or once for all (their rounds, 類型 settings
   * and names, the slots taken, each earlier 採択 of the batch counting for the next, and the
   * transaction's clock), and the rows fireIn would write are written set-based, per slice of
   * FIRE_MANY_SLICE: one UPDATE of the states (each at the version it was decided on), one INSERT of the
   * audit records, one of the outbox rows. The first refusal throws and the caller rolls back all slices.
   * Returns how many were fired.
   */
  async fireManyIn(
    tx: Transaction,
    items: { applicationId: string; transition: string; auditExtra?: Record<string, unknown> }[],
    actor: TransitionActor,
    options: Pick<TransitionOptions, 'requestId' | 'ip' | 'byDecision'>,
  ): Promise<number> {
    if (items.length === 0) return 0;
    if (new Set(items.map((i) => i.applicationId)).size !== items.length) throw new Error('fireManyIn: an application is named twice');
    const byDecision = options.byDecision === true;
    const now = await this.repo.dbNow(tx);
    const engineActor: WorkflowActor = { role: actor.role, id: actor.id ?? 'system' };
    const slotStates = new Set(statesTagged('holdsSlot'));
    // what the applications' rounds and 類型 are, read once each; the slots taken, once per round × 類型 and then carried along
    const rounds = new Map<string, Round>();
    const offered = new Map<string, RoundCategory | null>();
    const categories = new Map<string, Category>();
    const usage = new Map<string, GuardReads['usage']>();
    const lockRounds = new Set<string>();
    // in slices, so that a slice's rows (entities, audit records, statement parameters) are all that is held at once
    for (let at = 0; at < items.length; at += FIRE_MANY_SLICE) {
      const slice = items.slice(at, at + FIRE_MANY_SLICE);
      const apps = new Map(
        (
          await this.repo.findMany(
            slice.map((i) => i.applicationId),
            actor.staff ?? null,
            tx,
          )
        ).map((a) => [a.id, a]),
      );
      const missing = slice.find((i) => !apps.has(i.applicationId));
      if (missing) throw new ApplicationError('APPLICATION_NOT_FOUND', { applicationId: missing.applicationId });
      const needReviews: string[] = [];
      for (const app of apps.values()) {
        const key = `${app.roundId}:${app.categoryId}`;
        if (!rounds.has(app.roundId)) rounds.set(app.roundId, await this.repo.roundOf(app.roundId, tx));
        if (!offered.has(key)) offered.set(key, await this.repo.offeredOf(app.roundId, app.categoryId, tx));
        if (!categories.has(app.categoryId)) categories.set(app.categoryId, await this.repo.categoryOf(app.categoryId, tx));
        const needs = readsAhead(app, offered.get(key)!, byDecision);
        if (needs.reviews) needReviews.push(app.id);
        if (needs.usage && !usage.has(key)) usage.set(key, await this.repo.adoptedUsage(app.roundId, app.categoryId, [...slotStates], tx));
      }
      const reviews = needReviews.length ? await this.repo.reviewProgressOf(needReviews, tx) : new Map<string, GuardReads['reviews']>();

      const planned: { rows: TransitionRows; applicationId: string }[] = [];
      for (const item of slice) {
        const app = apps.get(item.applicationId)!;
        const key = `${app.roundId}:${app.categoryId}`;
        const round = rounds.get(app.roundId)!;
        const definition = getWorkflow(app.workflowCode, app.workflowVersion);
        const used = usage.get(key) ?? { count: 0, amount: 0 };
        const { snapshot, context } = workflowInputsOf(app, round, offered.get(key)!, { reviews: reviews.get(app.id) ?? null, usage: used }, byDecision);
        const decision = decide(definition, snapshot, { transition: item.transition }, engineActor, now, context);
        if (!decision.ok)
          throw new TransitionRefused(decision.code, decision.message, {
            applicationId: app.id,
            ...(decision.guardFailures ? { guardFailures: decision.guardFailures } : {}),
          });
        // the next application's guards see this one's slot, as the database would after its UPDATE
        if (usage.has(key)) {
          const delta = Number(slotStates.has(decision.to)) - Number(slotStates.has(decision.from));
          usage.set(key, { count: used.count + delta, amount: used.amount + delta * Number(app.quotedAmount ?? 0) });
        }
        if (decision.from === initialState(definition).code) lockRounds.add(app.roundId);
        planned.push({
          applicationId: app.id,
          rows: transitionRows(app, decision, now, round, categories.get(app.categoryId)!, actor, { ...options, auditExtra: item.auditExtra }),
        });
      }

      const written = await this.repo.applyTransitions(
        tx,
        planned.map((p) => p.rows.write),
      );
      if (written !== planned.length) throw new ApplicationError('STALE_VERSION');
      const auditIds = await this.audit.insertEach(
        planned.map((p) => p.rows.audit),
        tx,
      );
      await this.notifications.insertEach(
        planned.flatMap((p) => p.rows.notices.map((n) => ({ ...n, auditId: auditIds.get(p.applicationId)! }))),
        tx,
      );
    }
    for (const roundId of lockRounds) await this.rules.lockRuleSetOfRound(roundId, tx);
    return items.length;
  }
}

/** What one decided transition writes: the application's state, its audit record, its outbox rows (without the record's id yet). */
interface TransitionRows {
  write: TransitionWrite;
  audit: NewAuditLogEntry;
  notices: Omit<TransitionNotification, 'auditId'>[];
}

/** The rows of one decided transition, the same for fireIn and fireManyIn. */
function transitionRows(
  app: Application,
  decision: Extract<Decision, { ok: true }>,
  now: Date,
  round: Round,
  category: Category,
  actor: TransitionActor,
  options: Pick<TransitionOptions, 'amount' | 'mailFacts' | 'auditExtra' | 'requestId' | 'ip'>,
): TransitionRows {
  const stamps = Object.fromEntries(Object.entries(decision.stamps).map(([k, v]) => [k, v.toISOString()]));
  // A transition that stamps returnedAt opens the round's correction period: the 補正期限 is the end of its last day in JST.
  const correctionDueAt = 'returnedAt' in decision.stamps ? endOfJstDayAfter(now, round.correctionPeriodDays) : undefined;
  const payload = {
    transition: decision.transition,
    reason: decision.reason ?? null,
    applicantName: app.applicantName,
    receiptNumber: app.receiptNumber,
    roundName: round.name,
    categoryName: category.name,
    // the mail of a 交付決定 or 額の確定 states the amount just decided, not the quote at 申請
    quotedAmount: options.amount?.computed ?? app.quotedAmount,
    correctionDueAt: correctionDueAt?.toISOString() ?? app.correctionDueAt?.toISOString() ?? null,
    ...options.mailFacts,
  };
  // a 再提出 reopens the 要件確認: the check completed before it judged what has since been corrected
  const reopens = reopensFormalCheck(getWorkflow(app.workflowCode, app.workflowVersion), decision.from, decision.to);
  return {
    write: { applicationId: app.id, expectedVersion: app.version, to: decision.to, stamps, correctionDueAt, reopensFormalCheck: reopens },
    audit: {
      actorId: actor.id,
      actorRole: actor.role,
      action: `application.${decision.transition}`,
      entityType: 'application',
      entityId: app.id,
      fromStatus: decision.from,
      toStatus: decision.to,
      reason: decision.reason ?? null,
      changes: {
        transition: decision.transition,
        label: decision.label,
        stamps,
        version: { from: app.version, to: app.version + 1 },
        // the guards the reason overrode (a single 採択 before the 応募締切 or beyond the 予算)
        ...(decision.overridden ? { overridden: decision.overridden.map(({ guard, code, message }) => ({ guard, code, message })) } : {}),
        ...options.auditExtra,
      },
      requestId: options.requestId ?? null,
      ip: options.ip ?? null,
    },
    notices: decision.notifications.map((n) => ({
      applicationId: app.id,
      template: n.template,
      recipient: app.email,
      status: n.heldUntilAnnouncement ? 'held' : 'pending',
      sendAfter: n.sendAfter ?? null,
      heldUntilAnnouncement: n.heldUntilAnnouncement,
      payload,
    })),
  };
}
