import { statesTagged } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Transaction } from '../../database';
import { ASSIGNMENT_PURPOSE } from '../assignments/application-assignment.entity';
import type { ReviewRubric } from '../rubrics/review-rubric.entity';
import { SCORE_SHEET_STATUS } from '../scoring/review-score.entity';
import { AdoptionDecision } from './adoption-decision.entity';

/** An application the ranking decides on, with how many of its review sheets are reopened. */
export interface DecidableApplication {
  id: string;
  receipt_number: string | null;
  applicant_name: string;
  quoted_amount: string;
  prefecture: string;
  size_class: string;
  received_at: Date | null;
  pending: number;
}

export interface SubmittedSheet {
  application_id: string;
  reviewer_id: string;
  total: number;
  confirmed_bonus: string[] | null;
}

/**
 * All SQL of adoption_decision (this module's table), and the reads the ranking and the exports make
 * of applications, their live review assignments and submitted score sheets. The decision's state
 * changes go through the applications module's TransitionsService.
 */
@Injectable()
export class AdoptionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One decision of a round × category at a time. */
  async lockDecision(roundId: string, categoryId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(`SELECT pg_advisory_xact_lock(hashtext('review.decide:' || $1 || ':' || $2))`, [roundId, categoryId]);
  }

  /**
   * What a rubric's ranking depends on, as two index reads: its sheets (count, last change) and the
   * applications awaiting a decision in its round × category (count, last change).
   */
  async rankingStamp(rubric: ReviewRubric, tx?: Transaction): Promise<string> {
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM review_score WHERE rubric_id = $1) || '|' ||
              (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM application WHERE round_id = $2 AND category_id = $3 AND status = ANY($4::text[])) AS stamp`,
      [rubric.id, rubric.roundId, rubric.categoryId, statesTagged('awaitsDecision')],
    );
    return row.stamp;
  }

  /** Two reads: the decidable applications (with any reopened sheets) and the rubric's submitted totals. */
  async rankingInputs(rubric: ReviewRubric, tx?: Transaction): Promise<{ apps: DecidableApplication[]; sheets: SubmittedSheet[] }> {
    const m = managerOf(tx, this.dataSource);
    const readApps = () =>
      m.query(
        `SELECT a.id, a.receipt_number, a.applicant_name, a.quoted_amount, a.prefecture, a.size_class, a.received_at, coalesce(p.pending, 0) AS pending
           FROM application a
           LEFT JOIN (SELECT x.application_id, count(*)::int AS pending FROM application_assignment x
                       WHERE x.purpose = $4 AND x.revoked_at IS NULL AND x.submitted_at IS NULL GROUP BY x.application_id) p ON p.application_id = a.id
          WHERE a.round_id = $1 AND a.category_id = $2 AND a.status = ANY($3::text[])`,
        [rubric.roundId, rubric.categoryId, statesTagged('awaitsDecision'), ASSIGNMENT_PURPOSE.review],
      ) as Promise<DecidableApplication[]>;
    // confirmed_bonus only where there is one: most sheets confirm none, and jsonb costs parsing
    const readSheets = () =>
      m.query(
        `SELECT s.application_id, s.reviewer_id, s.total::float8 AS total, CASE WHEN s.confirmed_bonus = '[]'::jsonb THEN NULL ELSE s.confirmed_bonus END AS confirmed_bonus
           FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id
          WHERE s.rubric_id = $1 AND s.status = $2 AND x.revoked_at IS NULL`,
        [rubric.id, SCORE_SHEET_STATUS.submitted],
      ) as Promise<SubmittedSheet[]>;
    // in parallel over two pooled connections; inside a transaction (the decision) one after the other
    const [apps, sheets] = m.queryRunner ? [await readApps(), await readSheets()] : await Promise.all([readApps(), readSheets()]);
    return { apps, sheets };
  }

  insertDecision(values: Omit<AdoptionDecision, 'id' | 'committedAt'>, tx: Transaction): Promise<AdoptionDecision> {
    const m = managerOf(tx, this.dataSource);
    return m.save(m.create(AdoptionDecision, values));
  }

  decisionsOf(roundId: string): Promise<AdoptionDecision[]> {
    return this.dataSource.getRepository(AdoptionDecision).find({
      where: { roundId },
      order: { committedAt: 'DESC' },
      select: {
        id: true,
        roundId: true,
        categoryId: true,
        budget: true,
        quota: true,
        waitlistCount: true,
        normalise: true,
        appliedCount: true,
        adoptedCount: true,
        waitlistedCount: true,
        rejectedCount: true,
        adoptedAmount: true,
        cutoffScore: true,
        committedBy: true,
        committedAt: true,
      },
    });
  }

  /** The 採択者一覧 rows: applications of the round (optionally one 類型) in a state that holds a slot. */
  adoptedRows(roundId: string, categoryId?: string): Promise<Record<string, string | null>[]> {
    const params: unknown[] = [roundId, statesTagged('holdsSlot')];
    if (categoryId !== undefined) params.push(categoryId);
    return this.dataSource.query(
      `SELECT a.receipt_number, a.applicant_name, a.corporate_number, a.prefecture, a.plan_title, a.certified_advisor->>'name' AS advisor_name
         FROM application a
        WHERE a.round_id = $1 AND a.status = ANY($2) ${categoryId ? 'AND a.category_id = $3' : ''}
        ORDER BY a.receipt_number, a.id`,
      params,
    );
  }

  /** Every criterion (code, label) of the round's rubrics, once each. */
  criteriaOfRound(roundId: string): Promise<{ code: string; label: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (c->>'code') c->>'code' AS code, c->>'label' AS label
         FROM review_rubric r, jsonb_array_elements(r.criteria) c WHERE r.round_id = $1 ORDER BY c->>'code'`,
      [roundId],
    );
  }

  /** Every submitted sheet of the round's live assignments, with its application and reviewer. */
  submittedSheetsOfRound(roundId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT a.receipt_number, a.applicant_name, c.name AS category_name, a.status, a.quoted_amount, u.name AS reviewer_name,
              s.scores, s.total::float8 AS total, s.confirmed_bonus, s.overall_comment, s.submitted_at
         FROM review_score s
         JOIN application_assignment x ON x.id = s.assignment_id AND x.revoked_at IS NULL
         JOIN application a ON a.id = s.application_id
         JOIN category c ON c.id = a.category_id
         JOIN staff_user u ON u.id = s.reviewer_id
        WHERE a.round_id = $1 AND s.status = $2
        ORDER BY a.receipt_number, u.name`,
      [roundId, SCORE_SHEET_STATUS.submitted],
    );
  }
}
