// 給付金 (事業復活支援金): 申請ID発行 → 事前確認 → 申請 → 審査 (不備 ⇄ 再提出) → 給付決定 → 振込完了.
//
// Choices where the brief is silent (what a secretariat would expect):
// - The 事前確認 is done by a 登録確認機関 outside the secretariat; its result arrives by intake or
//   by an integration (system). Earlier 一時支援金/月次支援金 recipients skip it (waivePreCheck,
//   guard previousRecipient).
// - Submission needs the 申請期間 open and the computed benefit eligible (売上高減少要件 met).
// - There is no 採択発表: decisions are notified at once, not held.
// - The 要件確認 checklist (documents, 売上高減少要件, 事前確認) is done on the filed application
//   (submitted or resubmitted, awaitsFormalCheck), without a state of its own: its 適 starts the
//   審査 (startReview, towards the manager's 給付決定), its 不適 items go back as 不備 (markDeficient,
//   possible on a filed application too). startReview reads the recorded 適 (formalCheckPassed): a bare
//   transition cannot start the 審査 before the checklist passed. It has no 要件不適合: the manager decides 不給付.
// - 不備 may also be raised on a resubmission straight away (deficient ⇄ resubmitted), and an
//   application left deficient past its 補正期限 is reminded and closed as 不給付 by the scheduler
//   (correctionDeadlineWatched).
// - 取下げ is possible until the 給付決定; after it, a refund (返還) is a separate procedure.
// - The later 差額給付 top-up under the same 申請ID is a new application linked to this one.
import type { WorkflowDefinition } from '../engine/definition';
import type { GuardName } from '../engine/guards';
import { loadDefinition } from '../engine/validate';
import { notify, requireReason, stamp } from './effects';

export const BENEFIT_V1: WorkflowDefinition<GuardName> = loadDefinition<WorkflowDefinition<GuardName>>({
  code: 'benefit',
  version: 1,
  label: '給付金（事業復活支援金）',
  // 要件確認 on the filed application: its 適 starts the 審査, its 不適 is 不備
  formalCheck: { pass: 'startReview', return: 'markDeficient' },
  // a 給付金 has no 採択 and no 交付: the computed 給付額 is quoted at filing and the 給付決定 pays it (README "事業復活支援金")
  amountTerms: { quote: '給付額（見込み）', adopted: null },
  states: [
    {
      code: 'idIssued',
      label: '申請ID発行',
      kind: 'initial',
      tone: 'neutral',
      applicant: {
        meaning: '申請IDを発行しました。申請はまだ提出されていません。',
        next: '登録確認機関の事前確認を受けたうえで、申請を提出してください。',
        amount: 'none',
      },
    },
    {
      code: 'preChecked',
      label: '事前確認済',
      kind: 'active',
      tone: 'progress',
      applicant: { meaning: '事前確認が済んでいます。申請はまだ提出されていません。', next: '申請を提出してください。', amount: 'none' },
    },
    {
      code: 'submitted',
      label: '申請済',
      kind: 'active',
      tone: 'progress',
      tags: ['awaitsFormalCheck'],
      applicant: {
        meaning: '申請を受け付けました。事務局が申請内容を確認します。',
        next: '審査の結果（給付決定）は改めてお知らせします。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'underReview',
      label: '審査中',
      kind: 'active',
      tone: 'progress',
      applicant: {
        meaning: '事務局が申請を審査しています。',
        next: '審査の結果（給付決定）は改めてお知らせします。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'deficient',
      label: '不備',
      kind: 'active',
      tone: 'attention',
      tags: ['returnedToApplicant', 'correctionDeadlineWatched'],
      applicant: {
        meaning: '申請内容に不備がありました（不備）。',
        next: 'お知らせした事項を修正のうえ、補正期限までに再提出してください。期限までに再提出がない場合、給付金は給付されません。',
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
        meaning: '不備を修正した申請（再提出）を受け付けました。',
        next: '事務局が修正内容を確認します。お手続きは必要ありません。',
        amount: 'estimate',
      },
    },
    {
      code: 'benefitDecided',
      label: '給付決定',
      kind: 'active',
      tone: 'positive',
      tags: ['awaitsPayment'],
      applicant: {
        meaning: '給付金の給付が決定しました（給付決定）。',
        next: 'ご登録の口座へ振り込みます。振込が完了したら改めてお知らせします。',
        amount: 'decided',
      },
    },
    {
      code: 'transferred',
      label: '振込完了',
      kind: 'terminal',
      tone: 'positive',
      applicant: { meaning: '給付金の振込が完了しました。', next: 'ご登録の口座への入金をご確認ください。手続きはこれで終了です。', amount: 'decided' },
    },
    {
      code: 'notGranted',
      label: '不給付',
      kind: 'terminal',
      tone: 'negative',
      applicant: { meaning: '審査の結果、給付金は給付されないこととなりました（不給付）。', next: 'この申請についての手続きは終了しました。', amount: 'none' },
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
      name: 'confirmPreCheck',
      label: '事前確認済とする',
      from: ['idIssued'],
      to: 'preChecked',
      roles: ['intake', 'system'],
      effects: [stamp('preCheckedAt')],
    },
    {
      name: 'waivePreCheck',
      label: '事前確認を省略（受給実績あり）',
      from: ['idIssued'],
      to: 'preChecked',
      roles: ['intake', 'system'],
      guards: ['previousRecipient'],
      effects: [stamp('preCheckedAt')],
    },
    {
      name: 'submit',
      label: '申請する',
      from: ['preChecked'],
      to: 'submitted',
      roles: ['applicant', 'intake'],
      guards: ['afterRoundOpens', 'beforeRoundCloses', 'quoteEligible'],
      effects: [stamp('submittedAt'), notify('received')],
    },
    {
      name: 'startReview',
      label: '審査を開始',
      from: ['submitted', 'resubmitted'],
      to: 'underReview',
      roles: ['reviewer', 'system'],
      // the checklist's 適 (formalCheck.pass): only once it is recorded, as the subsidies' passFormalCheck (validate.ts)
      guards: ['formalCheckPassed'],
    },
    {
      name: 'markDeficient',
      label: '不備として差し戻す',
      from: ['submitted', 'underReview', 'resubmitted'],
      to: 'deficient',
      roles: ['reviewer'],
      effects: [requireReason, stamp('returnedAt'), notify('deficient')],
    },
    {
      name: 'resubmit',
      label: '再提出する',
      from: ['deficient'],
      to: 'resubmitted',
      roles: ['applicant', 'intake'],
      guards: ['beforeCorrectionDeadline'],
      effects: [stamp('resubmittedAt'), notify('resubmissionReceived')],
    },
    {
      name: 'closeUncorrected',
      label: '補正期限切れ（不給付）',
      from: ['deficient'],
      to: 'notGranted',
      roles: ['system', 'manager'],
      guards: ['correctionDeadlinePassed'],
      effects: [stamp('decidedAt'), notify('notGranted')],
    },
    {
      name: 'decideBenefit',
      label: '給付決定する',
      from: ['underReview'],
      to: 'benefitDecided',
      roles: ['manager'],
      guards: ['quoteEligible'],
      effects: [stamp('decidedAt'), notify('benefitDecided')],
    },
    {
      name: 'refuseBenefit',
      label: '不給付とする',
      from: ['underReview'],
      to: 'notGranted',
      roles: ['manager'],
      effects: [requireReason, stamp('decidedAt'), notify('notGranted')],
    },
    {
      name: 'recordTransfer',
      label: '振込完了とする',
      from: ['benefitDecided'],
      to: 'transferred',
      roles: ['manager', 'system'],
      // recorded by the confirmation of the 支払バッチ that transferred it (docs/payments.md)
      guards: ['paidByBatch'],
      effects: [stamp('paidAt'), notify('transferred')],
    },
    {
      name: 'withdraw',
      label: '取り下げる',
      from: ['idIssued', 'preChecked', 'submitted', 'underReview', 'deficient', 'resubmitted'],
      to: 'withdrawn',
      roles: ['applicant', 'intake'],
      effects: [requireReason, stamp('withdrawnAt'), notify('withdrawn')],
    },
  ],
});
