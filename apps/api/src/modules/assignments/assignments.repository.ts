import type { AssignmentSubject, ReviewerCandidate } from '@jimukyoku/domain';
import { normalizeSearchText } from '@jimukyoku/domain';
import { statesOfKind, statesTagged } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery } from '../../common/list-query';
import { managerOf, workflowStateSql, type Transaction } from '../../database';
import { containing } from '../../database/like-pattern';
import { ApplicationAssignment, ASSIGNMENT_PURPOSE, type AssignmentPurpose } from './application-assignment.entity';

export interface AssignmentFilter {
  id?: string[];
  reviewerId?: string;
  applicationId?: string;
  roundId?: string;
  purpose?: AssignmentPurpose;
  state?: 'open' | 'submitted' | 'revoked' | 'overdue' | 'waiting';
  q?: string;
}

export const ASSIGNMENT_SORTABLE = ['id', 'assignedAt', 'dueAt', 'submittedAt', 'receiptNumber', 'reviewerName'] as const;
const SORT_SQL: Record<(typeof ASSIGNMENT_SORTABLE)[number], string> = {
  id: 'x.id',
  assignedAt: 'x.assigned_at',
  dueAt: 'x.due_at',
  submittedAt: 'x.submitted_at',
  receiptNumber: 'a.receipt_number',
  reviewerName: 'u.name',
};

/** One new (or re-activated) assignment. */
export interface AssignmentLine {
  applicationId: string;
  reviewerId: string;
  purpose: AssignmentPurpose;
  dueAt: Date | null;
}

export type AssignmentRow = AssignmentLine & { id: string };

/** An application as the planner sees it, with how many reviewers its rubric asks for. */
export interface SubjectRow {
  subject: AssignmentSubject;
  /** days from now to the due date */
  dueAt: number;
  receiptNumber: string | null;
}

/** An open assignment with what a conflict of interest is judged on. */
export type OpenAssignment = Pick<ApplicationAssignment, 'id' | 'applicationId' | 'reviewerId' | 'purpose'> & {
  corporateNumber: string | null;
  applicantName: string;
  advisorName: string | null;
};

/** An assignment claimed for a reminder (RemindReviewersJob), with what the reminder says. */
export interface DueAssignment {
  assignmentId: string;
  applicationId: string;
  reviewerName: string;
  reviewerEmail: string;
  dueAt: Date;
  applicantName: string;
  receiptNumber: string | null;
  roundName: string;
  categoryName: string;
}

/**
 * States whose application waits on the applicant (差戻し, 不備) or has ended: its unsubmitted assignments wait too —
 * `waiting`, neither open work nor overdue (the list's states, the 割当ボード's overdue and open 要件確認).
 */
export const waitingStates = (): string[] => [...new Set([...statesTagged('returnedToApplicant'), ...statesOfKind('terminal')])];

/**
 * States whose application has ended (取下げ, 不採択 …): its unsubmitted assignments never close, so they are no part of
 * the reviewer's load (the planner's capacity, the 割当ボード's 負荷). A 差戻し's count: the 補正 comes back to them.
 */
export const endedStates = (): string[] => statesOfKind('terminal');

/**
 * All SQL of application_assignment (this module's table). Its reads join the application, the
 * reviewer (staff_user), their declared conflicts and the rubric for what the planner and the lists
 * show; it writes no other table.
 */
@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The page of assignments the user may see (a reviewer: their own), with application, reviewer and score sheet status. */
  async list(query: ListQuery<AssignmentFilter>, user: AuthenticatedUser): Promise<[unknown[], number]> {
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
    // an unsubmitted assignment has nothing to do while its application waits on the applicant or has ended: `waiting`, not open or overdue
    const waiting = () => `a.status = ANY(${bind(waitingStates())})`;
    if (f.state === 'open') where.push(`x.revoked_at IS NULL AND x.submitted_at IS NULL AND NOT ${waiting()}`);
    if (f.state === 'submitted') where.push('x.revoked_at IS NULL AND x.submitted_at IS NOT NULL');
    if (f.state === 'revoked') where.push('x.revoked_at IS NOT NULL');
    if (f.state === 'overdue') where.push(`x.revoked_at IS NULL AND x.submitted_at IS NULL AND x.due_at < now() AND NOT ${waiting()}`);
    if (f.state === 'waiting') where.push(`x.revoked_at IS NULL AND x.submitted_at IS NULL AND ${waiting()}`);
    if (f.q) {
      // normalised on both sides like the applications list (normalizeSearchText / search_normalize): ＲＥＳ１１, （株）, ㈱ …
      const like = containing(normalizeSearchText(f.q));
      where.push(`(application_search_text(a.applicant_name, NULL, a.receipt_number) || ' ' || search_normalize(u.name)) LIKE ${bind(like)}`);
    }
    const from = `FROM application_assignment x JOIN application a ON a.id = x.application_id JOIN staff_user u ON u.id = x.reviewer_id
                  LEFT JOIN review_score s ON s.assignment_id = x.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const sort = SORT_SQL[query.sortField as keyof typeof SORT_SQL] ?? 'x.assigned_at';
    const rows = await this.dataSource.query(
      `SELECT x.id, x.application_id AS "applicationId", x.reviewer_id AS "reviewerId", u.name AS "reviewerName", x.purpose,
              x.assigned_at AS "assignedAt", x.assigned_by AS "assignedBy", x.due_at AS "dueAt", x.submitted_at AS "submittedAt", x.revoked_at AS "revokedAt",
              a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName", a.status AS "applicationStatus", a.round_id AS "roundId", a.category_id AS "categoryId",
              CASE WHEN x.revoked_at IS NOT NULL THEN 'revoked' WHEN x.submitted_at IS NOT NULL THEN 'submitted'
                   WHEN a.status = ANY(${bind(waitingStates())}) THEN 'waiting' WHEN x.due_at < now() THEN 'overdue' ELSE 'open' END AS state,
              coalesce(s.status, CASE WHEN x.purpose = 'review' THEN 'notStarted' END) AS "scoreStatus"
         ${from} ORDER BY ${sort} ${query.sortOrder} NULLS LAST, x.id OFFSET ${query.offset} LIMIT ${query.limit}`,
      params,
    );
    return [rows, total];
  }

  /** Auto-assignment of one round runs alone: two managers pressing the button at once cannot over-assign. */
  async lockRoundForAssignment(roundId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(`SELECT pg_advisory_xact_lock(hashtext('review.assign:' || $1))`, [roundId]);
  }

  async dbNow(tx?: Transaction): Promise<Date> {
    const [row] = await managerOf(tx, this.dataSource).query('SELECT now() AS now');
    return row.now as Date;
  }

  /**
   * The reviewer pool as the assignment planner reads it: every active reviewer with their open load
   * (assignments neither submitted nor revoked), their capacity and their declared conflicts. In a transaction
   * the reviewers' rows are locked (in id order) until it ends, so what was read stays true while it assigns:
   * another assignment, a capacity change, a deactivation or a declared conflict of the same reviewer waits.
   */
  async reviewerPool(tx?: Transaction, reviewerIds?: string[]): Promise<ReviewerCandidate[]> {
    // the lock on its own statement: the read below then starts after any wait, so it sees what the holder committed.
    // FOR NO KEY UPDATE: it waits for another assignment, a capacity change or a deactivation of the same reviewer,
    // but not for a row that merely references the reviewer (an audit record, a sheet, a declared conflict)
    if (tx)
      await managerOf(tx, this.dataSource).query(
        `SELECT id FROM staff_user WHERE role = 'reviewer' AND active ${reviewerIds ? 'AND id = ANY($1)' : ''} ORDER BY id FOR NO KEY UPDATE`,
        reviewerIds ? [reviewerIds] : [],
      );
    const rows: {
      id: string;
      name: string;
      organisation: string | null;
      capacity: number;
      load: number;
      corporate_numbers: string[];
      organisations: string[];
    }[] = await managerOf(tx, this.dataSource).query(
      `SELECT u.id, u.name, u.organisation, u.review_capacity AS capacity,
              (SELECT count(*)::int FROM application_assignment x JOIN application a ON a.id = x.application_id
                WHERE x.reviewer_id = u.id AND x.revoked_at IS NULL AND x.submitted_at IS NULL AND NOT a.status = ANY($1)) AS load,
              coalesce((SELECT array_agg(c.value) FROM conflict_of_interest c WHERE c.reviewer_id = u.id AND c.revoked_at IS NULL AND c.kind = 'corporateNumber'), '{}') AS corporate_numbers,
              coalesce((SELECT array_agg(c.value) FROM conflict_of_interest c WHERE c.reviewer_id = u.id AND c.revoked_at IS NULL AND c.kind = 'organisation'), '{}') AS organisations
         FROM staff_user u
        WHERE u.role = 'reviewer' AND u.active ${reviewerIds ? 'AND u.id = ANY($2)' : ''}
        ORDER BY u.id`,
      reviewerIds ? [endedStates(), reviewerIds] : [endedStates()],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisation: r.organisation,
      maxLoad: r.capacity,
      currentLoad: r.load,
      declaredConflicts: { corporateNumbers: r.corporate_numbers, organisations: r.organisations },
    }));
  }

  /** A reviewer's open assignments with the applicant data a conflict of interest is judged on. */
  openAssignmentsOf(reviewerId: string, tx: Transaction): Promise<OpenAssignment[]> {
    return this.assignmentsWhere(`x.reviewer_id = $1 AND x.submitted_at IS NULL`, [reviewerId], tx);
  }

  /**
   * The assignments of an application a 補正 leaves open or reopens (its 要件確認, reopenFormalCheck), with the applicant
   * data a conflict of interest is judged on.
   */
  assignmentsOpenAfterCorrection(applicationId: string, tx: Transaction): Promise<OpenAssignment[]> {
    return this.assignmentsWhere(`x.application_id = $1 AND (x.submitted_at IS NULL OR x.purpose = $2)`, [applicationId, ASSIGNMENT_PURPOSE.formalCheck], tx);
  }

  private assignmentsWhere(where: string, params: unknown[], tx: Transaction): Promise<OpenAssignment[]> {
    return managerOf(tx, this.dataSource).query(
      `SELECT x.id, x.application_id AS "applicationId", x.reviewer_id AS "reviewerId", x.purpose, a.corporate_number AS "corporateNumber",
              a.applicant_name AS "applicantName", a.certified_advisor->>'name' AS "advisorName"
         FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE x.revoked_at IS NULL AND ${where}`,
      params,
    );
  }

  /** The applications of a round (optionally one 類型) in `states` (workflowStateKey keys), as the planner sees them. */
  subjectsOfRound(
    roundId: string,
    states: readonly string[],
    purpose: AssignmentPurpose,
    categoryId: string | undefined,
    tx: Transaction,
  ): Promise<SubjectRow[]> {
    const params: unknown[] = [roundId, states];
    let where = `a.round_id = $1 AND ${workflowStateSql('a')} = ANY($2)`;
    if (categoryId) {
      params.push(categoryId);
      where += ` AND a.category_id = $3`;
    }
    return this.subjectRows(where, params, purpose, tx);
  }

  /** One application as the planner sees it. */
  async subjectOf(applicationId: string, purpose: AssignmentPurpose, tx: Transaction): Promise<SubjectRow> {
    const [subject] = await this.subjectRows(`a.id = $1`, [applicationId], purpose, tx);
    return subject;
  }

  private async subjectRows(where: string, params: unknown[], purpose: AssignmentPurpose, tx: Transaction): Promise<SubjectRow[]> {
    const rows: {
      id: string;
      receipt_number: string | null;
      corporate_number: string | null;
      applicant_name: string;
      advisor_name: string | null;
      assigned: string[];
      per_app: number | null;
      review_days: number | null;
    }[] = await managerOf(tx, this.dataSource).query(
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
        required: purpose === ASSIGNMENT_PURPOSE.formalCheck ? 1 : (r.per_app ?? 3),
      },
      dueAt: purpose === ASSIGNMENT_PURPOSE.formalCheck ? Math.min(r.review_days ?? 7, 7) : (r.review_days ?? 14),
      receiptNumber: r.receipt_number,
    }));
  }

  /** Inserts (or re-activates a revoked) assignment per line. */
  insert(lines: AssignmentLine[], assignedBy: string | null, tx: Transaction): Promise<AssignmentRow[]> {
    return managerOf(tx, this.dataSource).query(
      `INSERT INTO application_assignment (application_id, reviewer_id, purpose, due_at, assigned_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[])
       ON CONFLICT (application_id, reviewer_id, purpose) DO UPDATE
          SET revoked_at = NULL, revoked_by = NULL, submitted_at = NULL, assigned_at = now(), due_at = EXCLUDED.due_at, assigned_by = EXCLUDED.assigned_by
        WHERE application_assignment.revoked_at IS NOT NULL
       RETURNING id, application_id AS "applicationId", reviewer_id AS "reviewerId", purpose, due_at AS "dueAt"`,
      [lines.map((l) => l.applicationId), lines.map((l) => l.reviewerId), lines.map((l) => l.purpose), lines.map((l) => l.dueAt), lines.map(() => assignedBy)],
    );
  }

  async revoke(id: string, revokedBy: string | null, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).update(ApplicationAssignment, { id }, { revokedAt: new Date(), revokedBy });
  }

  /** A new due date earns a new reminder. */
  async reschedule(id: string, dueAt: Date | null, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(`UPDATE application_assignment SET due_at = $2, reminded_at = NULL WHERE id = $1`, [id, dueAt]);
  }

  /** The assignment, locked for this transaction (of the given purpose only, when one is given). */
  lock(id: string, tx: Transaction, purpose?: AssignmentPurpose): Promise<ApplicationAssignment | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return managerOf(tx, this.dataSource).findOne(ApplicationAssignment, { where: purpose ? { id, purpose } : { id }, lock: { mode: 'pessimistic_write' } });
  }

  find(id: string, purpose: AssignmentPurpose, tx?: Transaction): Promise<ApplicationAssignment | null> {
    return isUuid(id) ? managerOf(tx, this.dataSource).findOneBy(ApplicationAssignment, { id, purpose }) : Promise.resolve(null);
  }

  /** A score sheet was submitted: its assignment is done. */
  async markSubmitted(id: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).update(ApplicationAssignment, { id }, { submittedAt: () => 'now()' } as never);
  }

  /** A score sheet was reopened: its assignment is open again. */
  async clearSubmitted(id: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).update(ApplicationAssignment, { id }, { submittedAt: null });
  }

  /**
   * Whether the reviewer still holds an assignment on the application, its row locked FOR SHARE until the
   * transaction ends: a revocation (which locks it for update) waits for the work done under it, or is seen.
   */
  async holdsAssignment(applicationId: string, reviewerId: string, tx: Transaction): Promise<boolean> {
    const rows = await managerOf(tx, this.dataSource).query(
      `SELECT 1 FROM application_assignment WHERE application_id = $1 AND reviewer_id = $2 AND revoked_at IS NULL ORDER BY id FOR SHARE`,
      [applicationId, reviewerId],
    );
    return rows.length > 0;
  }

  /** The 要件確認 of an application is done: its checker's open assignment with it. */
  async completeFormalCheck(applicationId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(
      `UPDATE application_assignment SET submitted_at = now() WHERE application_id = $1 AND purpose = $2 AND revoked_at IS NULL AND submitted_at IS NULL`,
      [applicationId, ASSIGNMENT_PURPOSE.formalCheck],
    );
  }

  /**
   * The 要件確認 assignment of an application whose check is open again (a 再提出 reopened it: reopensFormalCheck) is
   * open work again: a 適 had marked it done, and the corrected application would wait where its checker does not look.
   */
  async reopenFormalCheck(applicationId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(
      `UPDATE application_assignment aa SET submitted_at = NULL
         FROM application a
        WHERE a.id = aa.application_id AND aa.application_id = $1 AND aa.purpose = $2 AND aa.revoked_at IS NULL
          AND aa.submitted_at IS NOT NULL AND NOT coalesce((a.formal_check->>'completed')::boolean, false)`,
      [applicationId, ASSIGNMENT_PURPOSE.formalCheck],
    );
  }

  /**
   * Claims (sets reminded_at on) open assignments of active reviewers due within `hours`, at most
   * `limit`; rows another worker holds are skipped, a reminded one is never claimed again. An assignment
   * whose application waits on the applicant or has ended (`waiting`) has nothing to remind of. The claim
   * locks FOR NO KEY UPDATE (what its UPDATE takes anyway), so a reviewer saving a score, whose insert
   * holds a key-share lock on the assignment, is not mistaken for another worker and skipped.
   */
  async claimDueAssignments(hours: number, limit: number, tx: Transaction): Promise<DueAssignment[]> {
    const m = managerOf(tx, this.dataSource);
    const [rows] = await m.query(
      `WITH due AS (
         SELECT aa.id FROM application_assignment aa JOIN staff_user su ON su.id = aa.reviewer_id AND su.active
           JOIN application a ON a.id = aa.application_id
          WHERE aa.submitted_at IS NULL AND aa.revoked_at IS NULL AND aa.reminded_at IS NULL
            AND aa.due_at > now() AND aa.due_at <= now() + make_interval(hours => $1)
            AND NOT a.status = ANY($3::text[])
          ORDER BY aa.due_at LIMIT $2
          FOR NO KEY UPDATE OF aa SKIP LOCKED)
       UPDATE application_assignment aa SET reminded_at = now() FROM due WHERE aa.id = due.id
       RETURNING aa.id`,
      [hours, limit, waitingStates()],
    );
    if (rows.length === 0) return [];
    return m.query(
      `SELECT aa.id AS "assignmentId", a.id AS "applicationId", su.name AS "reviewerName", su.email AS "reviewerEmail", aa.due_at AS "dueAt",
              a.applicant_name AS "applicantName", a.receipt_number AS "receiptNumber", r.name AS "roundName", c.name AS "categoryName"
         FROM application_assignment aa
         JOIN staff_user su ON su.id = aa.reviewer_id
         JOIN application a ON a.id = aa.application_id
         JOIN round r ON r.id = a.round_id
         JOIN category c ON c.id = a.category_id
        WHERE aa.id = ANY($1::uuid[])
        ORDER BY aa.due_at`,
      [rows.map((r: { id: string }) => r.id)],
    );
  }
}
