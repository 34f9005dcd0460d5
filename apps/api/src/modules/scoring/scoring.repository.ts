import type { SubmittedReview } from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { ReviewScore, SCORE_SHEET_STATUS } from './review-score.entity';

/** What a score sheet's draft holds. */
export type ScoreSheetValues = Pick<ReviewScore, 'scores' | 'comments' | 'confirmedBonus' | 'overallComment'>;

/** A sheet as the side-by-side view of an application's reviews shows it. */
export type ReviewSheetRow = Pick<
  ReviewScore,
  | 'assignmentId'
  | 'reviewerId'
  | 'scores'
  | 'comments'
  | 'confirmedBonus'
  | 'overallComment'
  | 'total'
  | 'status'
  | 'submittedAt'
  | 'reopenedAt'
  | 'reopenReason'
> & { reviewerName: string };

/**
 * All SQL of review_score (this module's table, one 採点票 per review assignment). Its reads join the
 * assignment (only those not revoked count) and the reviewer's name.
 */
@Injectable()
export class ScoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks the application's row for this transaction (no write: the lock orders concurrent submissions). FOR NO
   * KEY UPDATE, as an UPDATE of the row would take: a new assignment's foreign key (KEY SHARE) does not wait on
   * it, so a reassignment never waits for a sheet being saved while that save waits for the reassignment.
   */
  async lockApplication(id: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(`SELECT 1 FROM application WHERE id = $1 FOR NO KEY UPDATE`, [id]);
  }

  find(assignmentId: string, tx?: Transaction): Promise<ReviewScore | null> {
    return managerOf(tx, this.dataSource).findOneBy(ReviewScore, { assignmentId });
  }

  lock(assignmentId: string, tx: Transaction): Promise<ReviewScore | null> {
    return managerOf(tx, this.dataSource).findOne(ReviewScore, { where: { assignmentId }, lock: { mode: 'pessimistic_write' } });
  }

  async hasSubmitted(applicationId: string, reviewerId: string): Promise<boolean> {
    return (await this.dataSource.manager.findOneBy(ReviewScore, { applicationId, reviewerId, status: SCORE_SHEET_STATUS.submitted })) !== null;
  }

  async insertDraft(
    sheet: Pick<ReviewScore, 'assignmentId' | 'applicationId' | 'reviewerId' | 'rubricId'>,
    values: ScoreSheetValues,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(tx, this.dataSource).insert(ReviewScore, { ...sheet, status: SCORE_SHEET_STATUS.draft, ...values, updatedAt: new Date() } as never);
  }

  async updateDraft(assignmentId: string, values: ScoreSheetValues, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).update(ReviewScore, { assignmentId }, { ...values, updatedAt: new Date() } as never);
  }

  async submit(assignmentId: string, total: number, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(
      `UPDATE review_score SET status = $3, total = $2, submitted_at = now(), updated_at = now() WHERE assignment_id = $1`,
      [assignmentId, total, SCORE_SHEET_STATUS.submitted],
    );
  }

  async reopen(assignmentId: string, reopenedBy: string, reason: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(
      `UPDATE review_score SET status = $4, total = NULL, submitted_at = NULL, reopened_at = now(), reopened_by = $2, reopen_reason = $3, updated_at = now() WHERE assignment_id = $1`,
      [assignmentId, reopenedBy, reason, SCORE_SHEET_STATUS.draft],
    );
  }

  /** Every sheet of an application's live assignments, submitted first. */
  sheetsOf(applicationId: string): Promise<ReviewSheetRow[]> {
    return this.dataSource.query(
      `SELECT s.assignment_id AS "assignmentId", s.reviewer_id AS "reviewerId", u.name AS "reviewerName", s.scores, s.comments, s.confirmed_bonus AS "confirmedBonus",
              s.overall_comment AS "overallComment", s.total::float8 AS total, s.status, s.submitted_at AS "submittedAt", s.reopened_at AS "reopenedAt", s.reopen_reason AS "reopenReason"
         FROM review_score s JOIN staff_user u ON u.id = s.reviewer_id JOIN application_assignment x ON x.id = s.assignment_id
        WHERE s.application_id = $1 AND x.revoked_at IS NULL ORDER BY s.submitted_at NULLS LAST, u.name`,
      [applicationId],
    );
  }

  /** The submitted totals of an application's live assignments. */
  submittedTotals(applicationId: string, tx: Transaction): Promise<SubmittedReview[]> {
    return managerOf(tx, this.dataSource).query(
      `SELECT s.reviewer_id AS "reviewerId", s.total::float8 AS total FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id
        WHERE s.application_id = $1 AND s.status = $2 AND x.revoked_at IS NULL`,
      [applicationId, SCORE_SHEET_STATUS.submitted],
    );
  }
}
