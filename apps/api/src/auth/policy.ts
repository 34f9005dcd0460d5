import type { StaffRole } from './roles';

/**
 * The authorisation table: every action a route can perform and the roles allowed to. Each route
 * names exactly one action with @Policy(); a route without one is refused to everybody (fail closed)
 * and the authorisation matrix test fails until it is given one. Record-level rules (a reviewer sees
 * only assigned applications) live beside their feature's repository scope and are named here too.
 */
const ALL_STAFF: readonly StaffRole[] = ['admin', 'manager', 'reviewer', 'auditor'];

export const POLICIES = {
  /** own session: me, logout, password change (allowed even while a password change is pending) */
  'auth.self': ALL_STAFF,
  'users.read': ['admin'],
  'users.write': ['admin'],
  'auditLogs.read': ['admin', 'auditor'],
  /** programmes, rule sets, categories and rounds: every staff member reads them */
  'rules.read': ALL_STAFF,
  /** programmes, rule sets and categories are configuration: administrators */
  'rules.write': ['admin'],
  /** rounds (dates, offered categories, budgets) are run by the secretariat's managers */
  'rounds.write': ['admin', 'manager'],
  /** computing a quote changes nothing; every staff member may */
  'quotes.compute': ALL_STAFF,
  /** applications: everyone reads; a reviewer only those assigned (scope in ApplicationsRepository) */
  'applications.read': ALL_STAFF,
  /** firing one transition; the workflow definition then decides per transition which role may */
  'applications.transition': ['manager', 'reviewer'],
  'applications.bulkTransition': ['manager'],
  /** 再審査 in another 類型 (a special 枠 → 通常枠 of the same round): the manager who records decisions, with a reason */
  'applications.reconsider': ['manager'],
  /**
   * an application's 申請履歴 (the same applicant's applications across rounds and programmes, and the flags
   * for the reviewer): whoever reads the application, in the same scope
   */
  'applications.history': ALL_STAFF,
  /** recording, on the applicant's behalf, a 補正 received on paper for an application that came on paper (audited) */
  'applications.recordOnBehalf': ['manager'],
  /** 交付決定 and 額の確定 record amounts the rules compute (docs/post-award.md): the manager who decides */
  'postAward.decideGrant': ['manager'],
  'postAward.fixAmount': ['manager'],
  /** 確定検査: the inspector (a reviewer or manager) records the accepted expenses and the reasons of each reduction */
  'postAward.inspect': ['manager', 'reviewer'],
  /** 交付決定取消 (the 返還額 computed, a 納期限 set) and the repayments received: the manager who decides */
  'postAward.revokeGrant': ['manager'],
  'postAward.recordRepayment': ['manager'],
  /** the schedule of the yearly 事業化状況報告 and its overdue list (docs/post-award.md): managers follow it up, auditors read */
  'commercializationReports.read': ['manager', 'auditor'],
  /** revoking an application's status-page links (README "Status page"), audited; the next mail carries a new link */
  'statusLinks.revoke': ['manager'],
  /**
   * exporting the 申請 list (CSV / Excel) in the reader's scope (a reviewer only assigned applications); an
   * export's progress and file are for its requester and managers (ApplicationExportsService)
   */
  'applications.export': ALL_STAFF,
  /** an application's attachments (list, content): whoever reads the application, in the same scope; every download is audited */
  'attachments.read': ALL_STAFF,
  /** intake channels hold API keys: administrators */
  'intakeChannels.manage': ['admin'],
  /** bulk imports of applications (paper or partner lists): the secretariat's managers */
  'imports.manage': ['manager'],
  /** 要件確認: everyone reads the checklist; the assigned reviewer answers and completes it */
  'formalCheck.read': ALL_STAFF,
  'formalCheck.write': ['reviewer'],
  /**
   * an application's internal memos (staff only, append-only, audited): everyone reads, a reviewer only on
   * applications they can see (the application's scope); managers and reviewers write, a reviewer in that scope
   */
  'memos.read': ALL_STAFF,
  'memos.write': ['manager', 'reviewer'],
  /** the 問い合わせ log with applicants: everyone reads (a reviewer in the application's scope); managers record */
  'inquiries.read': ALL_STAFF,
  'inquiries.write': ['manager'],
  /**
   * payees' bank accounts (docs/payments.md): personal data that decides where money goes — the managers who run
   * payments enter and change them (audited), auditors read them; reviewers and administrators do not see them
   */
  'bankAccounts.read': ['manager', 'auditor'],
  'bankAccounts.write': ['manager'],
  // 支払バッチ: managers make, download, confirm and cancel them; auditors read them (docs/payments.md)
  'paymentBatches.read': ['manager', 'auditor'],
  'paymentBatches.write': ['manager'],
  /** 書面審査 set-up and oversight: rubrics, the reviewer pool, the ranking */
  'review.read': ['admin', 'manager', 'auditor'],
  /** rubrics and reviewer capacity/organisation: the secretariat's managers */
  'review.configure': ['manager'],
  /** assignments: a reviewer sees only their own (scope in AssignmentsService) */
  'review.assignments.read': ALL_STAFF,
  'review.assign': ['manager'],
  /** conflicts of interest: a reviewer sees and declares only their own */
  'review.conflicts.read': ALL_STAFF,
  'review.conflicts.declare': ['manager', 'reviewer'],
  'review.conflicts.revoke': ['manager'],
  /** score sheets: a reviewer reads and writes only their own; others' only after submitting */
  'review.scores.read': ALL_STAFF,
  'review.score': ['reviewer'],
  'review.reopen': ['manager'],
  /** the adoption simulator reads; committing 採択/補欠/不採択 is a manager's decision */
  'adoption.simulate': ['manager', 'auditor'],
  'adoption.decide': ['manager'],
  /** the dashboard's overview of every round */
  'pipeline.read': ['admin', 'manager', 'auditor'],
  /** 催促: mailing a reviewer about their overdue reviews, from the dashboard */
  'pipeline.remind': ['manager'],
  /** publication list and scoring export */
  'review.export': ['manager', 'auditor'],
  /** the messages sent to applicants */
  'notifications.read': ['admin', 'manager', 'auditor'],
  'notifications.resend': ['manager'],
  /** notification templates: every save is a new version; managers edit, those who read notifications read them */
  'notificationTemplates.read': ['admin', 'manager', 'auditor'],
  'notificationTemplates.write': ['manager'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type PolicyAction = keyof typeof POLICIES;

/** Actions a user whose password must change may still perform. */
export const ALLOWED_DURING_PASSWORD_CHANGE: readonly PolicyAction[] = ['auth.self'];

export function isAllowed(role: StaffRole, action: PolicyAction): boolean {
  return (POLICIES[action] as readonly StaffRole[]).includes(role);
}
