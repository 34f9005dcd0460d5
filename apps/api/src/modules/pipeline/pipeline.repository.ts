import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statesOfKind, statesTagged } from '@jimukyoku/workflow';
import { DataSource } from 'typeorm';

export interface PipelineRoundRow {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
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
      `SELECT r.id, r.name, r.opens_at AS "opensAt", r.closes_at AS "closesAt", r.announcement_from AS "announcementFrom",
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
              count(*) FILTER (WHERE a.status = ANY($1::text[]))::int AS adopted,
              coalesce(sum(a.quoted_amount) FILTER (WHERE a.status = ANY($1::text[])), 0)::bigint AS "adoptedAmount"
         FROM application a JOIN category c ON c.id = a.category_id
         LEFT JOIN round_category rc ON rc.round_id = a.round_id AND rc.category_id = a.category_id
        GROUP BY a.round_id, a.category_id, c.name, rc.budget ORDER BY c.name`,
      [statesTagged('holdsSlot'), statesOfKind('initial')],
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
