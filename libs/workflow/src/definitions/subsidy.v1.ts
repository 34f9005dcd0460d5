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
    {
      code: 'draft',
      label: '下書き',
      kind: 'initial',
      tone: 'neutral',
      applicant: { meaning: '申請はまだ提出されていません。', next: '申請を提出すると、事務局が受け付けます。', amount: 'none' },
    },
    {
      code: 'submitted',
      label: '申請済（受付）',
      kind: 'active',
      tone: 'progress',
      tags: ['awaitsFormalCheck'],
      applicant: {
        meaning: '申請を受け付けました。申請要件の確認（要件確認）を待っています。',
        next: '事務局が申請要件を確認します。結果は改めてお知らせします。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'formalCheck',
      label: '要件確認中',
      kind: 'active',
      tone: 'progress',
      tags: ['inFormalCheck'],
      applicant: {
        meaning: '事務局が申請要件を確認しています（要件確認）。',
        next: '確認が終わると書面審査に進みます。修正が必要な場合は差戻しとしてお知らせします。',
        amount: 'estimate',
      },
    },
    {
      code: 'returned',
      label: '差戻し',
      kind: 'active',
      tone: 'attention',
      tags: ['returnedToApplicant', 'correctionDeadlineWatched'],
      applicant: {
        meaning: '申請内容に修正が必要な点があり、差し戻しました（差戻し）。',
        next: 'お知らせした事項を修正のうえ、補正期限までに再提出してください。期限までに再提出がない場合、申請は審査の対象外となります。',
        amount: 'estimate',
      },
    },
    {
      code: 'resubmitted',
      label: '再提出',
      kind: 'active',
      tone: 'progress',
      tags: ['awaitsFormalCheck'],
      applicant: { meaning: '修正後の申請（再提出）を受け付けました。', next: '事務局が修正内容を確認します。お手続きは必要ありません。', amount: 'estimate' },
    },
    {
      code: 'underReview',
      label: '書面審査中',
      kind: 'active',
      tone: 'progress',
      tags: ['openForScoring'],
      applicant: {
        meaning: '外部審査員が申請を審査しています（書面審査）。',
        next: '審査の結果は、採択発表の日以降にお知らせします。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'reviewed',
      label: '審査完了',
      kind: 'active',
      tone: 'progress',
      tags: ['awaitsDecision'],
      applicant: {
        meaning: '書面審査が終わり、採択の決定を待っています。',
        next: '審査の結果は、採択発表の日以降にお知らせします。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'adopted',
      label: '採択（交付候補者）',
      kind: 'active',
      tone: 'positive',
      tags: ['holdsSlot'],
      applicant: {
        meaning: '補助金交付候補者として採択されました。採択は交付の決定ではありません。',
        next: '交付申請を提出してください。内容を確認して交付を決定します。',
        amount: 'estimate',
      },
    },
    {
      code: 'waitlisted',
      label: '補欠',
      kind: 'active',
      tone: 'attention',
      applicant: { meaning: '補欠となりました。', next: '採択者の辞退等により枠が生じた場合は、改めてご連絡します。', amount: 'estimate' },
    },
    {
      code: 'rejected',
      label: '不採択',
      kind: 'terminal',
      tone: 'negative',
      applicant: { meaning: '審査の結果、今回は不採択となりました。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
    },
    {
      code: 'grantApplied',
      label: '交付申請',
      kind: 'active',
      tone: 'postAward',
      tags: ['holdsSlot'],
      applicant: {
        meaning: '交付申請を受け付けました。',
        next: '事務局が交付申請の内容を確認し、交付決定をお知らせします。交付決定の前に契約・発注したものは補助の対象になりません。',
        amount: 'estimate',
      },
    },
    {
      code: 'grantDecided',
      label: '交付決定',
      kind: 'active',
      tone: 'positive',
      tags: ['holdsSlot'],
      applicant: {
        meaning: '補助金の交付が決定しました（交付決定）。',
        next: '交付決定の内容に従って補助事業を実施し、事業が完了したら実績報告を提出してください。',
        amount: 'decided',
      },
    },
    {
      code: 'performanceReported',
      label: '実績報告',
      kind: 'active',
      tone: 'postAward',
      tags: ['holdsSlot'],
      applicant: { meaning: '実績報告を受け付けました。', next: '事務局が確定検査を行い、補助金の額を確定してお知らせします。', amount: 'decided' },
    },
    {
      code: 'finalInspection',
      label: '確定検査',
      kind: 'active',
      tone: 'postAward',
      tags: ['holdsSlot'],
      applicant: { meaning: '事務局が実績報告の内容を検査しています（確定検査）。', next: '検査の後、補助金の額を確定してお知らせします。', amount: 'decided' },
    },
    {
      code: 'amountFixed',
      label: '額確定',
      kind: 'active',
      tone: 'positive',
      tags: ['holdsSlot'],
      applicant: {
        meaning: '補助金の額が確定しました（額の確定）。',
        next: '精算払請求の手続きをしてください。その後、補助金をお支払いします。',
        amount: 'decided',
      },
    },
    {
      code: 'paid',
      label: '支払済',
      kind: 'active',
      tone: 'positive',
      tags: ['holdsSlot'],
      applicant: {
        meaning: '補助金のお支払い手続きが完了しました。',
        next: '入金をご確認ください。事業化状況報告を毎年提出してください。',
        // subsidy@2's 概算払 that paid the whole 確定額 (settleByAdvancePayment): its mail says nothing more is paid
        nextWhenPaidInAdvance: '確定した補助金の額は概算払でお支払い済みのため、これ以上のお振込みはありません。事業化状況報告を毎年提出してください。',
        amount: 'decided',
      },
    },
    {
      code: 'commercializationReported',
      label: '事業化状況報告',
      kind: 'terminal',
      tone: 'positive',
      tags: ['holdsSlot'],
      applicant: { meaning: '事業化状況報告を受け付けています。', next: '定められた年数の間、毎年の事業化状況報告を提出してください。', amount: 'decided' },
    },
    {
      code: 'withdrawn',
      label: '取下げ',
      kind: 'terminal',
      tone: 'negative',
      applicant: { meaning: '申請は取り下げられました。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
    },
    {
      code: 'ineligible',
      label: '要件不適合',
      kind: 'terminal',
      tone: 'negative',
      applicant: { meaning: '申請要件を満たしていないため、審査の対象外となりました。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
    },
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
