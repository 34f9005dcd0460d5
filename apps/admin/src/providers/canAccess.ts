import { isStaffRole, type StaffRole } from './roles';

/**
 * Who may do what in the admin UI. The API is the real authority (guards and the workflow engine
 * refuse anything not allowed); this table only decides what the UI offers: menu entries (react-admin
 * asks `list` for each <Resource>), pages (`list`/`show`/`edit`/`create`) and buttons (`edit`,
 * `delete`, `create`) and `bulk` (一括操作 on a list's selection), `resend` (再送 of a notification), `remind` (催促 of a
 * reviewer from the dashboard). Anything not listed is denied,
 * including unknown resources and actions.
 */
export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'export', 'bulk', 'resend', 'remind'] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions that change data; an auditor never gets one of these, whatever the table says. */
export const WRITE_ACTIONS: readonly Action[] = ['create', 'edit', 'delete', 'resend', 'remind'];

type Permissions = Partial<Record<StaffRole, readonly Action[]>>;

const FULL: readonly Action[] = ['list', 'show', 'create', 'edit', 'delete', 'export'];
const READ: readonly Action[] = ['list', 'show'];
const READ_EXPORT: readonly Action[] = ['list', 'show', 'export'];
/** Create and edit but no delete: the API has no DELETE route for these (history stays). */
const MAINTAIN: readonly Action[] = ['list', 'show', 'create', 'edit', 'export'];

/**
 * Keys are react-admin resource names, which ra-data-simple-rest turns into URL paths
 * (`/api/<resource>`), so they are the API's kebab-case paths: `rule-sets`, `audit-logs`.
 * Rows follow the API's policies (apps/api/src/auth/policy.ts) so the UI never offers a button
 * the API would refuse with 403.
 */
export const ACCESS_TABLE: Record<string, Permissions> = {
  // 利用者 (staff accounts): admin only. DELETE deactivates (the account and its history stay).
  users: { admin: FULL },
  // 事業, 予算・版, 類型: configuration (rules.write = admin); every staff member reads them.
  programs: { admin: MAINTAIN, manager: READ_EXPORT, reviewer: READ, auditor: READ_EXPORT },
  'rule-sets': { admin: MAINTAIN, manager: READ_EXPORT, reviewer: READ, auditor: READ_EXPORT },
  // a category of an unlocked rule set that no round offers can be deleted
  categories: { admin: FULL, manager: READ_EXPORT, reviewer: READ, auditor: READ_EXPORT },
  // 公募: dates, offered categories and budgets are run by managers too (rounds.write).
  rounds: { admin: MAINTAIN, manager: MAINTAIN, reviewer: READ, auditor: READ_EXPORT },
  // 申請: everyone reads; no create/edit/delete (they arrive through intake, change only by
  // transitions). The buttons of one application come from the API (`transitions` = what this user may
  // fire now), so no action here stands for them; `bulk` (一括操作) is applications.bulkTransition = manager.
  // `export` is applications.export (every role; the API exports only what the person may see).
  applications: { admin: READ_EXPORT, manager: ['list', 'show', 'export', 'bulk'], reviewer: READ_EXPORT, auditor: READ_EXPORT },
  // エクスポート: one's own exports of the 申請 list (a manager's: everyone's), with progress and download.
  'application-exports': { admin: ['list'], manager: ['list'], reviewer: ['list'], auditor: ['list'] },
  // 受付窓口: intake channels and their API keys (intakeChannels.manage = admin); DELETE revokes the key.
  'intake-channels': { admin: ['list', 'show', 'create', 'delete', 'export'] },
  // 一括取込: bulk imports of applications from CSV / Excel (imports.manage = manager).
  imports: { manager: ['list', 'show', 'create'] },
  // 監査ログ: append-only, read by admin and auditor.
  'audit-logs': { admin: READ_EXPORT, auditor: READ_EXPORT },
  // 通知: produced by the system; read by admin, manager and auditor; 再送 is notifications.resend = manager.
  notifications: { admin: READ_EXPORT, manager: ['list', 'show', 'export', 'resend'], auditor: READ_EXPORT },
  // テンプレート: every save is a new version (notificationTemplates.write = manager); admin and auditor read.
  'notification-templates': { admin: READ, manager: ['list', 'show', 'edit'], auditor: READ },
  // 書面審査と採択 (review.* and adoption.* in the API's policy):
  // 担当する審査 = a reviewer's own score sheets (review.score); the scoring form is its edit page.
  'score-sheets': { reviewer: ['list', 'show', 'edit'] },
  // 審査基準 and 割当ボード (the reviewer pool with its load): review.read, changed by review.configure = manager.
  'review-rubrics': { admin: READ, manager: ['list', 'show', 'edit'], auditor: READ },
  reviewers: { admin: READ, manager: ['list', 'show', 'edit'], auditor: READ },
  // 割当: everyone reads (a reviewer their own); assign, reassign (edit) and revoke (delete) = review.assign = manager.
  'review-assignments': { admin: READ, manager: ['list', 'show', 'create', 'edit', 'delete'], reviewer: READ, auditor: READ },
  // 利益相反: a reviewer declares their own; a manager declares for anyone and revokes (delete).
  'conflicts-of-interest': { admin: READ, manager: ['list', 'show', 'create', 'delete'], reviewer: ['list', 'show', 'create'], auditor: READ },
  // メモ and 問い合わせ of an application (its show page's tabs): everyone reads (a reviewer on the applications
  // they can see, scoped by the API); memos.write = manager, reviewer; inquiries.write = manager. Nothing is edited or deleted.
  'application-memos': { admin: READ, manager: ['list', 'show', 'create'], reviewer: ['list', 'show', 'create'], auditor: READ },
  inquiries: { admin: READ, manager: ['list', 'show', 'create'], reviewer: READ, auditor: READ },
  // 受取人の口座 of an application (its show page's tab 「口座」): managers register and change it
  // (bankAccounts.write), auditors read it (bankAccounts.read); reviewers and administrators do not see it.
  'bank-accounts': { manager: ['list', 'show', 'create', 'edit'], auditor: READ },
  // 支払バッチ: managers create, download, confirm and cancel them (paymentBatches.write); auditors read them.
  'payment-batches': { manager: ['list', 'show', 'create', 'edit'], auditor: READ },
  // 事業化状況報告 (docs/post-award.md): the overdue list for managers; auditors read it
  'commercialization-reports': { manager: ['list'], auditor: ['list'] },
  // 申請状況ページのリンク (a button on an application's page, not a list): `delete` = revoking an application's
  // links (statusLinks.revoke = manager).
  'status-links': { manager: ['delete'] },
  // シミュレーター (a page, no API resource of that name): adoption.simulate reads; `create` = 採択を確定
  // (adoption.decide = manager); `export` = the adopted list and the scores (review.export).
  adoption: { manager: ['list', 'create', 'export'], auditor: ['list', 'export'] },
  // ダッシュボードの「公募回の状況」(GET /api/pipeline = pipeline.read): a widget, not a menu entry;
  // `remind` = 催促 of an overdue reviewer (pipeline.remind = manager).
  pipeline: { admin: ['list'], manager: ['list', 'remind'], auditor: ['list'] },
};

export function canAccess(role: unknown, resource: string, action: string): boolean {
  if (!isStaffRole(role)) return false;
  if (role === 'auditor' && (WRITE_ACTIONS as readonly string[]).includes(action)) return false;
  const allowed = Object.prototype.hasOwnProperty.call(ACCESS_TABLE, resource) ? ACCESS_TABLE[resource]![role] : undefined;
  return !!allowed && (allowed as readonly string[]).includes(action);
}
