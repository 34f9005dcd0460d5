import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { ASSIGNMENT_PURPOSE } from '../assignments/application-assignment.entity';
import { waitingStates, type DueAssignment } from '../assignments/assignments.repository';

export interface PipelineRoundRow {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  graceMinutes: number;
  announcementFrom: Date | null;
  workflowVersion: number;
  programName: string;
  workflowKind: string;
}

/** Applications of one round × 類型 × workflow version × state (PipelineRepository.groups). */
export interface PipelineGroupRow {
  roundId: string;
  categoryId: string;
  workflowCode: string;
  workflowVersion: number;
  status: string;
  n: number;
  amount: string | number;
}

/** Applications received (受付) on one JST calendar day. */
export interface PipelineIntakeDay {
  roundId: string;
  /** `YYYY-MM-DD` in Asia/Tokyo */
  day: string;
  n: number;
}

/** One reviewer's review assignments in one round (revoked ones left out). */
export interface PipelineReviewerRow {
  roundId: string;
  reviewerId: string;
  name: string;
  assigned: number;
  submitted: number;
  overdue: number;
  /** the earliest due date of what is still open */
  nextDueAt: Date | null;
}

/** An overdue review assignment to remind of (reviewOverdue): the same facts as the scheduler's reminder (reviewReminder). */
export type OverdueAssignment = DueAssignment;

export interface PipelineReviewRow {
  roundId: string;
  formalChecksOpen: number;
  sheetsSubmitted: number;
  sheetsOpen: number;
  sheetsOverdue: number;
}

/**
 * The dashboard's grouped reads over every round that has applications. Lifecycle facts are bound
 * from the workflow definitions (initial states, holdsSlot states), never named here.
 */
@Injectable()
export class PipelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rounds with at least one application, newest deadline first. */
  rounds(): Promise<PipelineRoundRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.name, r.opens_at AS "opensAt", r.closes_at AS "closesAt", r.grace_minutes AS "graceMinutes", r.announcement_from AS "announcementFrom",
              r.workflow_version AS "workflowVersion", p.name AS "programName", p.workflow_kind AS "workflowKind"
         FROM round r JOIN program p ON p.id = r.program_id
        WHERE EXISTS (SELECT 1 FROM application a WHERE a.round_id = r.id)
        ORDER BY r.closes_at DESC, r.id`,
    );
  }

  /**
   * Applications per round × 類型 × workflow version × state, with their 申請額, from the counts the database
   * keeps (migration PipelineCounts: the folded counts plus the changes not folded yet, in one snapshot), from
   * which the service counts the states of each round and each 類型's applied and adopted (a lifecycle fact,
   * read from the workflow definitions, not bound into this SQL).
   */
  groups(): Promise<PipelineGroupRow[]> {
    return this.dataSource.query(
      `SELECT round_id AS "roundId", category_id AS "categoryId", workflow_code AS "workflowCode", workflow_version AS "workflowVersion", status,
              sum(n)::int AS n, sum(amount)::bigint AS amount
         FROM (SELECT * FROM application_count UNION ALL SELECT * FROM application_count_change) c
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
    );
  }

  /**
   * Folds the changes the triggers appended into the kept counts (job pipeline.foldCounts): what the dashboard
   * reads stays a few hundred rows however many applications change. Exact with or without it.
   */
  async foldCounts(): Promise<void> {
    await this.dataSource.query(`SELECT fold_pipeline_counts()`);
  }

  /** Every 類型's name, in the order of the names (the dashboard lists a round's 類型 so). */
  categoryNames(): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(`SELECT id, name FROM category ORDER BY name`);
  }

  /** The 予算 of each round × 類型 offered. */
  budgets(): Promise<{ roundId: string; categoryId: string; budget: string | null }[]> {
    return this.dataSource.query(`SELECT round_id AS "roundId", category_id AS "categoryId", budget FROM round_category`);
  }

  /**
   * 受付 per round and JST calendar day, from the counts the database keeps (migration PipelineCounts); the
   * service charts the round's opening day to its deadline's day and gives the days without any 0.
   */
  intakeDays(): Promise<PipelineIntakeDay[]> {
    return this.dataSource.query(
      `SELECT round_id AS "roundId", day::text AS day, sum(n)::int AS n
         FROM (SELECT * FROM application_intake_day UNION ALL SELECT * FROM application_intake_day_change) c
        GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
    );
  }

  async roundExists(roundId: string, tx?: Transaction): Promise<boolean> {
    const rows = await managerOf(tx, this.dataSource).query(`SELECT 1 FROM round WHERE id = $1`, [roundId]);
    return rows.length > 0;
  }

  /** An active reviewer's account (null: no such active reviewer). */
  async activeReviewer(reviewerId: string, tx?: Transaction): Promise<{ id: string; name: string; email: string } | null> {
    const [row] = await managerOf(tx, this.dataSource).query(`SELECT id, name, email FROM staff_user WHERE id = $1 AND role = 'reviewer' AND active`, [
      reviewerId,
    ]);
    return row ?? null;
  }

  /**
   * The reviewer's overdue review assignments in the round (past due, neither submitted nor revoked, the application
   * neither waiting on the applicant nor ended: waitingStates), locked
   * until `tx` ends, leaving out those a `template` mail was already queued for since `since` (two clicks on
   * 催促 send one mail).
   */
  overdueAssignments(roundId: string, reviewerId: string, template: string, since: Date, tx: Transaction): Promise<OverdueAssignment[]> {
    return managerOf(tx, this.dataSource).query(
      `SELECT aa.id AS "assignmentId", a.id AS "applicationId", su.name AS "reviewerName", su.email AS "reviewerEmail", aa.due_at AS "dueAt",
              a.applicant_name AS "applicantName", a.receipt_number AS "receiptNumber", r.name AS "roundName", c.name AS "categoryName"
         FROM application_assignment aa
         JOIN staff_user su ON su.id = aa.reviewer_id
         JOIN application a ON a.id = aa.application_id
         JOIN round r ON r.id = a.round_id
         JOIN category c ON c.id = a.category_id
        WHERE a.round_id = $1 AND aa.reviewer_id = $2 AND aa.purpose = $3
          AND aa.submitted_at IS NULL AND aa.revoked_at IS NULL AND aa.due_at < now() AND NOT a.status = ANY($6)
          AND NOT EXISTS (SELECT 1 FROM notification n
                           WHERE n.template = $4 AND n.payload->>'assignmentId' = aa.id::text AND n.created_at >= $5)
        ORDER BY aa.due_at, a.receipt_number
        FOR UPDATE OF aa`,
      [roundId, reviewerId, ASSIGNMENT_PURPOSE.review, template, since, waitingStates()],
    );
  }

  /**
   * The assignments' progress from the kept counts (revoked ones left out): per round, the open 要件確認
   * and the score sheets' progress; per round and reviewer, their review assignments — assigned,
   * submitted, overdue (past due, not submitted) and the earliest open due date. An open 要件確認 is
   * 未完了 only while the secretariat can act on it: not while the application waits on the applicant
   * (returnedToApplicant) nor once it is withdrawn or closed (terminal states); nor is a review then overdue.
   */
  async assignmentProgress(): Promise<{ review: PipelineReviewRow[]; reviewers: PipelineReviewerRow[] }> {
    const [groups, names]: [
      {
        roundId: string;
        reviewerId: string;
        purpose: string;
        assigned: number;
        submitted: number;
        overdue: number;
        openActionable: number;
        nextDueAt: Date | null;
      }[],
      { id: string; name: string }[],
    ] = await Promise.all([
      // the kept counts (migration PipelineCounts) per 審査期限 and application state: the clock and the
      // workflow's states are applied here, at read time
      this.dataSource.query(
        `SELECT round_id AS "roundId", reviewer_id AS "reviewerId", purpose, sum(n)::int AS assigned,
                coalesce(sum(n) FILTER (WHERE submitted), 0)::int AS submitted,
                coalesce(sum(n) FILTER (WHERE NOT submitted AND due_at < now() AND application_status <> ALL($1::text[])), 0)::int AS overdue,
                coalesce(sum(n) FILTER (WHERE NOT submitted AND application_status <> ALL($1::text[])), 0)::int AS "openActionable",
                min(due_at) FILTER (WHERE NOT submitted) AS "nextDueAt"
           FROM (SELECT round_id, reviewer_id, purpose, application_status, due_at, submitted, sum(n) AS n
                   FROM (SELECT * FROM assignment_count UNION ALL SELECT * FROM assignment_count_change) c
                  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0) x
          GROUP BY 1, 2, 3`,
        [waitingStates()],
      ),
      this.dataSource.query(
        `SELECT id, name FROM staff_user WHERE id IN (SELECT DISTINCT reviewer_id FROM assignment_count UNION SELECT reviewer_id FROM assignment_count_change) ORDER BY name, id`,
      ),
    ]);
    const review = new Map<string, PipelineReviewRow>();
    for (const g of groups) {
      const r =
        review.get(g.roundId) ??
        review.set(g.roundId, { roundId: g.roundId, formalChecksOpen: 0, sheetsSubmitted: 0, sheetsOpen: 0, sheetsOverdue: 0 }).get(g.roundId)!;
      if (g.purpose === ASSIGNMENT_PURPOSE.formalCheck) r.formalChecksOpen += g.openActionable;
      if (g.purpose === ASSIGNMENT_PURPOSE.review) {
        r.sheetsSubmitted += g.submitted;
        r.sheetsOpen += g.assigned - g.submitted;
        r.sheetsOverdue += g.overdue;
      }
    }
    const name = new Map(names.map((u) => [u.id, u.name] as const));
    const rank = new Map(names.map((u, i) => [u.id, i] as const));
    const reviewers = groups
      .filter((g) => g.purpose === ASSIGNMENT_PURPOSE.review)
      .map((g) => ({
        roundId: g.roundId,
        reviewerId: g.reviewerId,
        name: name.get(g.reviewerId) ?? '',
        assigned: g.assigned,
        submitted: g.submitted,
        overdue: g.overdue,
        nextDueAt: g.nextDueAt,
      }))
      // by name, then id, in the database's order of them (its collation)
      .sort((x, y) => rank.get(x.reviewerId)! - rank.get(y.reviewerId)! || (x.roundId < y.roundId ? -1 : 1));
    return { review: [...review.values()], reviewers };
  }
}
