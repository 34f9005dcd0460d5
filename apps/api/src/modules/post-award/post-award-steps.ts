import { findTransition, initialState, type GuardName, type WorkflowDefinition } from '@jimukyoku/workflow';

/**
 * The applicant's steps after 採択 (docs/post-award.md) and the workflow transition each fires: filed through the
 * portal (intake API) or recorded by staff from paper. The names are the definitions' (subsidy.v2.ts).
 */
export const STEP_TRANSITIONS = {
  grantApplication: 'applyForGrant',
  advancePayment: 'requestAdvancePayment',
  performanceReport: 'reportPerformance',
  planChange: 'requestPlanChange',
  abandonment: 'requestAbandonment',
  withdrawal: 'withdraw',
  commercializationReport: 'reportCommercialization',
} as const;

export type PostAwardStep = keyof typeof STEP_TRANSITIONS;
export const POST_AWARD_STEPS = Object.keys(STEP_TRANSITIONS) as PostAwardStep[];

/** Japanese names of the steps, for messages and the admin. */
export const STEP_LABELS: Readonly<Record<PostAwardStep, string>> = {
  grantApplication: '交付申請',
  advancePayment: '概算払請求',
  performanceReport: '実績報告',
  planChange: '計画変更承認申請',
  abandonment: '事業廃止承認申請',
  withdrawal: '取下げ',
  commercializationReport: '事業化状況報告',
};

/** The staff transitions that record an amount computed by the rules (guard amountComputed). */
export const DECIDE_GRANT = 'decideGrant';
export const FIX_AMOUNT = 'fixAmount';

/**
 * Whether a workflow has its 交付決定額 and 確定額 computed and kept (subsidy@2, itSubsidy@1: its 交付決定 carries the
 * amount, guard amountComputed). subsidy@1 fires its 交付決定 and 額の確定 bare: no amounts are kept.
 */
export const keepsAmounts = (definition: WorkflowDefinition<GuardName>): boolean =>
  findTransition(definition, DECIDE_GRANT)?.guards?.includes('amountComputed') ?? false;

/**
 * Whether the application itself is its 交付申請 (IT導入: applyForGrant fires from the draft, there is no 採択): the
 * 交付決定 prices the application's own expenses and 申請額, recorded as its 交付申請 when the grant is decided
 * (docs/post-award.md "Amounts, each from the rules").
 */
export const appliesForGrantOnSubmission = (definition: WorkflowDefinition<GuardName>): boolean =>
  findTransition(definition, STEP_TRANSITIONS.grantApplication)?.from.includes(initialState(definition).code) ?? false;

/** Whether the procedure has the yearly 事業化状況報告 (the 補助金's; IT導入 has its 効果報告, which the product does not schedule). */
export const reportsCommercialization = (definition: WorkflowDefinition<GuardName>): boolean =>
  findTransition(definition, STEP_TRANSITIONS.commercializationReport) !== undefined;

/** 交付決定取消 and the 返還の確認: fired by the repayment routes with the 返還 they recorded (guard repaymentComputed). */
export const REVOKE_GRANT = 'revokeGrant';
export const RECORD_REPAYMENT = 'recordRepayment';

/** A manager's approval of a 計画変更: its changed expenses join what a 実績報告 or 概算払 may claim (grant-scope.ts). */
export const APPROVE_PLAN_CHANGE = 'approvePlanChange';

/** The 概算払 paid the whole 確定額: the system settles it with the 額の確定 (guard paidInAdvance), no batch can pay 0円. */
export const SETTLE_BY_ADVANCE_PAYMENT = 'settleByAdvancePayment';

/**
 * The 概算払 paid more than the 確定額: the system claims the excess back with the 額の確定 (guard advanceAboveFixedAmount),
 * and the repayment that completes that 返還 settles the project (guard repaymentComputed).
 */
export const CLAIM_ADVANCE_EXCESS = 'claimAdvanceExcess';
export const SETTLE_ADVANCE_EXCESS = 'settleAdvanceExcess';

/** The last yearly 事業化状況報告 filed ends the reporting period (報告期間終了), fired by the system with it. */
export const CLOSE_REPORTING = 'closeCommercializationReporting';
