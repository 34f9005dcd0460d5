import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { REFRESH_COOKIE } from '../auth/auth.controller';
import type { StaffRole } from '../auth/roles';
import { runSeed } from '../seed/seed-runner';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoStaffSeed, INITIAL_ADMIN, initialAdminSeed } from '../seed/staff-accounts.seed';
import type { TestApp } from './test-app';

/** The demo staff's password and the first administrator as the seed creates them (its password must change at the first login). */
export { DEMO_PASSWORD, INITIAL_ADMIN };

export interface LoggedIn {
  token: string;
  cookie: string;
  user: { id: string; role: StaffRole; mustChangePassword: boolean };
}

/**
 * Loads the staff seed (the first admin and the demo accounts) into the test app's database. Their stored hashes are
 * then swapped for argon2id hashes of the same passwords at argon2's lowest cost: the API verifies them with the same
 * code (argon2 reads the cost from the hash) in milliseconds rather than the half second production's cost takes on
 * purpose (auth/password.ts, pinned by password.spec.ts); some sixty test files seed the staff and log every role in.
 * A password changed through the API is hashed at production's cost again.
 */
export async function seedStaff(t: TestApp) {
  const db = t.app.get(DataSource);
  await runSeed(db, { demo: true, steps: [initialAdminSeed, demoStaffSeed] });
  for (const [password, emails] of [
    [INITIAL_ADMIN.password, [INITIAL_ADMIN.email]],
    [DEMO_PASSWORD, DEMO_ACCOUNTS.map((a) => a.email)],
  ] as const)
    await setCheapPassword(db, emails, password);
}

/**
 * A password of the staff's own for a test app in production mode, where the published ones sign no one in
 * (auth/published-passwords.ts).
 */
export const PRODUCTION_TEST_PASSWORD = 'lantern-cobalt-meadow-5203';

/** seedStaff, then every account's password PRODUCTION_TEST_PASSWORD (the first administrator's still to be changed). */
export async function seedStaffForProduction(t: TestApp) {
  await seedStaff(t);
  await setCheapPassword(t.app.get(DataSource), [INITIAL_ADMIN.email, ...DEMO_ACCOUNTS.map((a) => a.email)], PRODUCTION_TEST_PASSWORD);
}

async function setCheapPassword(db: DataSource, emails: readonly string[], password: string) {
  const cheap = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await db.query(`UPDATE staff_user SET password_hash = $2 WHERE email = ANY($1)`, [emails, cheap]);
}

/** The email of the demo account of each role but admin (all have DEMO_PASSWORD). */
export const DEMO_EMAIL: Record<Exclude<StaffRole, 'admin'>, string> = {
  manager: DEMO_ACCOUNTS.find((a) => a.role === 'manager')!.email,
  reviewer: DEMO_ACCOUNTS.find((a) => a.role === 'reviewer')!.email,
  auditor: DEMO_ACCOUNTS.find((a) => a.role === 'auditor')!.email,
};

/** The `name=value` of the refresh cookie a response set. */
export function refreshCookieOf(res: { headers: Record<string, unknown> }): string {
  const cookies = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
  const c = cookies.find((x) => x.startsWith(`${REFRESH_COOKIE}=`));
  if (!c) throw new Error('no refresh cookie set');
  return c.split(';')[0];
}

export async function login(t: TestApp, email: string, password: string): Promise<LoggedIn> {
  const res = await t.http().post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, cookie: refreshCookieOf(res), user: res.body.user };
}

/** The first admin's password after the forced change in tests (it passes the password policy). */
export const ADMIN_TEST_PASSWORD = 'Hakone-kiri-7-sumi-yama';

/** Logs the first admin in and completes the forced password change; returns a usable session. */
export async function loginAdmin(t: TestApp, newPassword = ADMIN_TEST_PASSWORD): Promise<LoggedIn> {
  const first = await login(t, INITIAL_ADMIN.email, INITIAL_ADMIN.password).catch(() => null);
  if (first?.user.mustChangePassword) {
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.token}`)
      .send({ currentPassword: INITIAL_ADMIN.password, newPassword })
      .expect(204);
  }
  return login(t, INITIAL_ADMIN.email, newPassword);
}
