import { conflictOfInterest, planAssignments, type AssignmentSubject } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { ApplicationAssignment, type AssignmentPurpose } from '../applications/application-assignment.entity';
import { Application } from '../applications/application.entity';
import { Round } from '../rounds/round.entity';
import type { AutoAssignDto, CreateAssignmentDto, UpdateAssignmentDto } from './dto/assignment.dto';
import { reviewerPool } from './reviewer-pool';
import { ReviewError } from './review.errors';
import { RubricsService } from './rubrics.service';

const DAY_MS = 86_400_000;
/** which applications each purpose assigns: received ones for the 要件確認, passed ones for review */
const STATES_OF: Record<AssignmentPurpose, string[]> = { formalCheck: ['submitted', 'formalCheck', 'resubmitted'], review: ['underReview'] };

export interface AssignmentFilter {
  id?: string[];
  reviewerId?: string;
  applicationId?: string;
  roundId?: string;
  purpose?: AssignmentPurpose;
  state?: 'open' | 'submitted' | 'revoked' | 'overdue';
  q?: string;
}

export const ASSIGNMENT_SORTABLE = ['id', 'assignedAt', 'dueAt', 'submittedAt', 'receiptNumber', 'reviewerName'] as const;
export const ASSIGNMENT_LIST: ListSpec = { sortable: ASSIGNMENT_SORTABLE, defaultSort: ['assignedAt', 'DESC'], filters: { reviewerId: 'uuid', applicationId: 'uuid', roundId: 'uuid', purpose: { enum: ['review', 'formalCheck'] }, state: { enum: ['open', 'submitted', 'revoked', 'overdue'] }, q: 'string' } };
const SORT_SQL: Record<(typeof ASSIGNMENT_SORTABLE)[number], string> = {
  id: 'x.id',
  assignedAt: 'x.assigned_at',
  dueAt: 'x.due_at',
  submittedAt: 'x.submitted_at',
  receiptNumber: 'a.receipt_number',
  reviewerName: 'u.name',
};

/**
 * 審査員の割当: automatic (libs/domain's planner: balanced load, per-reviewer maximum, no conflict of
 * interest), manual, reassignment and revocation. Every assignment is audited in the transaction that
 * writes it. Auto-assignment of one round runs under an advisory lock, so two managers pressing the
 * button at once cannot over-assign.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rubrics: RubricsService,
  ) {}

  async list(query: ListQuery<AssignmentFilter>, user: AuthenticatedUser) {
    const f = query.filter;
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (v: unknown) => (params.push(v), `$${params.length}`);
    if (user.role === 'reviewer') where.push(`x.reviewer_id = ${bind(user.id)}`);
    if (f.id) where.push(`x.id = ANY(${bind(f.id.filter(isUuid))})`);
    if (f.reviewerId) where.push(isUuid(f.reviewerId) ? `x.reviewer_id = ${bind(f.reviewerId)}` : 'false');
    if (f.applicationId) where.push(isUuid(f.applicationId) ? `x.application_id = ${bind(f.applicationId)}` : 'false');
    if (f.roundId) where.push(isUuid(f.roundId) ? `a.round_id = ${bind(f.roundId)}` : 'false');
    if (f.purpose) where.push(`x.purpose = ${bind(f.purpose)}`);
    if (f.state === 'open') where.push('x.revoked_at IS NULL AND x.submitted_at IS NULL');
    if (f.state === 'submitted') where.push('x.revoked_at IS NULL AND x.submitted_at IS NOT NULL');
    if (f.state === 'revoked') where.push('x.revoked_at IS NOT NULL');
    if (f.state === 'overdue') where.push('x.revoked_at IS NULL AND x.submitted_at IS NULL AND x.due_at < now()');
    if (f.q) where.push(`(a.applicant_name || ' ' || coalesce(a.receipt_number, '') || ' ' || u.name) ILIKE ${bind(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const from = `FROM application_assignment x JOIN application a ON a.id = x.application_id JOIN staff_user u ON u.id = x.reviewer_id
                  LEFT JOIN review_score s ON s.assignment_id = x.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const sort = SORT_SQL[query.sortField as keyof typeof SORT_SQL] ?? 'x.assigned_at';
    const rows = await this.dataSource.query(
      `SELECT x.id, x.application_id AS "applicationId", x.reviewer_id AS "reviewerId", u.name AS "reviewerName", x.purpose,
              x.assigned_at AS "assignedAt", x.assigned_by AS "assignedBy", x.due_at AS "dueAt", x.submitted_at AS "submittedAt", x.revoked_at AS "revokedAt",
              a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName", a.status AS "applicationStatus", a.round_id AS "roundId", a.category_id AS "categoryId",
              CASE WHEN x.revoked_at IS NOT NULL THEN 'revoked' WHEN x.submitted_at IS NOT NULL THEN 'submitted' WHEN x.due_at < now() THEN 'overdue' ELSE 'open' END AS state,
              coalesce(s.status, CASE WHEN x.purpose = 'review' THEN 'notStarted' END) AS "scoreStatus"
         ${from} ORDER BY ${sort} ${query.sortOrder} NULLS LAST, x.id OFFSET ${query.offset} LIMIT ${query.limit}`,
      params,
    );
    return [rows, total] as [unknown[], number];
  }

  async get(id: string, user: AuthenticatedUser) {
    const [rows] = await this.list({ filter: { id: [id] }, sortField: 'assignedAt', sortOrder: 'ASC', offset: 0, limit: 1 }, user);
    if (!rows[0]) throw new ReviewError('ASSIGNMENT_NOT_FOUND');
    return rows[0];
  }

  /** Assigns reviewers to every application of the round (optionally one category) that still needs them. */
  async autoAssign(roundId: string, dto: AutoAssignDto, actor: AuthenticatedUser, meta: RequestMeta) {
    if (!isUuid(roundId)) throw new ReviewError('ROUND_NOT_FOUND');
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(Round, { id: roundId }))) throw new ReviewError('ROUND_NOT_FOUND');
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('review.assign:' || $1))`, [roundId]);
      const purpose = dto.purpose ?? 'review';
      const subjects = await this.subjectsNeedingReviewers(m, roundId, purpose, dto.categoryId);
      const reviewers = await reviewerPool(m);
      const plan = planAssignments(subjects.map((s) => s.subject), reviewers);
      const dueOf = new Map(subjects.map((s) => [s.subject.applicationId, s.dueAt]));
      const now = await dbNow(m);
      const created = await this.insert(m, plan.assignments.map((p) => ({ ...p, purpose, dueAt: dto.dueAt ? new Date(dto.dueAt) : new Date(now.getTime() + dueOf.get(p.applicationId)! * DAY_MS) })), actor, 'assignment.auto', meta);
      const names = new Map(reviewers.map((r) => [r.id, r.name ?? r.id]));
      const about = new Map(subjects.map((s) => [s.subject.applicationId, s]));
      return {
        purpose,
        applications: subjects.length,
        assigned: created.length,
        unfilled: plan.unfilled.map((u) => ({ ...u, receiptNumber: about.get(u.applicationId)!.receiptNumber, applicantName: about.get(u.applicationId)!.subject.applicantName })),
        loads: Object.entries(plan.loads).map(([reviewerId, load]) => ({ reviewerId, reviewerName: names.get(reviewerId), load })),
      };
    });
  }

  /** Manual assignment: the same conflict and capacity rules as the planner, as clear refusals. */
  async create(dto: CreateAssignmentDto, actor: AuthenticatedUser, meta: RequestMeta) {
    return this.dataSource.transaction(async (m) => {
      const app = isUuid(dto.applicationId) ? await m.findOneBy(Application, { id: dto.applicationId }) : null;
      if (!app) throw new ReviewError('APPLICATION_NOT_FOUND');
      const purpose = dto.purpose ?? 'review';
      if (!STATES_OF[purpose].includes(app.status)) throw new ReviewError('NOT_ASSIGNABLE', { status: app.status });
      const dueAt = dto.dueAt ? new Date(dto.dueAt) : await this.defaultDue(m, app, purpose);
      const [row] = await this.assignChecked(m, app, dto.reviewerId, purpose, dueAt, actor, 'assignment.create', meta);
      return row;
    });
  }

  /** Reassignment to another reviewer (the old assignment is revoked) and/or a new due date. */
  async update(id: string, dto: UpdateAssignmentDto, actor: AuthenticatedUser, meta: RequestMeta) {
    const newId = await this.dataSource.transaction(async (m) => {
      const x = await this.lockAssignment(m, id);
      if (x.revokedAt || x.submittedAt) throw new ReviewError('ASSIGNMENT_CLOSED');
      const dueAt = dto.dueAt === undefined ? x.dueAt : dto.dueAt === null ? null : new Date(dto.dueAt);
      if (dto.reviewerId && dto.reviewerId !== x.reviewerId) {
        await this.revokeRow(m, x, actor, 'assignment.reassign', meta, { to: dto.reviewerId, reason: dto.reason ?? null });
        const app = await m.findOneByOrFail(Application, { id: x.applicationId });
        const [row] = await this.assignChecked(m, app, dto.reviewerId, x.purpose, dueAt, actor, 'assignment.create', meta, { reassignedFrom: x.id });
        return row.id;
      }
      // a new due date earns a new reminder
      await m.query(`UPDATE application_assignment SET due_at = $2, reminded_at = NULL WHERE id = $1`, [x.id, dueAt]);
      await this.auditMany(m, [{ id: x.id, applicationId: x.applicationId, reviewerId: x.reviewerId, purpose: x.purpose }], actor, 'assignment.reschedule', meta, { dueAt: { from: x.dueAt, to: dueAt } });
      return x.id;
    });
    return this.get(newId, actor);
  }

  async revoke(id: string, actor: AuthenticatedUser, meta: RequestMeta, reason?: string) {
    await this.dataSource.transaction(async (m) => {
      const x = await this.lockAssignment(m, id);
      if (x.revokedAt || x.submittedAt) throw new ReviewError('ASSIGNMENT_CLOSED');
      await this.revokeRow(m, x, actor, 'assignment.revoke', meta, { reason: reason ?? null });
    });
    return this.get(id, actor);
  }

  /** Open assignments of a reviewer that a newly declared conflict forbids: revoked, audited. */
  async revokeConflicting(m: EntityManager, reviewerId: string, actor: AuthenticatedUser, meta: RequestMeta): Promise<number> {
    const [reviewer] = await reviewerPool(m, [reviewerId]);
    if (!reviewer) return 0;
    const open: (ApplicationAssignment & { corporateNumber: string | null; applicantName: string; advisorName: string | null })[] = await m.query(
      `SELECT x.id, x.application_id AS "applicationId", x.reviewer_id AS "reviewerId", x.purpose, a.corporate_number AS "corporateNumber",
              a.applicant_name AS "applicantName", a.certified_advisor->>'name' AS "advisorName"
         FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE x.reviewer_id = $1 AND x.revoked_at IS NULL AND x.submitted_at IS NULL`,
      [reviewerId],
    );
    let revoked = 0;
    for (const x of open) {
      const why = conflictOfInterest(reviewer, { applicationId: x.applicationId, corporateNumber: x.corporateNumber, applicantName: x.applicantName, advisorName: x.advisorName, assignedReviewerIds: [], required: 1 });
      if (!why) continue;
      await this.revokeRow(m, x, actor, 'assignment.revoke', meta, { reason: why });
      revoked++;
    }
    return revoked;
  }

  /** One more reviewer for an application whose reviewers disagree (the rubric's setting). */
  async assignExtraReviewer(m: EntityManager, app: Application, reviewDays: number, actor: { id: string | null; role: string }, meta: RequestMeta): Promise<boolean> {
    const [subject] = await this.subjectRows(m, `a.id = $1`, [app.id], 'review');
    const current = subject.subject.assignedReviewerIds.length;
    const plan = planAssignments([{ ...subject.subject, required: current + 1 }], await reviewerPool(m));
    if (plan.assignments.length === 0) return false;
    const now = await dbNow(m);
    await this.insert(m, plan.assignments.map((p) => ({ ...p, purpose: 'review' as const, dueAt: new Date(now.getTime() + reviewDays * DAY_MS) })), actor, 'assignment.extraOnDisagreement', meta);
    return true;
  }

  private async assignChecked(m: EntityManager, app: Application, reviewerId: string, purpose: AssignmentPurpose, dueAt: Date | null, actor: AuthenticatedUser, action: string, meta: RequestMeta, extra: Record<string, unknown> = {}) {
    const [reviewer] = isUuid(reviewerId) ? await reviewerPool(m, [reviewerId]) : [];
    if (!reviewer) throw new ReviewError('REVIEWER_NOT_FOUND');
    const [subject] = await this.subjectRows(m, `a.id = $1`, [app.id], purpose);
    if (subject.subject.assignedReviewerIds.includes(reviewerId)) throw new ReviewError('ALREADY_ASSIGNED');
    const why = conflictOfInterest(reviewer, subject.subject);
    if (why) throw new ReviewError('CONFLICT_OF_INTEREST', { detail: why }, `この審査員には利益相反があるため割り当てられません (${why})。`);
    if (reviewer.currentLoad >= reviewer.maxLoad) throw new ReviewError('REVIEWER_AT_CAPACITY', { load: reviewer.currentLoad, capacity: reviewer.maxLoad }, `この審査員は上限件数 (${reviewer.maxLoad}件) に達しています。`);
    return this.insert(m, [{ applicationId: app.id, reviewerId, purpose, dueAt }], actor, action, meta, extra);
  }

  /** Inserts (or re-activates a revoked) assignment per line, with one audit record each. */
  private async insert(m: EntityManager, lines: { applicationId: string; reviewerId: string; purpose: AssignmentPurpose; dueAt: Date | null }[], actor: { id: string | null; role: string }, action: string, meta: RequestMeta, extra: Record<string, unknown> = {}) {
    if (lines.length === 0) return [];
    const rows: { id: string; applicationId: string; reviewerId: string; purpose: AssignmentPurpose; dueAt: Date | null }[] = await m.query(
      `INSERT INTO application_assignment (application_id, reviewer_id, purpose, due_at, assigned_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[])
       ON CONFLICT (application_id, reviewer_id, purpose) DO UPDATE
          SET revoked_at = NULL, revoked_by = NULL, submitted_at = NULL, assigned_at = now(), due_at = EXCLUDED.due_at, assigned_by = EXCLUDED.assigned_by
        WHERE application_assignment.revoked_at IS NOT NULL
       RETURNING id, application_id AS "applicationId", reviewer_id AS "reviewerId", purpose, due_at AS "dueAt"`,
      [lines.map((l) => l.applicationId), lines.map((l) => l.reviewerId), lines.map((l) => l.purpose), lines.map((l) => l.dueAt), lines.map(() => actor.id)],
    );
    await this.auditMany(m, rows, actor, action, meta, extra);
    return rows;
  }

  private async auditMany(m: EntityManager, rows: { id: string; applicationId: string; reviewerId: string; purpose: AssignmentPurpose; dueAt?: Date | null }[], actor: { id: string | null; role: string }, action: string, meta: RequestMeta, extra: Record<string, unknown> = {}) {
    if (rows.length === 0) return;
    await m.insert(
      AuditLogEntry,
      rows.map((r) => ({
        actorId: actor.id,
        actorRole: actor.role,
        action,
        entityType: 'applicationAssignment',
        entityId: r.id,
        reason: (extra.reason as string | undefined) ?? null,
        changes: { applicationId: r.applicationId, reviewerId: r.reviewerId, purpose: r.purpose, dueAt: r.dueAt ?? null, ...extra } as never,
        requestId: meta.requestId ?? null,
        ip: meta.ip ?? null,
      })),
    );
  }

  private async revokeRow(m: EntityManager, x: Pick<ApplicationAssignment, 'id' | 'applicationId' | 'reviewerId' | 'purpose'>, actor: AuthenticatedUser, action: string, meta: RequestMeta, extra: Record<string, unknown>) {
    await m.update(ApplicationAssignment, { id: x.id }, { revokedAt: new Date(), revokedBy: actor.id });
    await this.auditMany(m, [x], actor, action, meta, extra);
  }

  private async lockAssignment(m: EntityManager, id: string): Promise<ApplicationAssignment> {
    const x = isUuid(id) ? await m.findOne(ApplicationAssignment, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!x) throw new ReviewError('ASSIGNMENT_NOT_FOUND');
    return x;
  }

  private async defaultDue(m: EntityManager, app: Application, purpose: AssignmentPurpose): Promise<Date> {
    const rubric = await this.rubrics.ensure(m, app.roundId, app.categoryId);
    const now = await dbNow(m);
    return new Date(now.getTime() + (purpose === 'review' ? rubric.reviewDays : Math.min(rubric.reviewDays, 7)) * DAY_MS);
  }

  private async subjectsNeedingReviewers(m: EntityManager, roundId: string, purpose: AssignmentPurpose, categoryId?: string) {
    const params: unknown[] = [roundId, STATES_OF[purpose]];
    let where = `a.round_id = $1 AND a.status = ANY($2)`;
    if (categoryId) {
      if (!isUuid(categoryId)) throw new ReviewError('CATEGORY_NOT_OFFERED');
      params.push(categoryId);
      where += ` AND a.category_id = $3`;
    }
    await this.rubrics.ensureForRound(m, roundId);
    const subjects = await this.subjectRows(m, where, params, purpose);
    return subjects.filter((s) => s.subject.assignedReviewerIds.length < s.subject.required);
  }

  /** Applications as the planner sees them, with how many reviewers their rubric asks for. */
  private async subjectRows(m: EntityManager, where: string, params: unknown[], purpose: AssignmentPurpose): Promise<{ subject: AssignmentSubject; dueAt: number; receiptNumber: string | null }[]> {
    const rows: { id: string; receipt_number: string | null; corporate_number: string | null; applicant_name: string; advisor_name: string | null; assigned: string[]; per_app: number | null; review_days: number | null }[] = await m.query(
      `SELECT a.id, a.receipt_number, a.corporate_number, a.applicant_name, a.certified_advisor->>'name' AS advisor_name,
              coalesce((SELECT array_agg(x.reviewer_id) FROM application_assignment x WHERE x.application_id = a.id AND x.revoked_at IS NULL AND x.purpose = '${purpose}'), '{}') AS assigned,
              r.reviewers_per_application AS per_app, r.review_days
         FROM application a LEFT JOIN review_rubric r ON r.round_id = a.round_id AND r.category_id = a.category_id
        WHERE ${where}
        ORDER BY a.received_at NULLS LAST, a.receipt_number, a.id`,
      params,
    );
    return rows.map((r) => ({
      subject: {
        applicationId: r.id,
        corporateNumber: r.corporate_number,
        applicantName: r.applicant_name,
        advisorName: r.advisor_name,
        assignedReviewerIds: r.assigned,
        required: purpose === 'formalCheck' ? 1 : (r.per_app ?? 3),
      },
      dueAt: purpose === 'formalCheck' ? Math.min(r.review_days ?? 7, 7) : (r.review_days ?? 14),
      receiptNumber: r.receipt_number,
    }));
  }
}

async function dbNow(m: EntityManager): Promise<Date> {
  const [row] = await m.query('SELECT now() AS now');
  return row.now as Date;
}
