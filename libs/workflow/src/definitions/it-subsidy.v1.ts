// IT導入補助金: 交付申請 → 交付決定 → 事業実施 → 実績報告 → 額の確定・交付 → 効果報告. No 採択 step.
//
// Choices where the brief is silent (what a secretariat would expect):
// - A 'draft' initial state is added before grantApplied, so that filing the 交付申請 is a
//   transition like every other flow's submit: the intake path calls decide() and the 締切 and the
//   quote are checked by guards, not by hand.
// - The 交付申請 is checked inside grantApplied (or resubmitted), with the 要件確認 checklist and no
//   state of its own: a checker is assigned there (awaitsFormalCheck), the checklist's 適 is recorded
//   and decideGrant (the manager) reads it (formalCheckPassed); its 差戻し fires returnForCorrection
//   (returned ⇄ resubmitted). It has no 要件不適合: a 交付申請 that cannot be granted is refused
//   (refuseGrant, 不交付) by the manager.
// - A 交付申請 can be refused (notGranted, 不交付): without it a poor application could only sit
//   or be withdrawn. A returned application past its 補正期限 is closed the same way.
// - 交付決定 is published on a fixed date per 締切回 (the round's announcementAt), so the decision
//   notices are held until then, like 採択 in the subsidy flow.
// - The 実績報告 can be returned for correction (back to grantDecided) with a reason; IT導入 has
//   no separate 確定検査 state: the 確定検査 is recorded while the 実績報告 stands (the API's final-inspection route).
// - Money moves as in the 補助金 (subsidy.v2.ts, docs/post-award.md): the 交付決定 and the 額の確定 carry the amount the
//   API's post-award routes computed by the rules (guard amountComputed: the 交付決定額 from the 交付申請's expenses, the
//   確定額 from the 確定検査's accepted expenses, never above the 交付決定額), and the 支払 is recorded by a confirmed payment
//   batch (guard paidByBatch; 額確定 awaitsPayment). None of the three is a bare state change.
// - 取下げ is possible until the 交付決定 (after it, 事業廃止 is a separate procedure).
// - effectReported is terminal: the yearly 効果報告 are documents on the application.
import type { WorkflowDefinition } from '../engine/definition';
import type { GuardName } from '../engine/guards';
import { loadDefinition } from '../engine/validate';
import { holdUntilAnnouncement, notify, requireReason, stamp } from './effects';

export const IT_SUBSIDY_V1: WorkflowDefinition<GuardName> = loadDefinition<WorkflowDefinition<GuardName>>({
  code: 'itSubsidy',
  version: 1,
  label: 'IT導入補助金（交付申請・交付）',
  // 要件確認 inside 交付申請: no start, the pass is recorded for decideGrant
  formalCheck: { return: 'returnForCorrection' },
  // the application is the 交付申請: its quote is the 交付申請額, and the 交付決定 (交付決定額) is the decision, no 採択
  // (docs/post-award.md "IT導入補助金")
  amountTerms: { quote: '交付申請額', adopted: null },
  states: [
    {
      code: 'draft',
      label: '下書き',
      kind: 'initial',
      tone: 'neutral',
      applicant: { meaning: '交付申請はまだ提出されていません。', next: '交付申請を提出すると、事務局が受け付けます。', amount: 'none' },
    },
    {
      code: 'grantApplied',
      label: '交付申請',
      kind: 'active',
      tone: 'postAward',
      tags: ['awaitsFormalCheck'],
      applicant: {
        meaning: '交付申請を受け付けました。事務局が内容を確認しています。',
        next: '交付決定の結果をお知らせします。交付決定の前に契約・発注・支払をしたITツール等は補助の対象になりません。',
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
        meaning: '交付申請の内容に修正が必要な点があり、差し戻しました（差戻し）。',
        next: 'お知らせした事項を修正のうえ、補正期限までに再提出してください。期限までに再提出がない場合、補助金は交付されません。',
        amount: 'estimate',
      },
    },
    {
      code: 'resubmitted',
      label: '再提出',
      kind: 'active',
      tone: 'progress',
      tags: ['awaitsFormalCheck'],
      applicant: {
        meaning: '修正後の交付申請（再提出）を受け付けました。',
        next: '事務局が修正内容を確認し、交付決定の結果をお知らせします。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'grantDecided',
      label: '交付決定',
      kind: 'active',
      tone: 'positive',
      applicant: {
        meaning: '補助金の交付が決定しました（交付決定）。',
        next: '交付決定の日以降にITツール等の契約・導入・支払を行い、事業が完了したら事業実績報告を提出してください。',
        amount: 'decided',
      },
    },
    {
      code: 'performanceReported',
      label: '実績報告',
      kind: 'active',
      tone: 'postAward',
      applicant: { meaning: '事業実績報告を受け付けました。', next: '事務局が内容を確認し、補助金の額を確定してお知らせします。', amount: 'decided' },
    },
    {
      code: 'amountFixed',
      label: '額確定',
      kind: 'active',
      tone: 'positive',
      tags: ['awaitsPayment'],
      applicant: { meaning: '補助金の額が確定しました（額の確定）。', next: '確定した額をお支払いします。', amount: 'decided' },
    },
    {
      code: 'paid',
      label: '支払済',
      kind: 'active',
      tone: 'positive',
      applicant: { meaning: '補助金のお支払い手続きが完了しました。', next: '入金をご確認ください。今後、効果報告を提出してください。', amount: 'decided' },
    },
    {
      code: 'effectReported',
      label: '効果報告',
      kind: 'terminal',
      tone: 'positive',
      applicant: { meaning: '効果報告を受け付けています。', next: '定められた期間、効果報告を提出してください。', amount: 'decided' },
    },
    {
      code: 'notGranted',
      label: '不交付',
      kind: 'terminal',
      tone: 'negative',
      applicant: {
        meaning: '交付申請の内容を確認した結果、補助金は交付されないこととなりました（不交付）。',
        next: 'この申請についての手続きは終了しました。',
        amount: 'none',
      },
    },
    {
      code: 'withdrawn',
      label: '取下げ',
      kind: 'terminal',
      tone: 'negative',
      applicant: { meaning: '申請は取り下げられました。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
    },
  ],
  transitions: [
    {
      name: 'applyForGrant',
      label: '交付申請する',
      from: ['draft'],
      to: 'grantApplied',
      roles: ['applicant', 'intake'],
      guards: ['afterRoundOpens', 'beforeRoundCloses', 'quoteEligible'],
      effects: [stamp('submittedAt'), stamp('grantAppliedAt'), notify('received')],
    },
    {
      name: 'returnForCorrection',
      label: '差し戻す',
      from: ['grantApplied', 'resubmitted'],
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
      label: '補正期限切れ（不交付）',
      from: ['returned'],
      to: 'notGranted',
      roles: ['system', 'manager'],
      guards: ['correctionDeadlinePassed'],
      effects: [stamp('decidedAt'), notify('notGranted'), holdUntilAnnouncement],
    },
    {
      name: 'decideGrant',
      label: '交付決定する',
      from: ['grantApplied', 'resubmitted'],
      to: 'grantDecided',
      roles: ['manager'],
      guards: ['formalCheckPassed', 'amountComputed'],
      effects: [stamp('grantDecidedAt'), notify('grantDecided'), holdUntilAnnouncement],
    },
    {
      name: 'refuseGrant',
      label: '不交付とする',
      from: ['grantApplied', 'resubmitted'],
      to: 'notGranted',
      roles: ['manager'],
      effects: [requireReason, stamp('decidedAt'), notify('notGranted'), holdUntilAnnouncement],
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
      name: 'returnPerformanceReport',
      label: '実績報告を差し戻す',
      from: ['performanceReported'],
      to: 'grantDecided',
      roles: ['reviewer', 'manager'],
      effects: [requireReason, stamp('returnedAt'), notify('performanceReportReturned')],
    },
    {
      name: 'fixAmount',
      label: '額を確定する',
      from: ['performanceReported'],
      to: 'amountFixed',
      roles: ['manager'],
      guards: ['amountComputed'],
      effects: [stamp('amountFixedAt'), notify('amountFixed')],
    },
    {
      name: 'pay',
      label: '交付（支払）する',
      from: ['amountFixed'],
      to: 'paid',
      roles: ['manager', 'system'],
      guards: ['paidByBatch'],
      effects: [stamp('paidAt'), notify('paid')],
    },
    {
      name: 'reportEffect',
      label: '効果報告する',
      from: ['paid'],
      to: 'effectReported',
      roles: ['applicant', 'intake', 'system'],
      effects: [stamp('effectReportedAt')],
    },
    {
      name: 'withdraw',
      label: '取り下げる',
      from: ['draft', 'grantApplied', 'returned', 'resubmitted'],
      to: 'withdrawn',
      roles: ['applicant', 'intake'],
      effects: [requireReason, stamp('withdrawnAt'), notify('withdrawn')],
    },
  ],
});
