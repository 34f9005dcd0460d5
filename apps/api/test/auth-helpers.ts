import type { StaffRole } from '../src/auth/roles';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { DEMO_EMAIL, login, loginAdmin, type LoggedIn } from '../src/testing/staff';
import type { TestApp } from './harness';

// Staff seeding and logins live in the API's test kit (apps/api/src/testing/staff.ts), which the admin's
// browser tests share.
export { ADMIN_TEST_PASSWORD, DEMO_EMAIL, login, loginAdmin, refreshCookieOf, seedStaff, type LoggedIn } from '../src/testing/staff';

/** A ready session for every staff role. */
export async function loginEveryRole(t: TestApp): Promise<Record<StaffRole, LoggedIn>> {
  return {
    admin: await loginAdmin(t),
    manager: await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD),
    reviewer: await login(t, DEMO_EMAIL.reviewer, DEMO_PASSWORD),
    auditor: await login(t, DEMO_EMAIL.auditor, DEMO_PASSWORD),
  };
}
