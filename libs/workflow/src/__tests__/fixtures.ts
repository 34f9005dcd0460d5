// Test fixtures shared by the specs: a fixed instant, and for every guard an input that makes it
// pass and one that makes it fail, so tables can be generated from the definitions themselves.
import type { ApplicationSnapshot, WorkflowContext } from '../engine/context';
import type { WorkflowDefinition } from '../engine/definition';
import type { GuardName } from '../engine/guards';

/** 2024-03-01 09:00 JST */
export const NOW = new Date('2024-03-01T00:00:00Z');
export const DAY = 24 * 60 * 60 * 1000;
export const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);

export interface Scenario {
  app: Omit<ApplicationSnapshot, 'status' | 'workflowVersion'>;
  ctx: WorkflowContext;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Inputs under which each guard passes at NOW. */
const PASS: Record<GuardName, Scenario> = {
  afterRoundOpens: { app: {}, ctx: { round: { opensAt: at(-10 * DAY) } } },
  beforeRoundCloses: { app: {}, ctx: { round: { closesAt: at(DAY) } } },
  beforeCorrectionDeadline: { app: { correctionDueAt: at(DAY) }, ctx: {} },
  correctionDeadlinePassed: { app: { correctionDueAt: at(-DAY) }, ctx: {} },
  allReviewsSubmitted: { app: { reviews: { assigned: 3, submitted: 3 } }, ctx: {} },
  quoteEligible: { app: { quote: { eligible: true } }, ctx: {} },
  formalCheckPassed: { app: { formalCheck: { passed: true } }, ctx: {} },
  slotAvailable: { app: {}, ctx: { slots: { capacity: 10, used: 9 } } },
  afterRoundDeadline: { app: {}, ctx: { round: { closesAt: at(-DAY) } } },
  withinBudget: { app: {}, ctx: { adoption: { byDecision: false, budget: 1_000_000, adoptedAmount: 600_000, amount: 400_000 } } },
  afterAnnouncement: { app: {}, ctx: { round: { announcementAt: at(-DAY) } } },
  previousRecipient: { app: { previousRecipient: true }, ctx: {} },
  reconsiderationTargetChosen: { app: {}, ctx: { reconsideration: { toCategory: 'restructuring.standard' } } },
  amountComputed: { app: {}, ctx: { amount: { computed: 1_500_000 } } },
  paidByBatch: { app: {}, ctx: { payment: { batchId: '5f0c0e2e-2d7b-4d0e-9a53-1f3b0c8f2a11' } } },
  paidInAdvance: { app: {}, ctx: { settlement: { fixedAmount: 6_000_000, advancePaid: 6_000_000 } } },
  advanceAboveFixedAmount: { app: {}, ctx: { settlement: { fixedAmount: 5_999_999, advancePaid: 6_000_000 } } },
  nothingPaidInAdvance: { app: { advancePaid: 0 }, ctx: {} },
  repaymentComputed: { app: {}, ctx: { amount: { computed: 1_500_000 } } },
};

/** Inputs under which each guard fails at NOW, with the failure code expected. */
export const FAIL: Record<GuardName, Scenario & { code: string }> = {
  afterRoundOpens: { app: {}, ctx: { round: { opensAt: at(DAY) } }, code: 'ROUND_NOT_OPEN' },
  beforeRoundCloses: { app: {}, ctx: { round: { closesAt: at(-1) } }, code: 'ROUND_CLOSED' },
  beforeCorrectionDeadline: { app: { correctionDueAt: at(-1) }, ctx: {}, code: 'CORRECTION_DEADLINE_PASSED' },
  correctionDeadlinePassed: { app: { correctionDueAt: at(1) }, ctx: {}, code: 'CORRECTION_DEADLINE_NOT_PASSED' },
  allReviewsSubmitted: { app: { reviews: { assigned: 3, submitted: 2 } }, ctx: {}, code: 'REVIEWS_PENDING' },
  quoteEligible: { app: { quote: { eligible: false, reasons: ['補助上限額を超えています'] } }, ctx: {}, code: 'QUOTE_NOT_ELIGIBLE' },
  formalCheckPassed: { app: { formalCheck: { passed: false, failedItems: ['事業計画書'] } }, ctx: {}, code: 'FORMAL_CHECK_FAILED' },
  slotAvailable: { app: {}, ctx: { slots: { capacity: 10, used: 10 } }, code: 'NO_SLOT_AVAILABLE' },
  afterRoundDeadline: { app: {}, ctx: { round: { closesAt: at(1) } }, code: 'ROUND_STILL_OPEN' },
  withinBudget: { app: {}, ctx: { adoption: { byDecision: false, budget: 1_000_000, adoptedAmount: 600_001, amount: 400_000 } }, code: 'OVER_BUDGET' },
  afterAnnouncement: { app: {}, ctx: { round: { announcementAt: at(1) } }, code: 'NOT_YET_ANNOUNCED' },
  previousRecipient: { app: { previousRecipient: false }, ctx: {}, code: 'NOT_PREVIOUS_RECIPIENT' },
  reconsiderationTargetChosen: { app: {}, ctx: { reconsideration: null }, code: 'RECONSIDERATION_TARGET_MISSING' },
  amountComputed: { app: {}, ctx: { amount: null }, code: 'AMOUNT_NOT_COMPUTED' },
  paidByBatch: { app: {}, ctx: { payment: null }, code: 'PAYMENT_NOT_BY_BATCH' },
  paidInAdvance: { app: {}, ctx: { settlement: { fixedAmount: 6_000_001, advancePaid: 6_000_000 } }, code: 'PAYMENT_LEFT' },
  advanceAboveFixedAmount: { app: {}, ctx: { settlement: { fixedAmount: 6_000_000, advancePaid: 6_000_000 } }, code: 'NO_ADVANCE_EXCESS' },
  nothingPaidInAdvance: { app: { advancePaid: 1 }, ctx: {}, code: 'PAID_IN_ADVANCE' },
  repaymentComputed: { app: {}, ctx: { amount: null }, code: 'REPAYMENT_NOT_COMPUTED' },
};

function merge(parts: readonly Scenario[]): Scenario {
  const app: Mutable<Scenario['app']> = {};
  const ctx: Mutable<WorkflowContext> = {};
  for (const p of parts) {
    Object.assign(app, p.app);
    if (p.ctx.round) ctx.round = { ...ctx.round, ...p.ctx.round };
    if (p.ctx.slots) ctx.slots = p.ctx.slots;
    if (p.ctx.adoption) ctx.adoption = p.ctx.adoption;
    if (p.ctx.reconsideration !== undefined) ctx.reconsideration = p.ctx.reconsideration;
    if (p.ctx.amount !== undefined) ctx.amount = p.ctx.amount;
    if (p.ctx.payment !== undefined) ctx.payment = p.ctx.payment;
    if (p.ctx.settlement !== undefined) ctx.settlement = p.ctx.settlement;
  }
  return { app, ctx };
}

/** An application and context under which all of `guards` pass at NOW. */
export function satisfying(guards: readonly GuardName[] = []): Scenario {
  return merge(guards.map((g) => PASS[g]));
}

/** Like satisfying(guards), except that `failing` fails. */
export function satisfyingExcept(guards: readonly GuardName[], failing: GuardName): Scenario {
  return merge([...guards.map((g) => PASS[g]), FAIL[failing]]);
}

export const PASSING = PASS;

export function snapshot(definition: WorkflowDefinition, status: string, scenario: Scenario = satisfying()): ApplicationSnapshot {
  return { ...scenario.app, status, workflowVersion: definition.version, workflowCode: definition.code };
}
