import { ACCESS_TABLE, ACTIONS, canAccess, WRITE_ACTIONS, type Action } from './canAccess';
import { STAFF_ROLES, type StaffRole } from './roles';

type Row = [rule: string, role: StaffRole, resource: string, allowed: readonly Action[]];

/** every CRUD action and export; `bulk` only where a list has a 一括操作 */
const ALL: readonly Action[] = ['list', 'show', 'create', 'edit', 'delete', 'export'];
const READ: readonly Action[] = ['list', 'show'];
const READ_EXPORT: readonly Action[] = ['list', 'show', 'export'];
const NONE: readonly Action[] = [];
const MAINTAIN: readonly Action[] = ['list', 'show', 'create', 'edit', 'export'];

// One row per role × resource: exactly these actions are allowed, every other action is refused.
const rows: Row[] = [
  ['users are managed by admin only', 'admin', 'users', ALL],
  ['users are managed by admin only', 'manager', 'users', NONE],
  ['users are managed by admin only', 'reviewer', 'users', NONE],
  ['users are managed by admin only', 'auditor', 'users', NONE],
  // Rules configuration (rules.write = admin in the API); no DELETE route for programmes and rule sets.
  ...(['programs', 'rule-sets'] as const).flatMap((resource): Row[] => [
    [`${resource}: admin maintains (no delete: the API keeps them)`, 'admin', resource, MAINTAIN],
    [`${resource}: manager reads (rules.write is admin only)`, 'manager', resource, READ_EXPORT],
    [`${resource}: reviewer only reads`, 'reviewer', resource, READ],
    [`${resource}: auditor only reads (and exports)`, 'auditor', resource, READ_EXPORT],
  ]),
  ['categories: admin has full access (an unused category of an unlocked rule set can go)', 'admin', 'categories', ALL],
  ['categories: manager reads (rules.write is admin only)', 'manager', 'categories', READ_EXPORT],
  ['categories: reviewer only reads', 'reviewer', 'categories', READ],
  ['categories: auditor only reads (and exports)', 'auditor', 'categories', READ_EXPORT],
  ['rounds: admin maintains (no delete route)', 'admin', 'rounds', MAINTAIN],
  ['rounds: manager maintains (rounds.write)', 'manager', 'rounds', MAINTAIN],
  ['rounds: reviewer only reads', 'reviewer', 'rounds', READ],
  ['rounds: auditor only reads (and exports)', 'auditor', 'rounds', READ_EXPORT],
  ['applications: admin reads and exports (fires no business transition)', 'admin', 'applications', READ_EXPORT],
  ['applications: manager reads, exports and runs 一括操作 (bulkTransition)', 'manager', 'applications', ['list', 'show', 'export', 'bulk']],
  ['applications: reviewer reads and exports its assigned ones (the API scopes; buttons come from the API), no bulk', 'reviewer', 'applications', READ_EXPORT],
  ['applications: auditor only reads (and exports)', 'auditor', 'applications', READ_EXPORT],
  ...(['admin', 'manager', 'reviewer', 'auditor'] as const).map((role): Row => [
    'application-exports: everyone lists their exports (the API shows a manager all)',
    role,
    'application-exports',
    ['list'],
  ]),
  [
    'intake-channels: admin creates, reads and revokes (no edit: a key is never changed)',
    'admin',
    'intake-channels',
    ['list', 'show', 'create', 'delete', 'export'],
  ],
  ['intake-channels: manager has no access', 'manager', 'intake-channels', NONE],
  ['intake-channels: reviewer has no access', 'reviewer', 'intake-channels', NONE],
  ['intake-channels: auditor has no access', 'auditor', 'intake-channels', NONE],
  ['imports: admin has no access (imports.manage is manager)', 'admin', 'imports', NONE],
  ['imports: manager uploads and follows imports', 'manager', 'imports', ['list', 'show', 'create']],
  ['imports: reviewer has no access', 'reviewer', 'imports', NONE],
  ['imports: auditor has no access', 'auditor', 'imports', NONE],
  ['audit-logs: admin reads', 'admin', 'audit-logs', READ_EXPORT],
  ['audit-logs: manager has no access', 'manager', 'audit-logs', NONE],
  ['audit-logs: reviewer has no access', 'reviewer', 'audit-logs', NONE],
  ['audit-logs: auditor reads', 'auditor', 'audit-logs', READ_EXPORT],
  ['notifications: admin reads, no resend (notifications.resend is manager)', 'admin', 'notifications', READ_EXPORT],
  ['notifications: manager reads and resends (notifications.resend)', 'manager', 'notifications', ['list', 'show', 'export', 'resend']],
  ['notifications: reviewer has no access', 'reviewer', 'notifications', NONE],
  ['notifications: auditor reads, never resends', 'auditor', 'notifications', READ_EXPORT],
  ['notification-templates: admin reads', 'admin', 'notification-templates', READ],
  ['notification-templates: manager edits (a save is a new version; nothing is deleted)', 'manager', 'notification-templates', ['list', 'show', 'edit']],
  ['notification-templates: reviewer has no access', 'reviewer', 'notification-templates', NONE],
  ['notification-templates: auditor reads', 'auditor', 'notification-templates', READ],
  ['score-sheets: a reviewer scores their own (review.score)', 'reviewer', 'score-sheets', ['list', 'show', 'edit']],
  ...(['admin', 'manager', 'auditor'] as const).map((role): Row => [
    `score-sheets: ${role} has no queue (reviews are read on the application)`,
    role,
    'score-sheets',
    NONE,
  ]),
  ...(['review-rubrics', 'reviewers'] as const).flatMap((resource): Row[] => [
    [`${resource}: admin reads (review.read)`, 'admin', resource, READ],
    [`${resource}: manager edits (review.configure)`, 'manager', resource, ['list', 'show', 'edit']],
    [`${resource}: reviewer has no access`, 'reviewer', resource, NONE],
    [`${resource}: auditor reads`, 'auditor', resource, READ],
  ]),
  ['review-assignments: admin reads', 'admin', 'review-assignments', READ],
  ['review-assignments: manager assigns, reassigns and revokes (review.assign)', 'manager', 'review-assignments', ['list', 'show', 'create', 'edit', 'delete']],
  ['review-assignments: reviewer reads their own', 'reviewer', 'review-assignments', READ],
  ['review-assignments: auditor reads', 'auditor', 'review-assignments', READ],
  ['conflicts-of-interest: admin reads', 'admin', 'conflicts-of-interest', READ],
  ['conflicts-of-interest: manager declares and revokes', 'manager', 'conflicts-of-interest', ['list', 'show', 'create', 'delete']],
  ['conflicts-of-interest: reviewer declares their own, never revokes', 'reviewer', 'conflicts-of-interest', ['list', 'show', 'create']],
  ['conflicts-of-interest: auditor reads', 'auditor', 'conflicts-of-interest', READ],
  ['application-memos: admin reads', 'admin', 'application-memos', READ],
  ['application-memos: manager writes (memos.write)', 'manager', 'application-memos', ['list', 'show', 'create']],
  ['application-memos: reviewer writes on applications they can see (the API scopes)', 'reviewer', 'application-memos', ['list', 'show', 'create']],
  ['application-memos: auditor reads', 'auditor', 'application-memos', READ],
  ['inquiries: admin reads', 'admin', 'inquiries', READ],
  ['inquiries: manager records (inquiries.write)', 'manager', 'inquiries', ['list', 'show', 'create']],
  ['inquiries: reviewer reads those of their applications', 'reviewer', 'inquiries', READ],
  ['inquiries: auditor reads', 'auditor', 'inquiries', READ],
  ['bank-accounts: manager registers and changes (bankAccounts.write), deletes none', 'manager', 'bank-accounts', ['list', 'show', 'create', 'edit']],
  ['payment-batches: manager creates, confirms and cancels (paymentBatches.write)', 'manager', 'payment-batches', ['list', 'show', 'create', 'edit']],
  ['payment-batches: auditor reads', 'auditor', 'payment-batches', READ],
  ['payment-batches: reviewers do not see them', 'reviewer', 'payment-batches', NONE],
  ['payment-batches: administrators do not see them', 'admin', 'payment-batches', NONE],
  ['commercialization-reports: a manager lists the overdue 事業化状況報告', 'manager', 'commercialization-reports', ['list']],
  ['commercialization-reports: auditor lists them', 'auditor', 'commercialization-reports', ['list']],
  ['commercialization-reports: reviewers do not see them', 'reviewer', 'commercialization-reports', NONE],
  ['commercialization-reports: administrators do not see them', 'admin', 'commercialization-reports', NONE],
  ['bank-accounts: auditor reads', 'auditor', 'bank-accounts', READ],
  ["bank-accounts: reviewers do not see payees' accounts", 'reviewer', 'bank-accounts', NONE],
  ["bank-accounts: administrators do not see payees' accounts", 'admin', 'bank-accounts', NONE],
  ['status-links: a manager revokes an application’s status-page links', 'manager', 'status-links', ['delete']],
  ['status-links: admin does not revoke them', 'admin', 'status-links', NONE],
  ['status-links: reviewer does not revoke them', 'reviewer', 'status-links', NONE],
  ['status-links: auditor does not revoke them', 'auditor', 'status-links', NONE],
  ['adoption: admin has no simulator', 'admin', 'adoption', NONE],
  ['adoption: manager simulates, commits (create) and exports', 'manager', 'adoption', ['list', 'create', 'export']],
  ['adoption: reviewer has no simulator', 'reviewer', 'adoption', NONE],
  ['adoption: auditor simulates and exports, never commits', 'auditor', 'adoption', ['list', 'export']],
  ['pipeline: admin sees the rounds on the dashboard', 'admin', 'pipeline', ['list']],
  ['pipeline: manager sees the rounds on the dashboard and reminds overdue reviewers (催促)', 'manager', 'pipeline', ['list', 'remind']],
  ['pipeline: reviewer has their own work instead', 'reviewer', 'pipeline', NONE],
  ['pipeline: auditor sees the rounds on the dashboard', 'auditor', 'pipeline', ['list']],
];

describe('canAccess', () => {
  const cases = rows.flatMap(([rule, role, resource, allowed]) => ACTIONS.map((action) => [rule, role, resource, action, allowed.includes(action)] as const));

  it.each(cases)('%s: %s %s %s → %s', (_rule, role, resource, action, expected) => {
    expect(canAccess(role, resource, action)).toBe(expected);
  });

  it('covers every role for every resource in the table (no resource left untested)', () => {
    const tested = new Set(rows.map(([, role, resource]) => `${role}:${resource}`));
    for (const resource of Object.keys(ACCESS_TABLE)) {
      for (const role of STAFF_ROLES) expect(tested.has(`${role}:${resource}`)).toBe(true);
    }
  });

  it('names every resource by its API path (kebab-case), since ra-data-simple-rest requests /api/<resource>', () => {
    for (const resource of Object.keys(ACCESS_TABLE)) expect(resource).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(canAccess('admin', 'auditLogs', 'list')).toBe(false);
    expect(canAccess('admin', 'ruleSets', 'list')).toBe(false);
  });

  it('never lets an auditor create, edit or delete anything', () => {
    for (const resource of [...Object.keys(ACCESS_TABLE), 'somethingNew']) {
      for (const action of WRITE_ACTIONS) expect(canAccess('auditor', resource, action)).toBe(false);
    }
  });

  it.each([
    ['an unknown resource', 'admin', 'invoices', 'list'],
    ['an unknown action', 'admin', 'users', 'impersonate'],
    ['an unknown role', 'applicant', 'applications', 'list'],
    ['no role (signed out)', undefined, 'applications', 'list'],
    ['a prototype key as resource', 'admin', '__proto__', 'list'],
    ['a prototype key as resource', 'admin', 'constructor', 'list'],
  ])('denies %s', (_what, role, resource, action) => {
    expect(canAccess(role, resource, action)).toBe(false);
  });
});
