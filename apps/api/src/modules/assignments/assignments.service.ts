import { conflictOfInterest, DAY_MS, planAssignments, type ReviewerCandidate } from '@jimukyoku/domain';
import { getWorkflow, stateHasTag, workflowStatesTagged, type StateTag } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { UnitOfWork, type Transaction } from '../../database';
import type { Application } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AuditService } from '../audit/audit.service';
import { RoundsRepository } from '../rounds/rounds.repository';
import { RubricsService } from '../rubrics/rubrics.service';
import { ASSIGNMENT_PURPOSE, type ApplicationAssignment, type AssignmentPurpose } from './application-assignment.entity';
import { AssignmentError } from './assignments.errors';
import {
  ASSIGNMENT_SORTABLE,
  AssignmentsRepository,
  type AssignmentFilter,
  type AssignmentLine,
  type AssignmentRow,
  type OpenAssignment,
} from './assignments.repository';
import type { AutoAssignDto, CreateAssignmentDto, UpdateAssignmentDto } from './dto/assignment.dto';

export { ASSIGNMENT_SORTABLE, type AssignmentFilter } from './assignments.repository';

/** which applications each purpose assigns: received ones for the 要件確認, passed ones for review */
const TAGS_OF: Record<AssignmentPurpose, StateTag[]> = { formalCheck: ['awaitsFormalCheck', 'inFormalCheck'], review: ['openForScoring'] };
/** `code@version:state` keys, exact across workflows: IT導入's 交付申請 awaits a checker, the subsidy's does not */
const statesOf = (purpose: AssignmentPurpose) => TAGS_OF[purpose].flatMap((tag) => workflowStatesTagged(tag));
const assignable = (app: Application, purpose: AssignmentPurpose) =>
  TAGS_OF[purpose].some((tag) => stateHasTag(getWorkflow(app.workflowCode, app.workflowVersion), app.status, tag));

export const ASSIGNMENT_LIST: ListSpec = {
  sortable: ASSIGNMENT_SORTABLE,
  defaultSort: ['assignedAt', 'DESC'],
  filters: {
    reviewerId: 'uuid',
    applicationId: 'uuid',
    roundId: 'uuid',
    purpose: { enum: [ASSIGNMENT_PURPOSE.review, ASSIGNMENT_PURPOSE.formalCheck] },
    state: { enum: ['open', 'submitted', 'revoked', 'overdue', 'waiting'] },
    q: 'string',
  },
};

type Actor = { id: string | null; role: string };

/**
 * 審査員の割当: automatic (libs/domain's planner: balanced load, per-reviewer maximum, no conflict of
 * interest), manual, reassignment and revocation. Every assignment is audited in the transaction that
 * writes it. Auto-assignment of one round runs under an advisory lock, so two managers pressing the
 * button at once cannot over-assign.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly rounds: RoundsRepository,
    private readonly rubrics: RubricsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  list(query: ListQuery<AssignmentFilter>, user: AuthenticatedUser) {
    return this.assignments.list(query, user);
  }

  async get(id: string, user: AuthenticatedUser) {
    const [rows] = await this.list({ filter: { id: [id] }, sortField: 'assignedAt', sortOrder: 'ASC', offset: 0, limit: 1 }, user);
    if (!rows[0]) throw new AssignmentError('ASSIGNMENT_NOT_FOUND');
    return rows[0];
  }

  /** Assigns reviewers to every application of the round (optionally one category) that still needs them. */
  async autoAssign(roundId: string, dto: AutoAssignDto, actor: AuthenticatedUser, meta: RequestMeta) {
    if (!isUuid(roundId)) throw new AssignmentError('ROUND_NOT_FOUND');
    return this.uow.run(async (tx) => {
      if (!(await this.rounds.find(roundId, tx))) throw new AssignmentError('ROUND_NOT_FOUND');
      await this.assignments.lockRoundForAssignment(roundId, tx);
      const purpose = dto.purpose ?? 'review';
      const subjects = await this.subjectsNeedingReviewers(roundId, purpose, dto.categoryId, tx);
      const reviewers = await this.assignments.reviewerPool(tx);
      const plan = planAssignments(
        subjects.map((s) => s.subject),
        reviewers,
      );
      const dueOf = new Map(subjects.map((s) => [s.subject.applicationId, s.dueAt]));
      const now = await this.assignments.dbNow(tx);
      const created = await this.insert(
        plan.assignments.map((p) => ({
          ...p,
          purpose,
          dueAt: dto.dueAt ? new Date(dto.dueAt) : new Date(now.getTime() + dueOf.get(p.applicationId)! * DAY_MS),
        })),
        actor,
        'assignment.auto',
        meta,
        {},
        tx,
      );
      const names = new Map(reviewers.map((r) => [r.id, r.name ?? r.id]));
      const about = new Map(subjects.map((s) => [s.subject.applicationId, s]));
      return {
        purpose,
        applications: subjects.length,
        assigned: created.length,
        unfilled: plan.unfilled.map((u) => ({
          ...u,
          receiptNumber: about.get(u.applicationId)!.receiptNumber,
          applicantName: about.get(u.applicationId)!.subject.applicantName,
        })),
        loads: Object.entries(plan.loads).map(([reviewerId, load]) => ({ reviewerId, reviewerName: names.get(reviewerId), load })),
      };
    });
  }

  /** Manual assignment: the same conflict and capacity rules as the planner, as clear refusals. */
  async create(dto: CreateAssignmentDto, actor: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const app = isUuid(dto.applicationId) ? await this.applications.find(dto.applicationId, tx) : null;
      if (!app) throw new AssignmentError('APPLICATION_NOT_FOUND');
      const purpose = dto.purpose ?? 'review';
      if (!assignable(app, purpose)) throw new AssignmentError('NOT_ASSIGNABLE', { status: app.status });
      const dueAt = dto.dueAt ? new Date(dto.dueAt) : await this.defaultDue(app, purpose, tx);
      const [row] = await this.assignChecked(app, dto.reviewerId, purpose, dueAt, actor, 'assignment.create', meta, {}, tx);
      return row;
    });
  }

  /** Reassignment to another reviewer (the old assignment is revoked) and/or a new due date. */
  async update(id: string, dto: UpdateAssignmentDto, actor: AuthenticatedUser, meta: RequestMeta) {
    const newId = await this.uow.run(async (tx) => {
      const x = await this.lockOpen(id, tx);
      const dueAt = dto.dueAt === undefined ? x.dueAt : dto.dueAt === null ? null : new Date(dto.dueAt);
      if (dto.reviewerId && dto.reviewerId !== x.reviewerId) {
        await this.revokeRow(x, actor, 'assignment.reassign', meta, { to: dto.reviewerId, reason: dto.reason ?? null }, tx);
        const app = (await this.applications.find(x.applicationId, tx))!;
        const [row] = await this.assignChecked(app, dto.reviewerId, x.purpose, dueAt, actor, 'assignment.create', meta, { reassignedFrom: x.id }, tx);
        return row.id;
      }
      await this.assignments.reschedule(x.id, dueAt, tx);
      await this.auditMany(
        [{ id: x.id, applicationId: x.applicationId, reviewerId: x.reviewerId, purpose: x.purpose }],
        actor,
        'assignment.reschedule',
        meta,
        { dueAt: { from: x.dueAt, to: dueAt } },
        tx,
      );
      return x.id;
    });
    return this.get(newId, actor);
  }

  async revoke(id: string, actor: AuthenticatedUser, meta: RequestMeta, reason?: string) {
    await this.uow.run(async (tx) => {
      const x = await this.lockOpen(id, tx);
      await this.revokeRow(x, actor, 'assignment.revoke', meta, { reason: reason ?? null }, tx);
    });
    return this.get(id, actor);
  }

  /** Open assignments of a reviewer that a newly declared conflict forbids: revoked, audited. */
  async revokeConflicting(reviewerId: string, actor: Actor, meta: RequestMeta, tx: Transaction): Promise<number> {
    const reviewers = await this.assignments.reviewerPool(tx, [reviewerId]);
    return this.revokeWhereConflicting(await this.assignments.openAssignmentsOf(reviewerId, tx), reviewers, actor, meta, tx);
  }

  /**
   * An application corrected by a 補正 (再提出): its assignments whose reviewer declared a conflict with the corrected data
   * (法人番号, 事業者名 or 認定支援機関) are revoked and audited, as a newly declared conflict revokes them (README
   * "Review and adoption": never with a conflict of interest); then its 要件確認 is reopened for the checkers left
   * (reopenFormalCheck leaves a revoked assignment closed). The reviewers' locks are taken before any assignment's,
   * in the order a declaration takes them.
   */
  async reopenAfterCorrection(applicationId: string, actor: Actor, meta: RequestMeta, tx: Transaction): Promise<void> {
    const open = await this.assignments.assignmentsOpenAfterCorrection(applicationId, tx);
    if (open.length)
      await this.revokeWhereConflicting(open, await this.assignments.reviewerPool(tx, [...new Set(open.map((x) => x.reviewerId))]), actor, meta, tx);
    await this.assignments.reopenFormalCheck(applicationId, tx);
  }

  private async revokeWhereConflicting(
    open: OpenAssignment[],
    reviewers: ReviewerCandidate[],
    actor: Actor,
    meta: RequestMeta,
    tx: Transaction,
  ): Promise<number> {
    const byId = new Map(reviewers.map((r) => [r.id, r]));
    let revoked = 0;
    for (const x of open) {
      const reviewer = byId.get(x.reviewerId);
      if (!reviewer) continue;
      const why = conflictOfInterest(reviewer, {
        applicationId: x.applicationId,
        corporateNumber: x.corporateNumber,
        applicantName: x.applicantName,
        advisorName: x.advisorName,
        assignedReviewerIds: [],
        required: 1,
      });
      if (!why) continue;
      await this.revokeRow(x, actor, 'assignment.revoke', meta, { reason: why }, tx);
      revoked++;
    }
    return revoked;
  }

  /**
   * A reviewer who can no longer do the work (deactivated, or given another role): every open assignment of theirs is
   * revoked with `reason` and audited, so the board shows the applications unfilled and the planner fills them again.
   */
  async revokeAllOf(reviewerId: string, reason: string, actor: Actor, meta: RequestMeta, tx: Transaction): Promise<number> {
    const open = await this.assignments.openAssignmentsOf(reviewerId, tx);
    for (const x of open) await this.revokeRow(x, actor, 'assignment.revoke', meta, { reason }, tx);
    return open.length;
  }

  /** One more reviewer for an application whose reviewers disagree (the rubric's setting). */
  async assignExtraReviewer(app: Application, reviewDays: number, actor: Actor, meta: RequestMeta, tx: Transaction): Promise<boolean> {
    const subject = await this.assignments.subjectOf(app.id, 'review', tx);
    const current = subject.subject.assignedReviewerIds.length;
    const plan = planAssignments([{ ...subject.subject, required: current + 1 }], await this.assignments.reviewerPool(tx));
    if (plan.assignments.length === 0) return false;
    const now = await this.assignments.dbNow(tx);
    await this.insert(
      plan.assignments.map((p) => ({ ...p, purpose: 'review' as const, dueAt: new Date(now.getTime() + reviewDays * DAY_MS) })),
      actor,
      'assignment.extraOnDisagreement',
      meta,
      {},
      tx,
    );
    return true;
  }

  private async assignChecked(
    app: Application,
    reviewerId: string,
    purpose: AssignmentPurpose,
    dueAt: Date | null,
    actor: AuthenticatedUser,
    action: string,
    meta: RequestMeta,
    extra: Record<string, unknown>,
    tx: Transaction,
  ) {
    const [reviewer] = isUuid(reviewerId) ? await this.assignments.reviewerPool(tx, [reviewerId]) : [];
    if (!reviewer) throw new AssignmentError('REVIEWER_NOT_FOUND');
    const subject = await this.assignments.subjectOf(app.id, purpose, tx);
    if (subject.subject.assignedReviewerIds.includes(reviewerId)) throw new AssignmentError('ALREADY_ASSIGNED');
    const why = conflictOfInterest(reviewer, subject.subject);
    if (why) throw new AssignmentError('CONFLICT_OF_INTEREST', { detail: why }, `この審査員には利益相反があるため割り当てられません (${why})。`);
    if (reviewer.currentLoad >= reviewer.maxLoad)
      throw new AssignmentError(
        'REVIEWER_AT_CAPACITY',
        { load: reviewer.currentLoad, capacity: reviewer.maxLoad },
        `この審査員は上限件数 (${reviewer.maxLoad}件) に達しています。`,
      );
    const rows = await this.insert([{ applicationId: app.id, reviewerId, purpose, dueAt }], actor, action, meta, extra, tx);
    // the same reviewer assigned by a concurrent request since the check above: its row stands, this one is refused
    if (rows.length === 0) throw new AssignmentError('ALREADY_ASSIGNED');
    return rows;
  }

  /** Inserts (or re-activates a revoked) assignment per line, with one audit record each. */
  private async insert(
    lines: AssignmentLine[],
    actor: Actor,
    action: string,
    meta: RequestMeta,
    extra: Record<string, unknown>,
    tx: Transaction,
  ): Promise<AssignmentRow[]> {
    if (lines.length === 0) return [];
    const rows = await this.assignments.insert(lines, actor.id, tx);
    await this.auditMany(rows, actor, action, meta, extra, tx);
    return rows;
  }

  private async auditMany(
    rows: (Omit<AssignmentRow, 'dueAt'> & { dueAt?: Date | null })[],
    actor: Actor,
    action: string,
    meta: RequestMeta,
    extra: Record<string, unknown>,
    tx: Transaction,
  ) {
    if (rows.length === 0) return;
    await this.audit.recordMany(
      rows.map((r) => ({
        actor,
        action,
        entityType: 'applicationAssignment',
        entityId: r.id,
        reason: (extra.reason as string | undefined) ?? undefined,
        changes: { applicationId: r.applicationId, reviewerId: r.reviewerId, purpose: r.purpose, dueAt: r.dueAt ?? null, ...extra },
        requestId: meta.requestId,
        ip: meta.ip,
      })),
      tx,
    );
  }

  private async revokeRow(
    x: Pick<ApplicationAssignment, 'id' | 'applicationId' | 'reviewerId' | 'purpose'>,
    actor: Actor,
    action: string,
    meta: RequestMeta,
    extra: Record<string, unknown>,
    tx: Transaction,
  ) {
    await this.assignments.revoke(x.id, actor.id, tx);
    await this.auditMany([x], actor, action, meta, extra, tx);
  }

  /** The assignment, locked, if it is still open (neither submitted nor revoked). */
  private async lockOpen(id: string, tx: Transaction): Promise<ApplicationAssignment> {
    const x = await this.assignments.lock(id, tx);
    if (!x) throw new AssignmentError('ASSIGNMENT_NOT_FOUND');
    if (x.revokedAt || x.submittedAt) throw new AssignmentError('ASSIGNMENT_CLOSED');
    return x;
  }

  private async defaultDue(app: Application, purpose: AssignmentPurpose, tx: Transaction): Promise<Date> {
    const rubric = await this.rubrics.ensure(app.roundId, app.categoryId, tx);
    const now = await this.assignments.dbNow(tx);
    return new Date(now.getTime() + (purpose === 'review' ? rubric.reviewDays : Math.min(rubric.reviewDays, 7)) * DAY_MS);
  }

  private async subjectsNeedingReviewers(roundId: string, purpose: AssignmentPurpose, categoryId: string | undefined, tx: Transaction) {
    if (categoryId && !isUuid(categoryId)) throw new AssignmentError('CATEGORY_NOT_OFFERED');
    await this.rubrics.ensureForRound(roundId, tx);
    const subjects = await this.assignments.subjectsOfRound(roundId, statesOf(purpose), purpose, categoryId, tx);
    return subjects.filter((s) => s.subject.assignedReviewerIds.length < s.subject.required);
  }
}
