import { getWorkflow, stateHasTag, statesTagged, type ApplicationSnapshot, type TransitionDefinition, type WorkflowContext } from '@jimukyoku/workflow';
import type { Transaction } from '../../database';
import type { RoundCategory } from '../rounds/round-category.entity';
import type { Round } from '../rounds/round.entity';
import type { HeldDecision } from '../notifications/held-decisions.repository';
import type { Application, FormalCheckOutcome } from './application.entity';
import type { ApplicationsRepository } from './applications.repository';

/** What a guard ahead of an application reads besides its row: the 書面審査's progress, what is adopted so far. */
export interface GuardReads {
  reviews: { assigned: number; submitted: number } | null;
  /** applications of the round × category holding a 採択 slot, and their quoted amounts (yen) */
  usage: { count: number; amount: number };
  /** the decision not yet announced (null: none), read for every transition but a bulk decision's (undefined: not read) */
  heldDecision?: HeldDecision | null;
  /** what the 概算払 paid so far (yen), read when a guard ahead needs it (undefined: not read) */
  advancePaid?: number;
}

/** The guards that count a round × category's 採択 slots and 予算 (GuardReads.usage). */
const SLOT_GUARDS: ReadonlySet<string> = new Set(['slotAvailable', 'withinBudget']);

/** The transition counts the 採択 slots or 予算 (a 採択, a 繰上げ): it is fired under ADOPTION_SLOTS_LOCK. */
export function countsAdoptionSlots(transition: Pick<TransitionDefinition, 'guards' | 'overridableGuards'> | undefined): boolean {
  return [...(transition?.guards ?? []), ...(transition?.overridableGuards ?? [])].some((g) => SLOT_GUARDS.has(g));
}

/**
 * Which reads the guards of the transitions out of the application's state need (only those are made):
 * the 書面審査's progress (allReviewsSubmitted), what is adopted so far (a slot, or the 予算 outside a decision),
 * what the 概算払 paid (nothingPaidInAdvance).
 */
export function readsAhead(app: Application, offered: RoundCategory | null, byDecision: boolean): { reviews: boolean; usage: boolean; advance: boolean } {
  const definition = getWorkflow(app.workflowCode, app.workflowVersion);
  const ahead = new Set(
    definition.transitions.filter((t) => t.from.includes(app.status)).flatMap((t) => [...(t.guards ?? []), ...(t.overridableGuards ?? [])]),
  );
  const quota = offered?.adoptionQuota ?? null;
  const budget = offered?.budget ?? null;
  return {
    reviews: ahead.has('allReviewsSubmitted'),
    usage: (ahead.has('slotAvailable') && quota !== null) || (ahead.has('withinBudget') && budget !== null && !byDecision),
    advance: ahead.has('nothingPaidInAdvance'),
  };
}

/** What the workflow engine reads about one application: its snapshot and the round's context. */
export async function workflowInputs(
  repo: ApplicationsRepository,
  app: Application,
  tx: Transaction | undefined,
  /** rows the caller already read in this transaction (intake; a new application holds no decision), not read again */
  known: { round?: Round; offered?: RoundCategory | null; heldDecision?: HeldDecision | null } = {},
  /** a 採択 that carries out a committed adoption decision (AdoptionService.commit) */
  byDecision = false,
): Promise<{ snapshot: ApplicationSnapshot; context: WorkflowContext; round: Round }> {
  const round = known.round ?? (await repo.roundOf(app.roundId, tx));
  const offered = known.offered !== undefined ? known.offered : await repo.offeredOf(app.roundId, app.categoryId, tx);
  // one after the other, over the transaction's connection
  const needs = readsAhead(app, offered, byDecision);
  const reviews = needs.reviews ? await repo.reviewProgress(app.id, tx) : null;
  const usage = needs.usage ? await repo.adoptedUsage(app.roundId, app.categoryId, statesTagged('holdsSlot'), tx) : { count: 0, amount: 0 };
  // a decision not yet announced: nothing may follow it but another held in its place (libs/workflow announcement.ts)
  const heldDecision = known.heldDecision !== undefined ? known.heldDecision : await repo.heldDecisionOf(app.id, tx);
  const advancePaid = needs.advance ? await repo.advancePaid(app.id, tx) : undefined;
  return { round, ...workflowInputsOf(app, round, offered, { reviews, usage, heldDecision, advancePaid }, byDecision) };
}

/** The snapshot and context of one application from what was read for it (workflowInputs, or a bulk change reading once for many). */
export function workflowInputsOf(
  app: Application,
  round: Round,
  offered: RoundCategory | null,
  { reviews, usage, heldDecision, advancePaid }: GuardReads,
  byDecision: boolean,
): { snapshot: ApplicationSnapshot; context: WorkflowContext } {
  const quota = offered?.adoptionQuota ?? null;
  const budget = offered?.budget ?? null;
  const quote = app.quote as { eligible?: boolean; ineligibility?: { message: string }[] } | null;
  return {
    snapshot: {
      status: app.status,
      workflowCode: app.workflowCode,
      workflowVersion: app.workflowVersion,
      correctionDueAt: app.correctionDueAt,
      quote: quote ? { eligible: quote.eligible === true, reasons: quote.ineligibility?.map((i) => i.message) } : null,
      formalCheck: app.formalCheck && { ...app.formalCheck, failedItems: failedItemLabels(app.formalCheck) },
      reviews,
      // 事業復活支援金: an earlier 一時支援金/月次支援金 recipient may skip the 事前確認 (waivePreCheck)
      previousRecipient: app.previousRecipient,
      ...(heldDecision !== undefined
        ? {
            heldDecision: heldDecision && {
              announcementAt: heldDecision.announcementAt,
              closedUncorrected: stateHasTag(getWorkflow(app.workflowCode, app.workflowVersion), heldDecision.statusBefore, 'returnedToApplicant'),
            },
          }
        : {}),
      ...(advancePaid !== undefined ? { advancePaid } : {}),
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

/** The 不適 items of a stored 要件確認 by their labels (添付書類「事業計画書」), not their codes (document.businessPlan). */
function failedItemLabels(check: FormalCheckOutcome): string[] | undefined {
  const labels = new Map((check.items ?? []).map((r) => [r.code, r.label]));
  return check.failedItems?.map((code) => labels.get(code) ?? code);
}
