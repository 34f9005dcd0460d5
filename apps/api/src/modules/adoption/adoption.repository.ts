import { statesTagged, workflowStatesTagged } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, workflowStateSql, type Transaction } from '../../database';
import { ADOPTION_SLOTS_LOCK } from '../applications/adoption-slots-lock';
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

/** A round × category outside its ranking (AdoptionRepository.standing). */
export interface CategoryStanding {
  /** applications holding a 採択 slot, and their quoted amounts (yen) */
  adopted: number;
  adoptedAmount: number;
  /** still in 要件確認 (waiting or in progress) */
  inFormalCheck: number;
  /** still in 書面審査 */
  inReview: number;
}

/** One application of a committed decision's ranking. */
export interface CommittedEntry {
  rank: number;
  applicationId: string;
  receiptNumber: string | null;
  applicantName: string;
  finalScore: number;
  /** the 審査点 and 加点 the final score was made of; null for a decision committed before they were kept */
  mean: number | null;
  bonus: number | null;
  quotedAmount: number;
  prefecture: string;
  sizeClass: string;
  outcome: string;
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
/**
 * 再審査 (docs/reconsideration.md): the submitted sheets of the applications moved into a round × category
 * from another 類型, scored under that 類型's rubric, with their totals as scored ($1 the rubric, $2 the
 * submitted status, $3 the round, $4 the category). Scores carry over; nobody scores twice.
 */
const RECONSIDERED_SHEETS = `SELECT s.application_id, s.reviewer_id, s.total::float8 AS total, CASE WHEN s.confirmed_bonus = '[]'::jsonb THEN NULL ELSE s.confirmed_bonus END AS confirmed_bonus
           FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id JOIN application a ON a.id = s.application_id
          WHERE a.round_id = $3 AND a.category_id = $4 AND a.reconsidered_from_category_id IS NOT NULL
            AND s.rubric_id <> $1 AND s.status = $2 AND x.revoked_at IS NULL`;

@Injectable()
export class AdoptionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One decision of a round × category at a time, and no single 採択 or 繰上げ beside it (ADOPTION_SLOTS_LOCK). */
  async lockDecision(roundId: string, categoryId: string, tx: Transaction): Promise<void> {
    await managerOf(tx, this.dataSource).query(ADOPTION_SLOTS_LOCK, [roundId, categoryId]);
  }

  /** Two reads: the decidable applications (with any reopened sheets) and the rubric's submitted totals. */
  async rankingInputs(rubric: ReviewRubric, tx?: Transaction): Promise<{ apps: DecidableApplication[]; sheets: SubmittedSheet[] }> {
    const m = managerOf(tx, this.dataSource);
    const readApps = () =>
      m.query(
        // each application's open review assignments, looked up by its id (migration OpenAssignmentIndex): not
        // grouped over the whole table's open assignments, which grow with every other round
        `SELECT a.id, a.receipt_number, a.applicant_name, a.quoted_amount, a.prefecture, a.size_class, a.received_at,
                (SELECT count(*)::int FROM application_assignment x
                  WHERE x.application_id = a.id AND x.purpose = $4 AND x.revoked_at IS NULL AND x.submitted_at IS NULL) AS pending
           FROM application a
          WHERE a.round_id = $1 AND a.category_id = $2 AND a.status = ANY($3::text[])`,
        [rubric.roundId, rubric.categoryId, statesTagged('awaitsDecision'), ASSIGNMENT_PURPOSE.review],
      ) as Promise<DecidableApplication[]>;
    // confirmed_bonus only where there is one: most sheets confirm none, and jsonb costs parsing; the
    // sheets of an application reconsidered into this 類型 come with it, as scored (RECONSIDERED_SHEETS)
    const readSheets = () =>
      m.query(
        `SELECT s.application_id, s.reviewer_id, s.total::float8 AS total, CASE WHEN s.confirmed_bonus = '[]'::jsonb THEN NULL ELSE s.confirmed_bonus END AS confirmed_bonus
           FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id
          WHERE s.rubric_id = $1 AND s.status = $2 AND x.revoked_at IS NULL
         UNION ALL
         ${RECONSIDERED_SHEETS}`,
        [rubric.id, SCORE_SHEET_STATUS.submitted, rubric.roundId, rubric.categoryId],
      ) as Promise<SubmittedSheet[]>;
    // in parallel over two pooled connections; inside a transaction (the decision) one after the other
    const [apps, sheets] = m.queryRunner ? [await readApps(), await readSheets()] : await Promise.all([readApps(), readSheets()]);
    return { apps, sheets };
  }

  /**
   * Where a round × category stands outside the ranking, in one read: what already holds a 採択 slot
   * (count, quoted amounts) and how many applications are still before the decision — in 要件確認
   * (waiting or in progress) or in 書面審査 — which a decision now would leave out.
   */
  async standing(roundId: string, categoryId: string, tx?: Transaction): Promise<CategoryStanding> {
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT count(*) FILTER (WHERE status = ANY($3::text[]))::int AS adopted,
              coalesce(sum(quoted_amount) FILTER (WHERE status = ANY($3::text[])), 0)::text AS "adoptedAmount",
              count(*) FILTER (WHERE ${workflowStateSql('application')} = ANY($4::text[]))::int AS "inFormalCheck",
              count(*) FILTER (WHERE ${workflowStateSql('application')} = ANY($5::text[]))::int AS "inReview"
         FROM application WHERE round_id = $1 AND category_id = $2`,
      [
        roundId,
        categoryId,
        statesTagged('holdsSlot'),
        // keys, not codes: grantApplied awaits a 要件確認 in IT導入 only (workflowStatesTagged)
        [...workflowStatesTagged('awaitsFormalCheck'), ...workflowStatesTagged('inFormalCheck')],
        workflowStatesTagged('openForScoring'),
      ],
    );
    return { adopted: row.adopted, adoptedAmount: Number(row.adoptedAmount), inFormalCheck: row.inFormalCheck, inReview: row.inReview };
  }

  /** The latest committed decision of a round × category (without its ranking), or null. */
  async latestDecision(roundId: string, categoryId: string, tx?: Transaction): Promise<Omit<AdoptionDecision, 'ranking'> | null> {
    const [row] = await this.decisionsOf(roundId, categoryId, tx);
    return row ?? null;
  }

  /** One page of a committed decision's ranking, as committed, with each application's 受付番号, name and amount. */
  committedEntries(decisionId: string, offset: number, limit: number, tx?: Transaction): Promise<CommittedEntry[]> {
    return managerOf(tx, this.dataSource).query(
      `SELECT r.rank, r."applicationId", a.receipt_number AS "receiptNumber", a.applicant_name AS "applicantName", r."finalScore",
              r.mean, r.bonus, a.quoted_amount::float8 AS "quotedAmount", a.prefecture, a.size_class AS "sizeClass", r.outcome
         FROM adoption_decision d
        CROSS JOIN LATERAL jsonb_to_recordset(d.ranking) AS r(rank int, "applicationId" uuid, "finalScore" float8, mean float8, bonus float8, outcome text)
         JOIN application a ON a.id = r."applicationId"
        WHERE d.id = $1
        ORDER BY r.rank OFFSET $2 LIMIT $3`,
      [decisionId, offset, limit],
    );
  }

  /** Every final score of a committed decision by rank (the chart). */
  async committedScores(decisionId: string, tx?: Transaction): Promise<number[]> {
    const rows: { s: number }[] = await managerOf(tx, this.dataSource).query(
      `SELECT (e->>'finalScore')::float8 AS s FROM adoption_decision d, jsonb_array_elements(d.ranking) e WHERE d.id = $1 ORDER BY (e->>'rank')::int`,
      [decisionId],
    );
    return rows.map((r) => r.s);
  }

  insertDecision(values: Omit<AdoptionDecision, 'id' | 'committedAt'>, tx: Transaction): Promise<AdoptionDecision> {
    const m = managerOf(tx, this.dataSource);
    return m.save(m.create(AdoptionDecision, values));
  }

  decisionsOf(roundId: string, categoryId?: string, tx?: Transaction): Promise<AdoptionDecision[]> {
    return managerOf(tx, this.dataSource)
      .getRepository(AdoptionDecision)
      .find({
        where: categoryId === undefined ? { roundId } : { roundId, categoryId },
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
      `SELECT a.receipt_number, a.applicant_name, c.name AS category_name, a.status, a.workflow_code, a.workflow_version, a.quoted_amount,
              u.name AS reviewer_name, s.scores, s.total::float8 AS total, s.confirmed_bonus, r.bonus_items, s.overall_comment, s.submitted_at
         FROM review_score s
         JOIN review_rubric r ON r.id = s.rubric_id
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
