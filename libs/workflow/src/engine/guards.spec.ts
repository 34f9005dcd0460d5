import type { ApplicationSnapshot, GuardContext } from './context';
import { GUARD_NAMES, GUARDS, isGuardName, runGuard, type GuardName } from './guards';
import { at, DAY, FAIL, NOW, PASSING } from '../__tests__/fixtures';

const app = (fields: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot => ({ status: 'x', workflowVersion: 1, ...fields });
const ctx = (fields: Omit<GuardContext, 'now'> = {}, now: Date = NOW): GuardContext => ({ ...fields, now });
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('guard registry', () => {
  it('lists exactly the guards the definitions may name', () => {
    expect([...GUARD_NAMES].sort()).toEqual(
      [
        'afterAnnouncement',
        'afterRoundDeadline',
        'advanceAboveFixedAmount',
        'afterRoundOpens',
        'allReviewsSubmitted',
        'amountComputed',
        'beforeCorrectionDeadline',
        'beforeRoundCloses',
        'correctionDeadlinePassed',
        'formalCheckPassed',
        'nothingPaidInAdvance',
        'paidByBatch',
        'paidInAdvance',
        'previousRecipient',
        'quoteEligible',
        'reconsiderationTargetChosen',
        'repaymentComputed',
        'slotAvailable',
        'withinBudget',
      ].sort(),
    );
    expect(isGuardName('slotAvailable')).toBe(true);
    expect(isGuardName('toString')).toBe(false);
  });

  it('refuses an unknown guard name instead of throwing', () => {
    expect(runGuard('noSuchGuard', app(), ctx())).toEqual({ code: 'UNKNOWN_GUARD', message: expect.stringContaining('noSuchGuard') });
  });
});

describe.each(GUARD_NAMES.map((name) => [name] as [GuardName]))('guard %s', (name) => {
  it('passes on its passing input', () => {
    const { app: a, ctx: c } = PASSING[name];
    expect(GUARDS[name](app(a), ctx(c))).toBe(true);
  });

  it('fails on its failing input with a stable code and a Japanese message', () => {
    const { app: a, ctx: c, code } = FAIL[name];
    const result = GUARDS[name](app(a), ctx(c));
    expect(result).toEqual({ code, message: expect.stringMatching(JAPANESE) });
  });

  it('fails closed when its input is missing', () => {
    const result = GUARDS[name](app(), ctx());
    expect(result).not.toBe(true);
  });
});

describe('time guards', () => {
  const closesAt = new Date('2024-03-01T09:00:00Z'); // 18:00 JST
  it.each([
    ['one millisecond before the deadline is on time', -1, 0, true],
    ['the deadline instant itself is too late', 0, 0, false],
    ['a grace period extends the deadline', 5 * 60_000, 10, true],
    ['the end of the grace period is too late', 10 * 60_000, 10, false],
    ['a negative grace is ignored', -1, -30, true],
  ])('beforeRoundCloses: %s', (_name, offsetMs, graceMinutes, expected) => {
    const result = GUARDS.beforeRoundCloses(app(), ctx({ round: { closesAt, graceMinutes } }, new Date(closesAt.getTime() + offsetMs)));
    expect(result === true).toBe(expected);
  });

  it('beforeRoundCloses names the deadline in Japan time', () => {
    const result = GUARDS.beforeRoundCloses(app(), ctx({ round: { closesAt } }, closesAt));
    expect(result).toEqual({ code: 'ROUND_CLOSED', message: '応募締切（2024年3月1日(金) 18:00:00）を過ぎているため、申請を受け付けられません。' });
  });

  it('afterRoundOpens accepts the opening instant itself', () => {
    expect(GUARDS.afterRoundOpens(app(), ctx({ round: { opensAt: NOW } }))).toBe(true);
  });

  it("the application's own correction deadline overrides the round's", () => {
    const a = app({ correctionDueAt: at(DAY) });
    const c = ctx({ round: { correctionDueAt: at(-DAY) } });
    expect(GUARDS.beforeCorrectionDeadline(a, c)).toBe(true);
    expect(GUARDS.correctionDeadlinePassed(a, c)).toMatchObject({ code: 'CORRECTION_DEADLINE_NOT_PASSED' });
  });

  it("the round's correction deadline applies when the application has none", () => {
    const c = ctx({ round: { correctionDueAt: at(-DAY) } });
    expect(GUARDS.beforeCorrectionDeadline(app(), c)).toMatchObject({ code: 'CORRECTION_DEADLINE_PASSED' });
    expect(GUARDS.correctionDeadlinePassed(app(), c)).toBe(true);
  });

  it('a missing deadline is reported as missing context', () => {
    expect(GUARDS.beforeRoundCloses(app(), ctx({ round: {} }))).toEqual({
      code: 'CONTEXT_MISSING',
      message: '応募締切日時が設定されていないため、この操作を判定できません。',
    });
  });
});

describe('data guards', () => {
  it('allReviewsSubmitted refuses when no reviewer was assigned', () => {
    expect(GUARDS.allReviewsSubmitted(app({ reviews: { assigned: 0, submitted: 0 } }))).toMatchObject({ code: 'NO_REVIEWERS_ASSIGNED' });
  });

  it('allReviewsSubmitted says how many reviews are pending', () => {
    expect(GUARDS.allReviewsSubmitted(app({ reviews: { assigned: 3, submitted: 1 } }))).toEqual({
      code: 'REVIEWS_PENDING',
      message: '未提出の審査が2件あります（1/3件提出済）。',
    });
  });

  it('quoteEligible lists the reasons from the quote', () => {
    expect(GUARDS.quoteEligible(app({ quote: { eligible: false, reasons: ['補助下限額未満', '売上高減少要件'] } }))).toEqual({
      code: 'QUOTE_NOT_ELIGIBLE',
      message: '申請内容が補助対象の要件を満たしていません：補助下限額未満、売上高減少要件。',
    });
  });

  it('formalCheckPassed distinguishes a check not done from a check failed', () => {
    expect(GUARDS.formalCheckPassed(app())).toMatchObject({ code: 'FORMAL_CHECK_NOT_DONE' });
    expect(GUARDS.formalCheckPassed(app({ formalCheck: { passed: false } }))).toMatchObject({ code: 'FORMAL_CHECK_FAILED' });
  });

  it('formalCheckPassed does not count a 適 the check no longer has completed (reopened by a 再提出)', () => {
    expect(GUARDS.formalCheckPassed(app({ formalCheck: { passed: true, completed: false } }))).toMatchObject({ code: 'FORMAL_CHECK_NOT_DONE' });
    expect(GUARDS.formalCheckPassed(app({ formalCheck: { passed: true, completed: true } }))).toBe(true);
  });

  it('slotAvailable refuses when the slots are over-used', () => {
    expect(GUARDS.slotAvailable(app(), ctx({ slots: { capacity: 2, used: 3 } }))).toMatchObject({ code: 'NO_SLOT_AVAILABLE' });
  });

  it('previousRecipient requires an explicit true', () => {
    expect(GUARDS.previousRecipient(app())).toMatchObject({ code: 'NOT_PREVIOUS_RECIPIENT' });
  });
});

describe('single-採択 guards (overridable by a reason)', () => {
  const closesAt = new Date('2024-03-01T09:00:00Z'); // 18:00 JST
  const budgetCtx = (budget: number | null, adoptedAmount: number, amount: number) => ctx({ adoption: { byDecision: false, budget, adoptedAmount, amount } });

  it.each([
    ['before the deadline the round still takes applications', -1, 0, false],
    ['the deadline instant itself has passed it', 0, 0, true],
    ['within the grace minutes the round still takes applications', 5 * 60_000, 10, false],
    ['the end of the grace minutes has passed it', 10 * 60_000, 10, true],
  ])('afterRoundDeadline: %s', (_name, offsetMs, graceMinutes, expected) => {
    const result = GUARDS.afterRoundDeadline(app(), ctx({ round: { closesAt, graceMinutes } }, new Date(closesAt.getTime() + offsetMs)));
    expect(result === true).toBe(expected);
  });

  it('afterRoundDeadline names the deadline in Japan time, and holds for a committed decision too', () => {
    expect(GUARDS.afterRoundDeadline(app(), ctx({ round: { closesAt } }, new Date(closesAt.getTime() - 1)))).toEqual({
      code: 'ROUND_STILL_OPEN',
      message: '公募回はまだ受付中です（応募締切 2024年3月1日(金) 18:00:00）。締切前に採択することはできません。',
    });
    expect(GUARDS.afterRoundDeadline(app(), ctx({ round: { closesAt }, adoption: { byDecision: true } }, new Date(closesAt.getTime() - 1)))).toMatchObject({
      code: 'ROUND_STILL_OPEN',
    });
    expect(GUARDS.afterRoundDeadline(app(), ctx({ round: { closesAt }, adoption: { byDecision: true } }, closesAt))).toBe(true);
  });

  it.each([
    ['exactly the budget is within it', 50_000_000, 30_000_000, 20_000_000, true],
    ['one yen over is beyond it', 50_000_000, 30_000_001, 20_000_000, false],
    ['no budget set: no limit', null, 900_000_000, 20_000_000, true],
  ])('withinBudget: %s', (_name, budget, adopted, amount, expected) => {
    expect(GUARDS.withinBudget(app(), budgetCtx(budget, adopted, amount)) === true).toBe(expected);
  });

  it('withinBudget says budget, adopted, this amount and the excess; a committed decision passes', () => {
    expect(GUARDS.withinBudget(app(), budgetCtx(50_000_000, 40_000_000, 20_000_000))).toEqual({
      code: 'OVER_BUDGET',
      message: '採択すると類型の予算を超えます（予算 50,000,000円、採択済 40,000,000円、この申請 20,000,000円、超過 10,000,000円）。',
    });
    expect(GUARDS.withinBudget(app(), ctx({ adoption: { byDecision: true } }))).toBe(true);
  });
});

describe('advanceAboveFixedAmount', () => {
  it.each([
    ['the 概算払 paid 1円 more than the 確定額', 5_999_999, 6_000_000, true],
    ['it paid the whole 確定額, no more', 6_000_000, 6_000_000, false],
    ['it paid less than the 確定額', 6_000_001, 6_000_000, false],
    ['nothing was paid in advance', 0, 0, false],
  ])('%s', (_name, fixedAmount, advancePaid, expected) => {
    expect(GUARDS.advanceAboveFixedAmount(app(), ctx({ settlement: { fixedAmount, advancePaid } })) === true).toBe(expected);
  });

  it('holds only with the 精算 the API computed at the 額の確定', () => {
    expect(GUARDS.advanceAboveFixedAmount(app(), ctx({}))).toMatchObject({ code: 'NO_ADVANCE_EXCESS' });
  });
});

describe('nothingPaidInAdvance', () => {
  it('lets a 事業廃止 be approved while no 概算払 was paid', () => {
    expect(GUARDS.nothingPaidInAdvance(app({ advancePaid: 0 }))).toBe(true);
  });

  it('refuses it once a 概算払 was paid, naming the amount and the 交付決定取消 that claims it back', () => {
    expect(GUARDS.nothingPaidInAdvance(app({ advancePaid: 7_500_000 }))).toEqual({
      code: 'PAID_IN_ADVANCE',
      message:
        '概算払で 7,500,000円 を支払済みのため、事業廃止の承認だけでは終えられません。「交付・確定」タブの「交付決定取消」で、支払済みの額の返還を求めてください。',
    });
  });

  it('refuses when what was paid in advance was not read', () => {
    expect(GUARDS.nothingPaidInAdvance(app())).toMatchObject({ code: 'CONTEXT_MISSING' });
  });
});

describe('paidInAdvance', () => {
  it.each([
    ['the 概算払 paid the whole 確定額', 6_000_000, 6_000_000, true],
    ['1円 is left to pay by a batch', 6_000_001, 6_000_000, false],
    ['the 概算払 paid more than the 確定額 (a 返還, not a 精算)', 5_999_999, 6_000_000, false],
    ['nothing was paid in advance and nothing is fixed', 0, 0, false],
  ])('%s', (_name, fixedAmount, advancePaid, expected) => {
    expect(GUARDS.paidInAdvance(app(), ctx({ settlement: { fixedAmount, advancePaid } })) === true).toBe(expected);
  });
});
