import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO_EMAIL, DEMO_PASSWORD, seedStaff } from '../src/testing';
import { passwordPolicyProblems } from '../src/auth/password-policy';
import { runSeed } from '../src/seed/seed-runner';
import { INITIAL_ADMIN, initialAdminSeed } from '../src/seed/staff-accounts.seed';
import { startTestApp, TestApp } from './harness';

// npm start outside development: the seed's reference data and its first administrator, without the demo
// (seed.e2e.ts is the demo's)
describe('the npm start seed outside development (npm start in production)', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ label: 'seed_prod' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());
  const staff = async () => db.query(`SELECT email, role, must_change_password AS "mustChangePassword" FROM staff_user ORDER BY email`);
  const signIn = (password: string) => t.http().post('/api/auth/login').send({ email: INITIAL_ADMIN.email, password });

  it('loads reference data but no demo data and no demo staff', async () => {
    const reports = await runSeed(db, { demo: false });
    expect(reports.map((r) => r.step)).toEqual([
      'initial administrator',
      'reference catalogue (programmes, rule sets, categories, rounds)',
      'notification templates',
    ]);
    expect((await db.query(`SELECT count(*)::int AS n FROM application`))[0].n).toBe(0);
    expect(await staff()).toEqual([{ email: INITIAL_ADMIN.email, role: 'admin', mustChangePassword: true }]);
  });

  it('gives the first administrator a random password, printed once when created and never again, never the demo one', async () => {
    await db.query(`DELETE FROM staff_user`);
    const [first] = await runSeed(db, { demo: false, steps: [initialAdminSeed] });
    const printed = /the initial password (\S+) \(shown only this once/.exec(first.summary)?.[1];
    expect(printed).toBeDefined();
    expect(passwordPolicyProblems(printed!, { email: INITIAL_ADMIN.email })).toEqual([]);
    expect((await signIn(INITIAL_ADMIN.password)).status).toBe(401);
    const res = await signIn(printed!).expect(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const [again] = await runSeed(db, { demo: false, steps: [initialAdminSeed] });
    expect(again.summary).toBe('already present');

    // another database, another password
    await db.query(`DELETE FROM staff_user`);
    const [other] = await runSeed(db, { demo: false, steps: [initialAdminSeed] });
    expect(/the initial password (\S+) /.exec(other.summary)?.[1]).not.toBe(printed);
  });

  it('replaces the published initial password of an administrator installed before, and leaves a changed one alone', async () => {
    await db.query(`DELETE FROM staff_user`);
    await runSeed(db, { demo: true, steps: [initialAdminSeed] }); // what production seeded before: the fixed password
    const [replaced] = await runSeed(db, { demo: false, steps: [initialAdminSeed] });
    const printed = /replaced the published initial password of \S+ with the initial password (\S+) \(shown only this once/.exec(replaced.summary)?.[1];
    expect(replaced.summary).toMatch(/^replaced the published initial password/);
    expect(printed).toBeDefined();
    expect((await signIn(INITIAL_ADMIN.password)).status).toBe(401);
    const first = await signIn(printed!).expect(200);
    expect(first.body.user.mustChangePassword).toBe(true);

    const changed = 'heron-quartz-lantern-7152';
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.body.accessToken}`)
      .send({ currentPassword: printed, newPassword: changed })
      .expect(204);
    const [again] = await runSeed(db, { demo: false, steps: [initialAdminSeed] });
    expect(again.summary).toBe('already present');
    await signIn(changed).expect(200);
  });

  it('takes INITIAL_ADMIN_PASSWORD when it is set, and does not print it', async () => {
    await db.query(`DELETE FROM staff_user`);
    const chosen = 'tulip-orbit-kettle-marble-9431';
    const [report] = await runSeed(db, { demo: false, steps: [initialAdminSeed], initialAdminPassword: chosen });
    expect(report.summary).not.toContain(chosen);
    expect(report.summary).toContain('INITIAL_ADMIN_PASSWORD');
    expect((await signIn(chosen).expect(200)).body.user.mustChangePassword).toBe(true);
  });
});

// a production server started on a copy of a development database: the demo's accounts are there, their password published
describe('a production server on a database holding the demo staff', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ label: 'published_pw_prod', overrides: { nodeEnv: 'production' } });
    await seedStaff(t);
  });
  afterAll(() => t?.close());
  const signIn = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

  it('signs no one in with a published password, says why, and records the refusal', async () => {
    const res = await signIn(DEMO_EMAIL.manager, DEMO_PASSWORD).expect(401);
    expect(res.body).toMatchObject({ code: 'PUBLISHED_PASSWORD', message: expect.stringContaining('管理者にパスワードの再設定を依頼してください') });
    expect(res.body.accessToken).toBeUndefined();
    const db = t.app.get(DataSource);
    const [audit] = await db.query(`SELECT changes FROM audit_log WHERE action = 'auth.loginFailed' ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit.changes).toMatchObject({ email: DEMO_EMAIL.manager, reason: 'publishedPassword' });
    // the same account with a password of its own signs in
    const own = 'harbor-violet-quartz-1187';
    await db.query(`UPDATE staff_user SET password_hash = $2 WHERE email = $1`, [
      DEMO_EMAIL.manager,
      await argon2.hash(own, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 }),
    ]);
    await signIn(DEMO_EMAIL.manager, own).expect(200);
  });
});
