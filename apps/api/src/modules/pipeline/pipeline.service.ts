import { getWorkflow } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SLOT_HOLDING_STATES } from '../applications/workflow-inputs';

export interface RoundPipeline {
  roundId: string;
  roundName: string;
  programName: string;
  opensAt: Date;
  closesAt: Date;
  announcementFrom: Date | null;
  total: number;
  /** whether the round's workflow decides by 採択 (subsidies) — a benefit has no adoption, no simulator */
  hasAdoption: boolean;
  /** every state of the round's workflow that holds applications, in the workflow's order */
  states: { code: string; label: string; count: number }[];
  categories: { categoryId: string; categoryName: string; applied: number; budget: number | null; adopted: number; adoptedAmount: number }[];
  review: { formalChecksOpen: number; sheetsSubmitted: number; sheetsOpen: number; sheetsOverdue: number };
}

/**
 * Where each round stands, for the managers' dashboard: applications per state (labelled by the round's
 * workflow), per category the budget against what is adopted, and the review's progress. Three
 * grouped reads over every round that has applications, newest deadline first.
 */
@Injectable()
export class PipelineService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rounds(): Promise<RoundPipeline[]> {
    const q = this.dataSource.query.bind(this.dataSource);
    const [rounds, counts, categories, review] = await Promise.all([
      q(`SELECT r.id, r.name, r.opens_at, r.closes_at, r.announcement_from, r.workflow_version, p.name AS program_name, p.workflow_kind
           FROM round r JOIN program p ON p.id = r.program_id
          WHERE EXISTS (SELECT 1 FROM application a WHERE a.round_id = r.id)
          ORDER BY r.closes_at DESC, r.id`),
      q(`SELECT round_id, status, count(*)::int AS n FROM application GROUP BY round_id, status`),
      q(
        `SELECT a.round_id, a.category_id, c.name, rc.budget,
                count(*) FILTER (WHERE a.status <> 'draft')::int AS applied,
                count(*) FILTER (WHERE a.status = ANY($1))::int AS adopted,
                coalesce(sum(a.quoted_amount) FILTER (WHERE a.status = ANY($1)), 0)::bigint AS adopted_amount
           FROM application a JOIN category c ON c.id = a.category_id
           LEFT JOIN round_category rc ON rc.round_id = a.round_id AND rc.category_id = a.category_id
          GROUP BY a.round_id, a.category_id, c.name, rc.budget ORDER BY c.name`,
        [SLOT_HOLDING_STATES],
      ),
      q(`SELECT a.round_id,
                count(*) FILTER (WHERE x.purpose = 'formalCheck' AND x.submitted_at IS NULL)::int AS formal_checks_open,
                count(*) FILTER (WHERE x.purpose = 'review' AND x.submitted_at IS NOT NULL)::int AS sheets_submitted,
                count(*) FILTER (WHERE x.purpose = 'review' AND x.submitted_at IS NULL)::int AS sheets_open,
                count(*) FILTER (WHERE x.purpose = 'review' AND x.submitted_at IS NULL AND x.due_at < now())::int AS sheets_overdue
           FROM application_assignment x JOIN application a ON a.id = x.application_id
          WHERE x.revoked_at IS NULL GROUP BY a.round_id`),
    ]);
    return rounds.map((r: Record<string, unknown>) => {
      const mine = <T extends { round_id: string }>(rows: T[]): T[] => rows.filter((x) => x.round_id === r.id);
      const n = new Map(mine(counts as { round_id: string; status: string; n: number }[]).map((c) => [c.status, c.n] as const));
      const workflow = getWorkflow(r.workflow_kind as string, r.workflow_version as number);
      const rv = mine(review as ({ round_id: string } & Record<string, number>)[])[0];
      return {
        roundId: r.id as string,
        roundName: r.name as string,
        programName: r.program_name as string,
        opensAt: r.opens_at as Date,
        closesAt: r.closes_at as Date,
        announcementFrom: r.announcement_from as Date | null,
        total: [...n.values()].reduce((a, b) => a + b, 0),
        hasAdoption: workflow.transitions.some((t) => t.name === 'adopt'),
        states: workflow.states.filter((s) => n.has(s.code)).map((s) => ({ code: s.code, label: s.label, count: n.get(s.code)! })),
        categories: mine(categories as ({ round_id: string } & Record<string, unknown>)[]).map((c) => ({
          categoryId: c.category_id as string,
          categoryName: c.name as string,
          applied: c.applied as number,
          budget: c.budget === null ? null : Number(c.budget),
          adopted: c.adopted as number,
          adoptedAmount: Number(c.adopted_amount),
        })),
        review: {
          formalChecksOpen: rv?.formal_checks_open ?? 0,
          sheetsSubmitted: rv?.sheets_submitted ?? 0,
          sheetsOpen: rv?.sheets_open ?? 0,
          sheetsOverdue: rv?.sheets_overdue ?? 0,
        },
      };
    });
  }
}
