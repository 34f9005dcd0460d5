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
//   no separate 確定検査 state, the check is part of fixing the amount.
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
  states: [
    { code: 'draft', label: '下書き', kind: 'initial', tone: 'neutral' },
    { code: 'grantApplied', label: '交付申請', kind: 'active', tone: 'postAward', tags: ['awaitsFormalCheck'] },
    { code: 'returned', label: '差戻し', kind: 'active', tone: 'attention', tags: ['returnedToApplicant', 'correctionDeadlineWatched'] },
    { code: 'resubmitted', label: '再提出', kind: 'active', tone: 'progress', tags: ['awaitsFormalCheck'] },
    { code: 'grantDecided', label: '交付決定', kind: 'active', tone: 'positive' },
    { code: 'performanceReported', label: '実績報告', kind: 'active', tone: 'postAward' },
    { code: 'amountFixed', label: '額確定', kind: 'active', tone: 'positive' },
    { code: 'paid', label: '支払済', kind: 'active', tone: 'positive' },
    { code: 'effectReported', label: '効果報告', kind: 'terminal', tone: 'positive' },
    { code: 'notGranted', label: '不交付', kind: 'terminal', tone: 'negative' },
    { code: 'withdrawn', label: '取下げ', kind: 'terminal', tone: 'negative' },
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
      guards: ['formalCheckPassed'],
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
      effects: [stamp('amountFixedAt'), notify('amountFixed')],
    },
    {
      name: 'pay',
      label: '交付（支払）する',
      from: ['amountFixed'],
      to: 'paid',
      roles: ['manager', 'system'],
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
