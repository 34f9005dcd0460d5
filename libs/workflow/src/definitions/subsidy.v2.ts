// 補助金, version 2: the post-award half made real (issue 16, docs/post-award.md). Up to 交付決定 it is v1
// word for word (subsidy.v1.ts: its states, transitions and their comments); an application on v1 keeps v1
// (a round binds one version, an application keeps the one it started on: index.ts).
//
// What v2 adds after 採択 (choices where the brief is silent, as a secretariat would expect):
// - 交付決定 and 額の確定 carry their amount, computed by the rules (guard amountComputed): the 交付決定額 from the
//   交付申請's expenses, the 確定額 from the 確定検査's accepted expenses; the API's post-award routes fire them.
// - 計画変更: while the project runs (交付決定), the applicant (or intake, on paper) files a 計画変更承認申請;
//   the manager approves or refuses it (with a reason); either way the project continues under its
//   交付決定. What a change carries (its description, changed expenses) is kept with the filing; it does not
//   change the 交付決定額 (no 変更交付決定 yet: docs/post-award.md).
// - 事業廃止: the applicant files a 事業廃止承認申請 with its reason, while the project runs or while a
//   計画変更 is pending; the manager approves it (the project ends, nothing is paid: 事業廃止, terminal) or
//   refuses it with a reason (back to 交付決定). Once a 概算払 is paid, approval is refused (guard
//   nothingPaidInAdvance): the manager revokes the grant instead, which claims back what was paid.
// - 交付決定取消: the manager revokes the grant with a reason from any state after 交付決定 (false
//   statements, a target missed, e.g. ものづくり 回復型's 全額返還), which leads to 返還 (返還請求中); the
//   repayment routes of the API record the 返還額 (what was paid) and its 納期限, then the repayments received;
//   the last one that pays it in full fires recordRepayment (返還済, terminal). Both carry the amount (guard
//   repaymentComputed). A revocation before any payment has nothing to repay and ends in 返還済 at once.
// - 事業化状況報告: a report every year after 支払 (five years), each one a transition the applicant (or
//   intake) fires from 事業化状況報告中 back into it; the manager or the scheduler closes the reporting
//   period (報告期間終了, terminal). v1's single terminal commercializationReported is gone from v2: a code
//   never changes its kind between versions (statesOfKind unions them).
// - 概算払: where the round allows it (the API checks the round's setting), the applicant requests part of the
//   subsidy while the project runs, for expenses already paid; the amount is the rules' quote of those expenses, at
//   most what is left of the 交付決定額 (guard amountComputed). The request awaits payment: a confirmed payment batch
//   pays it (payAdvance, guard paidByBatch) and the project continues under its 交付決定; a manager may refuse it with
//   a reason. The 支払 after 額の確定 pays the 確定額 less what was paid in advance (docs/post-award.md "概算払"); when
//   the 概算払 paid the whole 確定額, the system settles it at the 額の確定 (settleByAdvancePayment, guard paidInAdvance);
//   when it paid more, the 額の確定 claims the excess back (claimAdvanceExcess, guard advanceAboveFixedAmount:
//   補助金適正化法 第18条第2項) and the repayment that completes that 返還 settles the project (settleAdvanceExcess).
// - 取下げ: as in v1, before 交付決定; after it the project ends by 事業廃止.
import type { StateDefinition, TransitionDefinition, WorkflowDefinition } from '../engine/definition';
import type { GuardName } from '../engine/guards';
import { loadDefinition } from '../engine/validate';
import { notify, requireReason, stamp } from './effects';
import { SUBSIDY_V1 } from './subsidy.v1';

/** v1's states and transitions v2 replaces: the one-shot 事業化状況報告. */
const REPLACED_STATES = ['commercializationReported'];
const REPLACED_TRANSITIONS = ['reportCommercialization'];

/**
 * v1's transitions that record an amount: in v2 each carries the amount the rules computed (guard amountComputed),
 * so the 交付決定額 and the 確定額 are never a bare state change (docs/post-award.md).
 */
const WITH_AMOUNT = ['decideGrant', 'fixAmount'];
/** v2's 支払 is recorded by a confirmed payment batch (guard paidByBatch, docs/payments.md); v1's stays a manager's step. */
const PAID_BY_BATCH = 'pay';
/** v2's 支払 mail states what the batch paid and its 振込日; v1's records neither. */
const PAYMENT_NOTICE = notify('paidByBatch');
const statingPayment = (t: TransitionDefinition<GuardName>): TransitionDefinition<GuardName> => ({
  ...t,
  effects: (t.effects ?? []).map((e) => (e.type === 'notifyApplicant' && e.template === 'paid' ? PAYMENT_NOTICE : e)),
});
/** v2's 額の確定 mail states the 確定額 it carries; v1's records none, and its template states none. */
const FIXED_AMOUNT_NOTICE = notify('fixedAmountNotice');
const statingFixedAmount = (t: TransitionDefinition<GuardName>): TransitionDefinition<GuardName> =>
  t.name === 'fixAmount'
    ? { ...t, effects: (t.effects ?? []).map((e) => (e.type === 'notifyApplicant' && e.template === 'amountFixed' ? FIXED_AMOUNT_NOTICE : e)) }
    : t;
const fromV1 = (t: TransitionDefinition<GuardName>): TransitionDefinition<GuardName> => {
  if (WITH_AMOUNT.includes(t.name)) return statingFixedAmount({ ...t, guards: [...(t.guards ?? []), 'amountComputed'] });
  if (t.name === PAID_BY_BATCH) return statingPayment({ ...t, guards: [...(t.guards ?? []), 'paidByBatch'] });
  return t;
};

/**
 * v2's 額確定 awaits payment (a payment batch pays it, with nothing asked of the applicant); v1's does not take part in
 * batches (no 確定額 recorded), and its applicant files a 精算払請求.
 */
const payable = (s: StateDefinition): StateDefinition =>
  s.code === 'amountFixed'
    ? {
        ...s,
        tags: [...(s.tags ?? []), 'awaitsPayment'],
        applicant: {
          ...s.applicant!,
          next: '確定した額を事務局がお振り込みします（概算払を受けている場合は差額を精算します）。振込後にメールでお知らせします。',
        },
      }
    : s;

/** Every state after 交付決定 in which the project still runs or money may have moved: 交付決定取消 is possible. */
const REVOCABLE = [
  'grantDecided',
  'advancePaymentRequested',
  'planChangeRequested',
  'abandonmentRequested',
  'performanceReported',
  'finalInspection',
  'amountFixed',
  'advanceExcessClaimed',
  'paid',
  'commercializationReporting',
];

const POST_AWARD_STATES: StateDefinition[] = [
  {
    code: 'planChangeRequested',
    label: '計画変更申請中',
    kind: 'active',
    tone: 'postAward',
    tags: ['holdsSlot'],
    applicant: {
      meaning: '計画変更承認申請を受け付けました。',
      next: '事務局が内容を確認し、承認するかどうかをお知らせします。承認されるまでは、変更前の計画に従ってください。',
      amount: 'decided',
    },
  },
  {
    code: 'abandonmentRequested',
    label: '事業廃止申請中',
    kind: 'active',
    tone: 'attention',
    tags: ['holdsSlot'],
    applicant: {
      meaning: '事業廃止承認申請を受け付けました。',
      next: '事務局が内容を確認し、承認するかどうかをお知らせします。承認されると補助事業は終了し、補助金は支払われません。',
      amount: 'decided',
    },
  },
  {
    code: 'advancePaymentRequested',
    label: '概算払請求中',
    kind: 'active',
    tone: 'postAward',
    tags: ['holdsSlot', 'awaitsPayment', 'awaitsAdvancePayment'],
    applicant: {
      meaning: '概算払の請求を受け付けました。',
      next: '事務局が内容を確認し、概算払の額をお支払いします。お支払いした額は、額の確定の後にお支払いする補助金から差し引きます。',
      amount: 'decided',
    },
  },
  {
    code: 'advanceExcessClaimed',
    label: '概算払超過額の返還請求中',
    kind: 'active',
    tone: 'attention',
    tags: ['holdsSlot'],
    applicant: {
      meaning: '確定した補助金の額が、概算払でお支払いした額を下回りました。差額の返還をお願いしています。',
      next: 'お知らせした納期限までに差額を返還してください。返還を確認すると補助金の精算が完了し、事業化状況報告の期間に移ります。',
      amount: 'repayment',
    },
  },
  {
    code: 'abandoned',
    label: '事業廃止',
    kind: 'terminal',
    tone: 'negative',
    applicant: { meaning: '補助事業の廃止が承認されました（事業廃止）。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
  },
  {
    code: 'commercializationReporting',
    label: '事業化状況報告中',
    kind: 'active',
    tone: 'positive',
    tags: ['holdsSlot'],
    applicant: {
      meaning: '補助金のお支払いが済み、事業化状況報告の期間中です。',
      next: '定められた年数の間、毎年の事業化状況報告を期限までに提出してください。',
      amount: 'decided',
    },
  },
  {
    code: 'reportingCompleted',
    label: '報告期間終了',
    kind: 'terminal',
    tone: 'positive',
    tags: ['holdsSlot'],
    applicant: { meaning: '事業化状況報告の期間が終わりました。', next: 'この補助事業についての手続きはすべて終了しました。', amount: 'decided' },
  },
  {
    code: 'grantRevoked',
    label: '交付決定取消（返還）',
    kind: 'active',
    tone: 'negative',
    tags: ['endsReporting'],
    applicant: {
      meaning: '補助金の交付決定が取り消されました（交付決定取消）。',
      next: '返還額を、納期限までに事務局が指定する方法で返還してください（返還額が0円の場合、返還は不要です）。',
      amount: 'repayment',
    },
  },
  {
    code: 'repaid',
    label: '返還済',
    kind: 'terminal',
    tone: 'negative',
    applicant: { meaning: '交付決定の取消に伴う返還を確認しました。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
  },
];

const POST_AWARD_TRANSITIONS: TransitionDefinition<GuardName>[] = [
  {
    name: 'requestPlanChange',
    label: '計画変更を申請する',
    from: ['grantDecided'],
    to: 'planChangeRequested',
    roles: ['applicant', 'intake'],
    effects: [stamp('planChangeRequestedAt'), notify('planChangeRequestReceived')],
  },
  {
    name: 'approvePlanChange',
    label: '計画変更を承認する',
    from: ['planChangeRequested'],
    to: 'grantDecided',
    roles: ['manager'],
    effects: [stamp('planChangeApprovedAt'), notify('planChangeApproved')],
  },
  {
    name: 'refusePlanChange',
    label: '計画変更を承認しない',
    from: ['planChangeRequested'],
    to: 'grantDecided',
    roles: ['manager'],
    effects: [requireReason, stamp('planChangeRefusedAt'), notify('planChangeRefused')],
  },
  {
    // the 概算払 paid the whole 確定額: fired by the API with the 額の確定, nothing left for a 支払バッチ to transfer
    name: 'settleByAdvancePayment',
    label: '概算払で精算する',
    from: ['amountFixed'],
    to: 'paid',
    roles: ['system'],
    guards: ['paidInAdvance'],
    effects: [stamp('paidAt'), notify('settledByAdvancePayment')],
  },
  {
    // the 概算払 paid more than the 確定額: fired by the API with the 額の確定, which claims the excess back (第18条第2項)
    name: 'claimAdvanceExcess',
    label: '概算払の超過額の返還を求める',
    from: ['amountFixed'],
    to: 'advanceExcessClaimed',
    roles: ['system'],
    guards: ['advanceAboveFixedAmount'],
    effects: [stamp('advanceExcessClaimedAt'), notify('advanceExcessClaimed')],
  },
  {
    // the repayment that completes the excess's 返還, recorded through the repayment route: the 精算 is complete
    name: 'settleAdvanceExcess',
    label: '概算払の超過額の返還を確認する',
    from: ['advanceExcessClaimed'],
    to: 'paid',
    roles: ['manager'],
    guards: ['repaymentComputed'],
    effects: [stamp('paidAt'), notify('advanceExcessRepaid')],
  },
  {
    name: 'requestAbandonment',
    label: '事業廃止を申請する',
    from: ['grantDecided', 'planChangeRequested'],
    to: 'abandonmentRequested',
    roles: ['applicant', 'intake'],
    effects: [requireReason, stamp('abandonmentRequestedAt'), notify('abandonmentRequestReceived')],
  },
  {
    name: 'approveAbandonment',
    label: '事業廃止を承認する',
    from: ['abandonmentRequested'],
    to: 'abandoned',
    roles: ['manager'],
    // its notice says no subsidy is paid: what a 概算払 paid is asked back by a 交付決定取消 instead (revokeGrant)
    guards: ['nothingPaidInAdvance'],
    effects: [stamp('abandonedAt'), notify('abandonmentApproved')],
  },
  {
    name: 'refuseAbandonment',
    label: '事業廃止を承認しない',
    from: ['abandonmentRequested'],
    to: 'grantDecided',
    roles: ['manager'],
    effects: [requireReason, stamp('abandonmentRefusedAt'), notify('abandonmentRefused')],
  },
  {
    name: 'requestAdvancePayment',
    label: '概算払を請求する',
    from: ['grantDecided'],
    to: 'advancePaymentRequested',
    roles: ['applicant', 'intake'],
    guards: ['amountComputed'],
    effects: [stamp('advancePaymentRequestedAt'), notify('advancePaymentRequestReceived')],
  },
  {
    name: 'payAdvance',
    label: '概算払を支払う',
    from: ['advancePaymentRequested'],
    to: 'grantDecided',
    roles: ['manager', 'system'],
    guards: ['paidByBatch'],
    effects: [stamp('advancePaidAt'), notify('advancePaid')],
  },
  {
    name: 'refuseAdvancePayment',
    label: '概算払を認めない',
    from: ['advancePaymentRequested'],
    to: 'grantDecided',
    roles: ['manager'],
    effects: [requireReason, stamp('advancePaymentRefusedAt'), notify('advancePaymentRefused')],
  },
  {
    name: 'reportCommercialization',
    label: '事業化状況報告する',
    from: ['paid', 'commercializationReporting'],
    to: 'commercializationReporting',
    roles: ['applicant', 'intake'],
    effects: [stamp('commercializationReportedAt'), notify('commercializationReportReceived')],
  },
  {
    name: 'closeCommercializationReporting',
    label: '事業化状況報告の期間を終える',
    from: ['commercializationReporting'],
    to: 'reportingCompleted',
    roles: ['manager', 'system'],
    effects: [stamp('reportingCompletedAt')],
  },
  {
    name: 'revokeGrant',
    label: '交付決定を取り消す',
    from: REVOCABLE,
    to: 'grantRevoked',
    roles: ['manager'],
    guards: ['repaymentComputed'],
    effects: [requireReason, stamp('grantRevokedAt'), notify('grantRevoked')],
  },
  {
    name: 'recordRepayment',
    label: '返還を確認する',
    from: ['grantRevoked'],
    to: 'repaid',
    roles: ['manager'],
    guards: ['repaymentComputed'],
    effects: [stamp('repaidAt'), notify('repaymentConfirmed')],
  },
];

export const SUBSIDY_V2: WorkflowDefinition<GuardName> = loadDefinition<WorkflowDefinition<GuardName>>({
  code: 'subsidy',
  version: 2,
  label: '補助金（公募・審査・交付・事業化）',
  formalCheck: SUBSIDY_V1.formalCheck,
  states: [...SUBSIDY_V1.states.filter((s) => !REPLACED_STATES.includes(s.code)).map(payable), ...POST_AWARD_STATES],
  transitions: [...SUBSIDY_V1.transitions.filter((t) => !REPLACED_TRANSITIONS.includes(t.name)).map(fromV1), ...POST_AWARD_TRANSITIONS],
});
