import { ACCESS_TABLE, ACTIONS, canAccess, WRITE_ACTIONS, type Action } from './canAccess';
import { STAFF_ROLES, type StaffRole } from './roles';

type Row = [rule: string, role: StaffRole, resource: string, allowed: readonly Action[]];

const ALL = ACTIONS;
const READ: readonly Action[] = ['list', 'show'];
const READ_EXPORT: readonly Action[] = ['list', 'show', 'export'];
const NONE: readonly Action[] = [];

// One row per role × resource: exactly these actions are allowed, every other action is refused.
const rows: Row[] = [
  ['users are managed by admin only', 'admin', 'users', ALL],
  ['users are managed by admin only', 'manager', 'users', NONE],
  ['users are managed by admin only', 'reviewer', 'users', NONE],
  ['users are managed by admin only', 'auditor', 'users', NONE],
  ...(['programs', 'ruleSets', 'categories', 'rounds'] as const).flatMap((resource): Row[] => [
    [`${resource}: admin has full access`, 'admin', resource, ALL],
    [`${resource}: manager has full access`, 'manager', resource, ALL],
    [`${resource}: reviewer only reads`, 'reviewer', resource, READ],
    [`${resource}: auditor only reads (and exports)`, 'auditor', resource, READ_EXPORT],
  ]),
  ['applications: admin reads but fires no business transition', 'admin', 'applications', READ_EXPORT],
  ['applications: manager reads and acts', 'manager', 'applications', ['list', 'show', 'edit', 'export']],
  ['applications: reviewer reads and acts, no bulk export', 'reviewer', 'applications', ['list', 'show', 'edit']],
  ['applications: auditor only reads', 'auditor', 'applications', READ_EXPORT],
  ['auditLogs: admin reads', 'admin', 'auditLogs', READ_EXPORT],
  ['auditLogs: manager has no access', 'manager', 'auditLogs', NONE],
  ['auditLogs: reviewer has no access', 'reviewer', 'auditLogs', NONE],
  ['auditLogs: auditor reads', 'auditor', 'auditLogs', READ_EXPORT],
  ['notifications: admin reads', 'admin', 'notifications', READ_EXPORT],
  ['notifications: manager reads', 'manager', 'notifications', READ_EXPORT],
  ['notifications: reviewer has no access', 'reviewer', 'notifications', NONE],
  ['notifications: auditor reads', 'auditor', 'notifications', READ_EXPORT],
];

describe('canAccess', () => {
  const cases = rows.flatMap(([rule, role, resource, allowed]) =>
    ACTIONS.map((action) => [rule, role, resource, action, allowed.includes(action)] as const),
  );

  it.each(cases)('%s: %s %s %s → %s', (_rule, role, resource, action, expected) => {
    expect(canAccess(role, resource, action)).toBe(expected);
  });

  it('covers every role for every resource in the table (no resource left untested)', () => {
    const tested = new Set(rows.map(([, role, resource]) => `${role}:${resource}`));
    for (const resource of Object.keys(ACCESS_TABLE)) {
      for (const role of STAFF_ROLES) expect(tested.has(`${role}:${resource}`)).toBe(true);
    }
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
