// 補助金 (事業再構築・ものづくり・持続化): 申請 → 受付 → 要件確認 → 書面審査 → 採択/不採択/補欠 →
// 交付申請 → 交付決定 → 実績報告 → 確定検査 → 額の確定 → 支払 → 事業化状況報告.
//
// Choices where the brief is silent (what a secretariat would expect):
// - Roles: applicant (電子申請) and intake (受付担当, paper or on-behalf entry) file; reviewer does
//   the 要件確認 and the 書面審査 bookkeeping; manager records decisions and amounts; system runs
//   scheduled and batch moves. admin manages users and settings and fires no business transition
//   (separation of duties: the one who configures the system does not decide awards).
// - Submission also requires the round to have opened and the quote to be eligible: the
//   e-application refuses an amount outside the category's floor/cap.
// - 差戻し is allowed from resubmitted too (returned ⇄ resubmitted), and a returned application
//   whose 補正期限 passes is closed as 要件不適合 by the system (closeUncorrected).
// - 要件不適合 and all 採択/不採択/補欠 notices are held until the 採択発表, so no result leaks early.
// - Adoption (from reviewed or from the waitlist) is bounded by the slots of the round × category.
//   A single 採択 outside a committed decision (apps/api/src/modules/adoption) also waits for the
//   応募締切 and stays within the 類型's 予算 (繰上げ採択: the 予算), unless the manager overrides with a
//   reason, which is audited (overridableGuards).
// - 交付申請 is possible only after the 採択発表. A 交付申請 needing correction is handled inside
//   grantApplied (documents), not with a state: v1 keeps one correction loop, at intake.
// - 確定検査 may send the 実績報告 back (grantDecided) for correction, with a reason.
// - 取下げ is possible from every non-terminal state before 交付決定; after it, ending the project
//   is a 事業廃止 with its own approval, outside this flow. 取下げ requires a reason (取下げ届).
// - rejected (不採択) is terminal. Re-review in another 類型 (事業再構築: a special 枠 → 通常枠 of the same
//   round) comes before it: reconsiderInCategory moves a 審査完了 or 補欠 application back to 審査完了 in
//   the 類型 its category's `reconsiderIn` names, scores and audit kept, its notice held until the 採択発表
//   like every decision notice. Only the API's reconsideration route fires it (it changes the 類型 and the
//   quote in the same transaction: guard reconsiderationTargetChosen). docs/reconsideration.md.
// - commercializationReported is terminal: it marks the 事業化状況報告 obligation taken up; the
//   yearly reports (5 years) are documents on the application, not states.
import type { WorkflowDefinition } from '../engine/definition';
import type { GuardName } from '../engine/guards';
import { loadDefinition } from '../engine/validate';
import { holdUntilAnnouncement, notify, requireReason, stamp } from './effects';

/** States of which an applicant may still withdraw (everything non-terminal before 交付決定). */
const WITHDRAWABLE = ['draft', 'submitted', 'formalCheck', 'returned', 'resubmitted', 'underReview', 'reviewed', 'adopted', 'waitlisted', 'grantApplied'];

export const SUBSIDY_V1: WorkflowDefinition<GuardName> = loadDefinition<WorkflowDefinition<GuardName>>({
  code: 'subsidy',
  version: 1,
  label: '補助金（公募・審査・交付）',
  // 要件確認: its own state (formalCheck) between 受付 and 書面審査
  formalCheck: { start: 'startFormalCheck', pass: 'passFormalCheck', return: 'returnForCorrection', ineligible: 'markIneligible' },
  states: [
    { code: 'draft', label: '下書き', kind: 'initial', tone: 'neutral' },
    { code: 'submitted', label: '申請済（受付）', kind: 'active', tone: 'progress', tags: ['awaitsFormalCheck'] },
    { code: 'formalCheck', label: '要件確認中', kind: 'active', tone: 'progress', tags: ['inFormalCheck'] },
    { code: 'returned', label: '差戻し', kind: 'active', tone: 'attention', tags: ['returnedToApplicant', 'correctionDeadlineWatched'] },
    { code: 'resubmitted', label: '再提出', kind: 'active', tone: 'progress', tags: ['awaitsFormalCheck'] },
    { code: 'underReview', label: '書面審査中', kind: 'active', tone: 'progress', tags: ['openForScoring'] },
    { code: 'reviewed', label: '審査完了', kind: 'active', tone: 'progress', tags: ['awaitsDecision'] },
    { code: 'adopted', label: '採択（交付候補者）', kind: 'active', tone: 'positive', tags: ['holdsSlot'] },
    { code: 'waitlisted', label: '補欠', kind: 'active', tone: 'attention' },
    { code: 'rejected', label: '不採択', kind: 'terminal', tone: 'negative' },
    { code: 'grantApplied', label: '交付申請', kind: 'active', tone: 'postAward', tags: ['holdsSlot'] },
    { code: 'grantDecided', label: '交付決定', kind: 'active', tone: 'positive', tags: ['holdsSlot'] },
    { code: 'performanceReported', label: '実績報告', kind: 'active', tone: 'postAward', tags: ['holdsSlot'] },
    { code: 'finalInspection', label: '確定検査', kind: 'active', tone: 'postAward', tags: ['holdsSlot'] },
    { code: 'amountFixed', label: '額確定', kind: 'active', tone: 'positive', tags: ['holdsSlot'] },
    { code: 'paid', label: '支払済', kind: 'active', tone: 'positive', tags: ['holdsSlot'] },
    { code: 'commercializationReported', label: '事業化状況報告', kind: 'terminal', tone: 'positive', tags: ['holdsSlot'] },
    { code: 'withdrawn', label: '取下げ', kind: 'terminal', tone: 'negative' },
    { code: 'ineligible', label: '要件不適合', kind: 'terminal', tone: 'negative' },
  ],
  transitions: [
    {
      name: 'submit',
      label: '申請する',
      from: ['draft'],
      to: 'submitted',
      roles: ['applicant', 'intake'],
      guards: ['afterRoundOpens', 'beforeRoundCloses', 'quoteEligible'],
      effects: [stamp('submittedAt'), notify('received')],
    },
    {
      name: 'startFormalCheck',
      label: '要件確認を開始',
      from: ['submitted', 'resubmitted'],
      to: 'formalCheck',
      roles: ['reviewer', 'system'],
    },
    {
      name: 'returnForCorrection',
      label: '差し戻す',
      from: ['formalCheck', 'resubmitted'],
      to: 'returned',
      roles: ['reviewer'],
      effects: [requireReason, stamp('returnedAt'), notify('returned')],
    },
    {
      name: 'resubmit',
      label: '再提出する',
      from: ['returned'],
      to: 'resubmitted',
      roles: ['applicant', 'intake'],
      guards: ['beforeCorrectionDeadline', 'quoteEligible'],
      effects: [stamp('resubmittedAt'), notify('resubmissionReceived')],
    },
    {
      name: 'closeUncorrected',
      label: '補正期限切れ（要件不適合）',
      from: ['returned'],
      to: 'ineligible',
      roles: ['system', 'manager'],
      guards: ['correctionDeadlinePassed'],
      effects: [stamp('decidedAt'), notify('ineligible'), holdUntilAnnouncement],
    },
    {
      name: 'passFormalCheck',
      label: '要件確認を完了（審査へ）',
      from: ['formalCheck'],
      to: 'underReview',
      roles: ['reviewer'],
      guards: ['formalCheckPassed'],
      effects: [stamp('formalCheckedAt')],
    },
    {
      name: 'markIneligible',
      label: '要件不適合とする',
      from: ['formalCheck'],
      to: 'ineligible',
      roles: ['reviewer', 'manager'],
      effects: [requireReason, stamp('decidedAt'), notify('ineligible'), holdUntilAnnouncement],
    },
    {
      name: 'completeReview',
      label: '書面審査を完了',
      from: ['underReview'],
      to: 'reviewed',
      roles: ['reviewer', 'manager', 'system'],
      guards: ['allReviewsSubmitted'],
      effects: [stamp('reviewedAt')],
    },
    {
      name: 'adopt',
      label: '採択する',
      from: ['reviewed'],
      to: 'adopted',
      roles: ['manager'],
      guards: ['slotAvailable'],
      overridableGuards: ['afterRoundDeadline', 'withinBudget'],
      effects: [stamp('decidedAt'), notify('adopted'), holdUntilAnnouncement],
    },
    {
      name: 'reject',
      label: '不採択とする',
      from: ['reviewed'],
      to: 'rejected',
      roles: ['manager'],
      effects: [stamp('decidedAt'), notify('rejected'), holdUntilAnnouncement],
    },
    {
      name: 'waitlist',
      label: '補欠とする',
      from: ['reviewed'],
      to: 'waitlisted',
      roles: ['manager'],
      effects: [stamp('decidedAt'), notify('waitlisted'), holdUntilAnnouncement],
    },
    {
      name: 'promoteFromWaitlist',
      label: '繰上げ採択',
      from: ['waitlisted'],
      to: 'adopted',
      roles: ['manager', 'system'],
      guards: ['slotAvailable'],
      overridableGuards: ['withinBudget'],
      effects: [stamp('decidedAt'), notify('adopted'), holdUntilAnnouncement],
    },
    {
      name: 'closeWaitlist',
      label: '補欠終了（不採択）',
      from: ['waitlisted'],
      to: 'rejected',
      roles: ['manager', 'system'],
      effects: [stamp('decidedAt'), notify('rejected'), holdUntilAnnouncement],
    },
    {
      name: 'reconsiderInCategory',
      label: '別の類型で再審査',
      from: ['reviewed', 'waitlisted'],
      to: 'reviewed',
      roles: ['manager'],
      guards: ['reconsiderationTargetChosen'],
      effects: [requireReason, stamp('reconsideredAt'), notify('reconsidered'), holdUntilAnnouncement],
    },
    {
      name: 'applyForGrant',
      label: '交付申請する',
      from: ['adopted'],
      to: 'grantApplied',
      roles: ['applicant', 'intake'],
      guards: ['afterAnnouncement'],
      effects: [stamp('grantAppliedAt'), notify('grantApplicationReceived')],
    },
    {
      name: 'decideGrant',
      label: '交付決定する',
      from: ['grantApplied'],
      to: 'grantDecided',
      roles: ['manager'],
      effects: [stamp('grantDecidedAt'), notify('grantDecided')],
    },
    {
      name: 'reportPerformance',
      label: '実績報告する',
      from: ['grantDecided'],
      to: 'performanceReported',
      roles: ['applicant', 'intake'],
      effects: [stamp('performanceReportedAt'), notify('performanceReportReceived')],
    },
    {
      name: 'startFinalInspection',
      label: '確定検査を開始',
      from: ['performanceReported'],
      to: 'finalInspection',
      roles: ['reviewer', 'manager'],
    },
    {
      name: 'returnPerformanceReport',
      label: '実績報告を差し戻す',
      from: ['finalInspection'],
      to: 'grantDecided',
      roles: ['reviewer', 'manager'],
      effects: [requireReason, stamp('returnedAt'), notify('performanceReportReturned')],
    },
    {
      name: 'fixAmount',
      label: '額を確定する',
      from: ['finalInspection'],
      to: 'amountFixed',
      roles: ['manager'],
      effects: [stamp('amountFixedAt'), notify('amountFixed')],
    },
    {
      name: 'pay',
      label: '支払う',
      from: ['amountFixed'],
      to: 'paid',
      roles: ['manager', 'system'],
      effects: [stamp('paidAt'), notify('paid')],
    },
    {
      name: 'reportCommercialization',
      label: '事業化状況報告する',
      from: ['paid'],
      to: 'commercializationReported',
      roles: ['applicant', 'intake', 'system'],
      effects: [stamp('commercializationReportedAt')],
    },
    {
      name: 'withdraw',
      label: '取り下げる',
      from: WITHDRAWABLE,
      to: 'withdrawn',
      roles: ['applicant', 'intake'],
      effects: [requireReason, stamp('withdrawnAt'), notify('withdrawn')],
    },
  ],
});
