import { getWorkflow, statesTagged, type ApplicationSnapshot, type WorkflowContext } from '@jimukyoku/workflow';
import type { Transaction } from '../../database';
import type { RoundCategory } from '../rounds/round-category.entity';
import type { Round } from '../rounds/round.entity';
import type { Application } from './application.entity';
import type { ApplicationsRepository } from './applications.repository';

/** What the workflow engine reads about one application: its snapshot and the round's context. */
export async function workflowInputs(
  repo: ApplicationsRepository,
  app: Application,
  tx: Transaction | undefined,
  /** rows the caller already read in this transaction (intake), not read again */
  known: { round?: Round; offered?: RoundCategory | null } = {},
  /** a 採択 that carries out a committed adoption decision (AdoptionService.commit) */
  byDecision = false,
): Promise<{ snapshot: ApplicationSnapshot; context: WorkflowContext; round: Round }> {
  const round = known.round ?? (await repo.roundOf(app.roundId, tx));
  const offered = known.offered !== undefined ? known.offered : await repo.offeredOf(app.roundId, app.categoryId, tx);
  const quota = offered?.adoptionQuota ?? null;
  const budget = offered?.budget ?? null;
  // what a guard reads is read only when a transition out of this state has that guard: the 書面審査's
  // progress, what is adopted so far (a slot or the 予算); one after the other, over the transaction's connection
  const definition = getWorkflow(app.workflowCode, app.workflowVersion);
  const ahead = new Set(
    definition.transitions.filter((t) => t.from.includes(app.status)).flatMap((t) => [...(t.guards ?? []), ...(t.overridableGuards ?? [])]),
  );
  const reviews = ahead.has('allReviewsSubmitted') ? await repo.reviewProgress(app.id, tx) : null;
  const usage =
    (ahead.has('slotAvailable') && quota !== null) || (ahead.has('withinBudget') && budget !== null && !byDecision)
      ? await repo.adoptedUsage(app.roundId, app.categoryId, statesTagged('holdsSlot'), tx)
      : { count: 0, amount: 0 };
  const quote = app.quote as { eligible?: boolean; ineligibility?: { message: string }[] } | null;
  return {
    round,
    snapshot: {
      status: app.status,
      workflowCode: app.workflowCode,
      workflowVersion: app.workflowVersion,
      correctionDueAt: app.correctionDueAt,
      quote: quote ? { eligible: quote.eligible === true, reasons: quote.ineligibility?.map((i) => i.message) } : null,
      formalCheck: app.formalCheck,
      reviews,
      // 事業復活支援金: an earlier 一時支援金/月次支援金 recipient may skip the 事前確認 (waivePreCheck)
      previousRecipient: app.previousRecipient,
    },
    context: {
      round: {
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        graceMinutes: round.graceMinutes,
        announcementAt: round.announcementFrom,
      },
      // no quota set: slots are not limited by count (the budget decides, in the adoption simulator)
      slots: { capacity: quota ?? Number.MAX_SAFE_INTEGER, used: usage.count },
      adoption: byDecision ? { byDecision: true } : { byDecision: false, budget, adoptedAmount: usage.amount, amount: Number(app.quotedAmount ?? 0) },
    },
  };
}
