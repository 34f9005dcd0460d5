// Named guards: pure predicates over the application snapshot and the context. A definition refers
// to them by name so it stays readable data; the validator rejects names not in this registry.
// Each returns true, or a refusal with a stable code and a Japanese message a person can act on.
import { advanceExcess, afterStatedSecond, formatYen, isBeforeRoundDeadline, paidInFullInAdvance, roundDeadline } from '@jimukyoku/domain';
import type { ApplicationSnapshot, GuardContext } from './context';
import { formatJst, isValidDate } from './time';

export interface GuardFailure {
  readonly code: string;
  readonly message: string;
}
export type GuardResult = true | GuardFailure;
export type Guard = (application: ApplicationSnapshot, context: GuardContext) => GuardResult;

const fail = (code: string, message: string): GuardFailure => ({ code, message });

const missing = (what: string): GuardFailure => fail('CONTEXT_MISSING', `${what}が設定されていないため、この操作を判定できません。`);

/** The deadline a returned application must be corrected by: its own, else the round's. */
function correctionDeadline(application: ApplicationSnapshot, context: GuardContext): Date | undefined {
  const own = application.correctionDueAt;
  if (isValidDate(own)) return own;
  const round = context.round?.correctionDueAt;
  return isValidDate(round) ? round : undefined;
}

export const GUARDS = {
  /** 公募開始 has come: opensAt <= now. */
  afterRoundOpens: (_app, ctx) => {
    const opensAt = ctx.round?.opensAt;
    if (!isValidDate(opensAt)) return missing('公募開始日時');
    return ctx.now.getTime() >= opensAt.getTime() ? true : fail('ROUND_NOT_OPEN', `公募開始（${formatJst(opensAt)}）前のため、申請を受け付けられません。`);
  },

  /** Before 応募締切: now < closesAt + graceMinutes (roundDeadline in libs/domain). The deadline instant itself is already too late. */
  beforeRoundCloses: (_app, ctx) => {
    const closesAt = ctx.round?.closesAt;
    if (!isValidDate(closesAt)) return missing('応募締切日時');
    const round = { closesAt, graceMinutes: ctx.round?.graceMinutes };
    const deadline = roundDeadline(round);
    return isBeforeRoundDeadline(round, ctx.now)
      ? true
      : fail('ROUND_CLOSED', `応募締切（${formatJst(deadline)}）を過ぎているため、申請を受け付けられません。`);
  },

  /** Until the 補正期限 (the application's own, else the round's) has passed: its stated second still counts (afterStatedSecond). */
  beforeCorrectionDeadline: (app, ctx) => {
    const deadline = correctionDeadline(app, ctx);
    if (!deadline) return missing('補正期限');
    return ctx.now.getTime() < afterStatedSecond(deadline).getTime()
      ? true
      : fail('CORRECTION_DEADLINE_PASSED', `補正期限（${formatJst(deadline)}）を過ぎているため、再提出できません。`);
  },

  /** The 補正期限 has passed without a resubmission, its stated second too (used to close the case). */
  correctionDeadlinePassed: (app, ctx) => {
    const deadline = correctionDeadline(app, ctx);
    if (!deadline) return missing('補正期限');
    return ctx.now.getTime() >= afterStatedSecond(deadline).getTime()
      ? true
      : fail('CORRECTION_DEADLINE_NOT_PASSED', `補正期限（${formatJst(deadline)}）がまだ到来していません。`);
  },

  /** Every assigned reviewer has submitted, and at least one was assigned. */
  allReviewsSubmitted: (app) => {
    const reviews = app.reviews;
    if (!reviews) return missing('審査の割当状況');
    if (reviews.assigned <= 0) return fail('NO_REVIEWERS_ASSIGNED', '審査員が割り当てられていません。');
    const pending = reviews.assigned - reviews.submitted;
    return pending <= 0 ? true : fail('REVIEWS_PENDING', `未提出の審査が${pending}件あります（${reviews.submitted}/${reviews.assigned}件提出済）。`);
  },

  /** The quote computed by libs/domain is eligible (amount within floor/cap, requirements met). */
  quoteEligible: (app) => {
    const quote = app.quote;
    if (!quote) return missing('補助金額の見込み（算定結果）');
    if (quote.eligible) return true;
    const reasons = quote.reasons?.length ? `：${quote.reasons.join('、')}` : '';
    return fail('QUOTE_NOT_ELIGIBLE', `申請内容が補助対象の要件を満たしていません${reasons}。`);
  },

  /**
   * The 形式審査 / 要件確認 checklist was completed and passed, since the application was last (re)submitted: a
   * 再提出 reopens it (reopensFormalCheck), so a 適 given to the corrected-away application no longer counts.
   */
  formalCheckPassed: (app) => {
    const check = app.formalCheck;
    if (!check || check.completed === false) return fail('FORMAL_CHECK_NOT_DONE', '要件確認が完了していません。');
    if (check.passed) return true;
    const items = check.failedItems?.length ? `：${check.failedItems.join('、')}` : '';
    return fail('FORMAL_CHECK_FAILED', `要件確認で不適合の項目があります${items}。`);
  },

  /** An adoption slot of the round × category is free: used < capacity. */
  slotAvailable: (_app, ctx) => {
    const slots = ctx.slots;
    if (!slots) return missing('採択枠');
    return slots.used < slots.capacity ? true : fail('NO_SLOT_AVAILABLE', `採択枠に空きがありません（${slots.used}/${slots.capacity}件採択済）。`);
  },

  /**
   * A 採択 waits for the 応募締切 (roundDeadline in libs/domain): while the round still takes applications, the
   * ranking is not complete. A committed decision too (the API refuses to commit one before, for the whole 類型);
   * a single 採択 before it needs the manager's reason (the transition's overridableGuards).
   */
  afterRoundDeadline: (_app, ctx) => {
    const closesAt = ctx.round?.closesAt;
    if (!isValidDate(closesAt)) return missing('応募締切日時');
    const round = { closesAt, graceMinutes: ctx.round?.graceMinutes };
    return isBeforeRoundDeadline(round, ctx.now)
      ? fail('ROUND_STILL_OPEN', `公募回はまだ受付中です（応募締切 ${formatJst(roundDeadline(round))}）。締切前に採択することはできません。`)
      : true;
  },

  /**
   * A 採択 outside a committed decision keeps the round × 類型's quoted amounts adopted within its 予算
   * (none set: no limit). A committed decision passes: its total was shown and confirmed.
   */
  withinBudget: (_app, ctx) => {
    const adoption = ctx.adoption;
    if (!adoption) return missing('類型の予算と採択済額');
    if (adoption.byDecision || adoption.budget === null) return true;
    const after = adoption.adoptedAmount + adoption.amount;
    if (after <= adoption.budget) return true;
    return fail(
      'OVER_BUDGET',
      `採択すると類型の予算を超えます（予算 ${formatYen(adoption.budget)}、採択済 ${formatYen(adoption.adoptedAmount)}、この申請 ${formatYen(adoption.amount)}、超過 ${formatYen(after - adoption.budget)}）。`,
    );
  },

  /** 採択発表 has been made: announcementAt <= now (e.g. before the 交付申請 can be filed). */
  afterAnnouncement: (_app, ctx) => {
    const announcementAt = ctx.round?.announcementAt;
    if (!isValidDate(announcementAt)) return missing('採択発表日時');
    return ctx.now.getTime() >= announcementAt.getTime()
      ? true
      : fail('NOT_YET_ANNOUNCED', `採択発表（${formatJst(announcementAt)}）前のため、この操作はできません。`);
  },

  /**
   * 再審査 in another 類型 names the 類型 it moves to: the move is the API's reconsideration route
   * (category, quote, audit and notice in one transaction), never a bare state change.
   */
  reconsiderationTargetChosen: (_app, ctx) =>
    ctx.reconsideration?.toCategory
      ? true
      : fail('RECONSIDERATION_TARGET_MISSING', '再審査する類型が選ばれていません。申請の画面の「別の類型で再審査」から、移す類型と理由を指定してください。'),

  /**
   * A 交付決定 or 額の確定 carries the amount the rules computed (交付決定額 from the 交付申請's expenses, 確定額 from
   * the 確定検査's accepted expenses): the API's post-award routes compute it in the same transaction, never a bare
   * transition (docs/post-award.md).
   */
  amountComputed: (_app, ctx) =>
    ctx.amount && Number.isSafeInteger(ctx.amount.computed) && ctx.amount.computed >= 0
      ? true
      : fail(
          'AMOUNT_NOT_COMPUTED',
          '金額が算定されていません。交付決定と額の確定は、申請の画面の「交付決定」「額の確定」から行ってください（金額は交付申請・確定検査の経費から算定されます）。',
        ),

  /**
   * A 交付決定取消 or the 返還の確認 carries the 返還 the API recorded by the rules (the 返還額 from what was paid,
   * then the repayments received until it is paid in full): the API's repayment routes fire them in the same
   * transaction, never a bare transition (docs/post-award.md "交付決定取消 and 返還").
   */
  repaymentComputed: (_app, ctx) =>
    ctx.amount && Number.isSafeInteger(ctx.amount.computed) && ctx.amount.computed >= 0
      ? true
      : fail(
          'REPAYMENT_NOT_COMPUTED',
          '返還額が算定されていません。交付決定の取消しと返還の記録は、申請の画面の「交付・確定」タブの「交付決定取消」「返還の入金を記録」から行ってください（返還額は支払済みの額から算定されます）。',
        ),

  /**
   * A payment (支払, 振込完了) is recorded by the confirmation of the 支払バッチ that transferred it, with the 支払額 and
   * the bank's 振込日 (docs/payments.md): never a bare state change, which would mark money paid that no 全銀 file
   * carried.
   */
  paidByBatch: (_app, ctx) =>
    ctx.payment?.batchId
      ? true
      : fail(
          'PAYMENT_NOT_BY_BATCH',
          '支払は支払バッチで記録します。「支払バッチ」で全銀ファイルを作成し、銀行の振込後に「振込を確定」してください（支払額と振込日はバッチから記録されます）。',
        ),

  /**
   * A 確定額 the 概算払 already paid in full: nothing is left to transfer, so no 支払バッチ can carry it (a 全銀 line moves
   * at least 1円) and the 精算 is complete at the 額の確定 (docs/post-award.md "概算払").
   */
  paidInAdvance: (_app, ctx) =>
    ctx.settlement && paidInFullInAdvance(ctx.settlement.fixedAmount, ctx.settlement.advancePaid)
      ? true
      : fail('PAYMENT_LEFT', '確定額のうち概算払で支払済みでない額があるため、支払バッチで支払ってください。'),

  /**
   * The 概算払 paid more than the 確定額: the excess is to be returned (補助金適正化法 第18条第2項), so the 額の確定 claims
   * it and the project awaits that 返還 before its 事業化状況報告 (docs/post-award.md "概算払").
   */
  advanceAboveFixedAmount: (_app, ctx) =>
    ctx.settlement && advanceExcess(ctx.settlement.fixedAmount, ctx.settlement.advancePaid) > 0
      ? true
      : fail('NO_ADVANCE_EXCESS', '概算払の支払済額が確定額を超えていないため、返還を求める額はありません。'),

  /**
   * Nothing was paid in advance (概算払): a project may end by 事業廃止, whose notice tells the applicant no subsidy is
   * paid, only while none was. What a 概算払 paid is asked back by a 交付決定取消, which claims its 返還 (補助金適正化法
   * 第18条; docs/post-award.md "概算払").
   */
  nothingPaidInAdvance: (app) => {
    if (app.advancePaid === undefined) return missing('概算払の支払済額');
    return app.advancePaid === 0
      ? true
      : fail(
          'PAID_IN_ADVANCE',
          `概算払で ${formatYen(app.advancePaid)} を支払済みのため、事業廃止の承認だけでは終えられません。「交付・確定」タブの「交付決定取消」で、支払済みの額の返還を求めてください。`,
        );
  },

  /** 事業復活支援金: earlier 一時支援金/月次支援金 recipients are exempt from the 事前確認. */
  previousRecipient: (app) =>
    app.previousRecipient === true ? true : fail('NOT_PREVIOUS_RECIPIENT', '一時支援金・月次支援金の受給実績がないため、事前確認は省略できません。'),
} satisfies Record<string, Guard>;

export type GuardName = keyof typeof GUARDS;
export const GUARD_NAMES = Object.keys(GUARDS) as GuardName[];

export function isGuardName(name: string): name is GuardName {
  return Object.prototype.hasOwnProperty.call(GUARDS, name);
}

/** Runs one guard by name; an unknown name refuses rather than throwing. */
export function runGuard(name: string, application: ApplicationSnapshot, context: GuardContext): GuardResult {
  if (!isGuardName(name)) return fail('UNKNOWN_GUARD', `判定条件「${name}」は定義されていません。`);
  const guard: Guard = GUARDS[name];
  return guard(application, context);
}
