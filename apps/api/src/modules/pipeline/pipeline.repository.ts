import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statesOfKind, statesTagged, workflowStatesTagged } from '@jimukyoku/workflow';
import { DataSource } from 'typeorm';
import { managerOf, workflowStateSql, type Transaction } from '../../database';
import { ASSIGNMENT_PURPOSE } from '../assignments/application-assignment.entity';
import type { DueAssignment } from '../assignments/assignments.repository';

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

export interface PipelineStateCount {
  roundId: string;
  status: string;
  n: number;
}

export interface PipelineCategoryRow {
  roundId: string;
  categoryId: string;
  name: string;
  budget: string | number | null;
  /** filed: every application past its workflow's initial state */
  applied: number;
  /** holding one of the round × category's 採択 slots (the holdsSlot states) */
  adopted: number;
  adoptedAmount: string | number;
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

/** An overdue review assignment to remind of: the same facts as the scheduler's reminder (reviewReminder). */
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

  stateCounts(): Promise<PipelineStateCount[]> {
    return this.dataSource.query(`SELECT round_id AS "roundId", status, count(*)::int AS n FROM application GROUP BY round_id, status`);
  }

  categories(): Promise<PipelineCategoryRow[]> {
    return this.dataSource.query(
      `SELECT a.round_id AS "roundId", a.category_id AS "categoryId", c.name, rc.budget,
              count(*) FILTER (WHERE a.status <> ALL($2::text[]))::int AS applied,
              count(*) FILTER (WHERE ${workflowStateSql('a')} = ANY($1::text[]))::int AS adopted,
              coalesce(sum(a.quoted_amount) FILTER (WHERE ${workflowStateSql('a')} = ANY($1::text[])), 0)::bigint AS "adoptedAmount"
         FROM application a JOIN category c ON c.id = a.category_id
         LEFT JOIN round_category rc ON rc.round_id = a.round_id AND rc.category_id = a.category_id
        GROUP BY a.round_id, a.category_id, c.name, rc.budget ORDER BY c.name`,
      // keys, not codes: IT導入's 交付申請 and 交付決定 hold no 採択 slot, the subsidy's do (workflowStatesTagged)
      [workflowStatesTagged('holdsSlot'), statesOfKind('initial')],
    );
  }

  /** 受付 per round and JST calendar day (drafts, never received, left out). */
  intakeDays(): Promise<PipelineIntakeDay[]> {
    return this.dataSource.query(
      `SELECT round_id AS "roundId", to_char(received_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM application WHERE received_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  }

  /** Review assignments per round and reviewer: assigned, submitted, overdue (past due, not submitted). */
  reviewers(): Promise<PipelineReviewerRow[]> {
    return this.dataSource.query(
      `SELECT a.round_id AS "roundId", x.reviewer_id AS "reviewerId", su.name, count(*)::int AS assigned,
              count(*) FILTER (WHERE x.submitted_at IS NOT NULL)::int AS submitted,
              count(*) FILTER (WHERE x.submitted_at IS NULL AND x.due_at < now())::int AS overdue,
              min(x.due_at) FILTER (WHERE x.submitted_at IS NULL) AS "nextDueAt"
         FROM application_assignment x JOIN application a ON a.id = x.application_id JOIN staff_user su ON su.id = x.reviewer_id
        WHERE x.revoked_at IS NULL AND x.purpose = $1
        GROUP BY a.round_id, x.reviewer_id, su.name ORDER BY su.name, x.reviewer_id`,
      [ASSIGNMENT_PURPOSE.review],
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
   * The reviewer's overdue review assignments in the round (past due, neither submitted nor revoked), locked
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
          AND aa.submitted_at IS NULL AND aa.revoked_at IS NULL AND aa.due_at < now()
          AND NOT EXISTS (SELECT 1 FROM notification n
                           WHERE n.template = $4 AND n.payload->>'assignmentId' = aa.id::text AND n.created_at >= $5)
        ORDER BY aa.due_at, a.receipt_number
        FOR UPDATE OF aa`,
      [roundId, reviewerId, ASSIGNMENT_PURPOSE.review, template, since],
    );
  }

  /**
   * Open 要件確認 assignments and the score sheets' progress, per round (revoked assignments left out).
   * An open 要件確認 is 未完了 only while the secretariat can act on it: not while the application waits
   * on the applicant (returnedToApplicant) nor once it is withdrawn or closed (terminal states).
   */
  review(): Promise<PipelineReviewRow[]> {
    return this.dataSource.query(
      `SELECT a.round_id AS "roundId",
              count(*) FILTER (WHERE x.purpose = 'formalCheck' AND x.submitted_at IS NULL AND a.status <> ALL($1::text[]))::int AS "formalChecksOpen",
              count(*) FILTER (WHERE x.purpose = 'review' AND x.submitted_at IS NOT NULL)::int AS "sheetsSubmitted",
              count(*) FILTER (WHERE x.purpose = 'review' AND x.submitted_at IS NULL)::int AS "sheetsOpen",
              count(*) FILTER (WHERE x.purpose = 'review' AND x.submitted_at IS NULL AND x.due_at < now())::int AS "sheetsOverdue"
         FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE x.revoked_at IS NULL GROUP BY a.round_id`,
      [[...statesTagged('returnedToApplicant'), ...statesOfKind('terminal')]],
    );
  }
}
