import { getWorkflow, type StateTone } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { PipelineRepository } from './pipeline.repository';

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
  /** every state of the round's workflow that holds applications, in the workflow's order, with its label and display tone */
  states: { code: string; label: string; tone: StateTone; count: number }[];
  categories: { categoryId: string; categoryName: string; applied: number; budget: number | null; adopted: number; adoptedAmount: number }[];
  review: { formalChecksOpen: number; sheetsSubmitted: number; sheetsOpen: number; sheetsOverdue: number };
}

/**
 * Where each round stands, for the managers' dashboard: applications per state (labelled by the round's
 * workflow), per category the budget against what is adopted, and the review's progress. Three
 * grouped reads (PipelineRepository) over every round that has applications, newest deadline first.
 */
@Injectable()
export class PipelineService {
  constructor(private readonly repo: PipelineRepository) {}

  async rounds(): Promise<RoundPipeline[]> {
    const [rounds, counts, categories, review] = await Promise.all([this.repo.rounds(), this.repo.stateCounts(), this.repo.categories(), this.repo.review()]);
    return rounds.map((r) => {
      const mine = <T extends { roundId: string }>(rows: T[]): T[] => rows.filter((x) => x.roundId === r.id);
      const n = new Map(mine(counts).map((c) => [c.status, c.n] as const));
      const workflow = getWorkflow(r.workflowKind, r.workflowVersion);
      const rv = mine(review)[0];
      return {
        roundId: r.id,
        roundName: r.name,
        programName: r.programName,
        opensAt: r.opensAt,
        closesAt: r.closesAt,
        announcementFrom: r.announcementFrom,
        total: [...n.values()].reduce((a, b) => a + b, 0),
        hasAdoption: workflow.transitions.some((t) => t.name === 'adopt'),
        states: workflow.states.filter((s) => n.has(s.code)).map((s) => ({ code: s.code, label: s.label, tone: s.tone, count: n.get(s.code)! })),
        categories: mine(categories).map((c) => ({
          categoryId: c.categoryId,
          categoryName: c.name,
          applied: c.applied,
          budget: c.budget === null ? null : Number(c.budget),
          adopted: c.adopted,
          adoptedAmount: Number(c.adoptedAmount),
        })),
        review: {
          formalChecksOpen: rv?.formalChecksOpen ?? 0,
          sheetsSubmitted: rv?.sheetsSubmitted ?? 0,
          sheetsOpen: rv?.sheetsOpen ?? 0,
          sheetsOverdue: rv?.sheetsOverdue ?? 0,
        },
      };
    });
  }
}
