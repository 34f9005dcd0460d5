import { DAY_MS, roundDeadline } from '@jimukyoku/domain';
import { getWorkflow, stateCodesTagged, statesOfKind, workflowStateKey, workflowStatesTagged, type StateTone } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { RequestMeta } from '../../common/request-meta';
import { UnitOfWork } from '../../database';
import { reviewOverdueReminder, REVIEW_OVERDUE_TEMPLATE } from '../assignments/review-reminder';
import { AuditService } from '../audit/audit.service';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { PipelineError } from './pipeline.errors';
import { PipelineRepository, type PipelineGroupRow, type PipelineIntakeDay } from './pipeline.repository';

const JST_MS = 9 * 3_600_000;
/** a second 催促 within this long does not mail the same assignment again */
const REMIND_AGAIN_AFTER_MS = 3_600_000;
/** at most this many days of the intake chart (a round open longer shows its last ones) */
const MAX_INTAKE_DAYS = 120;

export interface RoundPipeline {
  roundId: string;
  roundName: string;
  programName: string;
  opensAt: Date;
  closesAt: Date;
  /** the 締切 as enforced: closesAt plus the round's grace (libs/domain roundDeadline) */
  deadline: Date;
  announcementFrom: Date | null;
  total: number;
  /** whether the round's workflow decides by 採択 (subsidies) — a benefit has no adoption, no simulator */
  hasAdoption: boolean;
  /** every state of the round's workflow that holds applications, in the workflow's order, with its label and display tone */
  states: { code: string; label: string; tone: StateTone; count: number }[];
  categories: { categoryId: string; categoryName: string; applied: number; budget: number | null; adopted: number; adoptedAmount: number }[];
  /** the round's workflow states that hold a 採択 slot (tag holdsSlot): what `adopted` counts, for the list link */
  holdsSlotStates: string[];
  review: { formalChecksOpen: number; sheetsSubmitted: number; sheetsOpen: number; sheetsOverdue: number };
  /** 受付 per JST day from the round's opening day to its deadline's day, days without any included (0) */
  intake: { day: string; count: number }[];
  /** review progress per reviewer: assigned, submitted, overdue, the earliest open due date */
  reviewers: { reviewerId: string; name: string; assigned: number; submitted: number; overdue: number; nextDueAt: Date | null }[];
}

/** `YYYY-MM-DD` of an instant in Asia/Tokyo. */
const jstDay = (t: Date) => new Date(t.getTime() + JST_MS).toISOString().slice(0, 10);

/** Every JST day from `from` to `to` (inclusive) with its count, the last MAX_INTAKE_DAYS at most. */
function intakeSeries(from: Date, to: Date, rows: PipelineIntakeDay[]): { day: string; count: number }[] {
  const n = new Map(rows.map((r) => [r.day, r.n] as const));
  const first = Date.parse(`${jstDay(from)}T00:00:00Z`);
  const last = Date.parse(`${jstDay(to)}T00:00:00Z`);
  const days: { day: string; count: number }[] = [];
  for (let t = Math.max(first, last - (MAX_INTAKE_DAYS - 1) * DAY_MS); t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, count: n.get(day) ?? 0 });
  }
  return days;
}

/** Applications per round and state, summed over 類型 and workflow versions. */
function stateCounts(groups: PipelineGroupRow[]): { roundId: string; status: string; n: number }[] {
  const sums = new Map<string, { roundId: string; status: string; n: number }>();
  for (const g of groups) {
    const key = `${g.roundId}\u0000${g.status}`;
    const sum = sums.get(key) ?? sums.set(key, { roundId: g.roundId, status: g.status, n: 0 }).get(key)!;
    sum.n += g.n;
  }
  return [...sums.values()];
}

/**
 * Per round × 類型 (those with applications, in the order of their names): filed (past its workflow's
 * initial state), adopted (in a state holding a 採択 slot: holdsSlot, per workflow version, so IT導入's
 * 交付申請 does not count where the subsidy's does) and the adopted 申請額, with the round's 予算.
 */
function categoryFigures(
  groups: PipelineGroupRow[],
  names: { id: string; name: string }[],
  budgets: { roundId: string; categoryId: string; budget: string | null }[],
): (RoundPipeline['categories'][number] & { roundId: string })[] {
  const initial = new Set(statesOfKind('initial'));
  const holdsSlot = new Set(workflowStatesTagged('holdsSlot'));
  const budget = new Map<string, string | null>(budgets.map((b) => [`${b.roundId}\u0000${b.categoryId}`, b.budget]));
  const rank = new Map(names.map((c, i) => [c.id, i] as const));
  const figures = new Map<string, RoundPipeline['categories'][number] & { roundId: string }>();
  for (const g of groups) {
    const key = `${g.roundId}\u0000${g.categoryId}`;
    let f = figures.get(key);
    if (!f) {
      const b = budget.get(key);
      f = {
        roundId: g.roundId,
        categoryId: g.categoryId,
        categoryName: names[rank.get(g.categoryId)!]?.name ?? '',
        applied: 0,
        budget: b == null ? null : Number(b),
        adopted: 0,
        adoptedAmount: 0,
      };
      figures.set(key, f);
    }
    if (!initial.has(g.status)) f.applied += g.n;
    if (holdsSlot.has(workflowStateKey(g.workflowCode, g.workflowVersion, g.status))) {
      f.adopted += g.n;
      f.adoptedAmount += Number(g.amount);
    }
  }
  return [...figures.values()].sort((a, b) => (rank.get(a.categoryId) ?? 0) - (rank.get(b.categoryId) ?? 0));
}

/**
 * Where each round stands, for the managers' dashboard: applications per state (labelled by the round's
 * workflow), per category the budget against what is adopted, and the review's progress. Three
 * grouped reads (PipelineRepository) over every round that has applications, newest deadline first.
 */
@Injectable()
export class PipelineService {
  constructor(
    private readonly repo: PipelineRepository,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async rounds(): Promise<RoundPipeline[]> {
    const [rounds, groups, names, budgets, { review, reviewers }, intake] = await Promise.all([
      this.repo.rounds(),
      this.repo.groups(),
      this.repo.categoryNames(),
      this.repo.budgets(),
      this.repo.assignmentProgress(),
      this.repo.intakeDays(),
    ]);
    const counts = stateCounts(groups);
    const categories = categoryFigures(groups, names, budgets);
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
        deadline: roundDeadline({ closesAt: r.closesAt, graceMinutes: r.graceMinutes }),
        announcementFrom: r.announcementFrom,
        total: [...n.values()].reduce((a, b) => a + b, 0),
        hasAdoption: workflow.transitions.some((t) => t.name === 'adopt'),
        states: workflow.states.filter((s) => n.has(s.code)).map((s) => ({ code: s.code, label: s.label, tone: s.tone, count: n.get(s.code)! })),
        categories: mine(categories).map(({ roundId: _, ...c }) => c),
        holdsSlotStates: stateCodesTagged(workflow, 'holdsSlot'),
        review: {
          formalChecksOpen: rv?.formalChecksOpen ?? 0,
          sheetsSubmitted: rv?.sheetsSubmitted ?? 0,
          sheetsOpen: rv?.sheetsOpen ?? 0,
          sheetsOverdue: rv?.sheetsOverdue ?? 0,
        },
        intake: intakeSeries(r.opensAt, roundDeadline({ closesAt: r.closesAt, graceMinutes: r.graceMinutes }), mine(intake)),
        reviewers: mine(reviewers).map((x) => ({
          reviewerId: x.reviewerId,
          name: x.name,
          assigned: x.assigned,
          submitted: x.submitted,
          overdue: x.overdue,
          nextDueAt: x.nextDueAt,
        })),
      };
    });
  }

  /**
   * 催促: queues the reviewOverdue mail (審査期限を過ぎています; not the scheduler's reviewReminder, which says the
   * 審査期限 is near) for each of one reviewer's overdue review assignments in a round (only past-due ones are
   * selected), audited in the same transaction. An assignment reminded within the last hour is
   * left out; with nothing left, 409 NOTHING_TO_REMIND and nothing is written.
   */
  async remindReviewer(roundId: string, reviewerId: string, actor: AuthenticatedUser, meta: RequestMeta) {
    if (!isUuid(roundId)) throw new PipelineError('ROUND_NOT_FOUND');
    if (!isUuid(reviewerId)) throw new PipelineError('REVIEWER_NOT_FOUND');
    return this.uow.run(async (tx) => {
      if (!(await this.repo.roundExists(roundId, tx))) throw new PipelineError('ROUND_NOT_FOUND');
      if (!(await this.repo.activeReviewer(reviewerId, tx))) throw new PipelineError('REVIEWER_NOT_FOUND');
      const due = await this.repo.overdueAssignments(roundId, reviewerId, REVIEW_OVERDUE_TEMPLATE, new Date(Date.now() - REMIND_AGAIN_AFTER_MS), tx);
      if (due.length === 0) throw new PipelineError('NOTHING_TO_REMIND');
      const notificationIds = await this.notifications.insertPending(due.map(reviewOverdueReminder), tx);
      const assignmentIds = due.map((a) => a.assignmentId);
      await this.audit.record(
        { actor, action: 'review.remindOverdue', entityType: 'staffUser', entityId: reviewerId, changes: { roundId, assignmentIds, notificationIds }, ...meta },
        tx,
      );
      return { reviewerId, roundId, queued: due.length, assignmentIds, notificationIds };
    });
  }
}
