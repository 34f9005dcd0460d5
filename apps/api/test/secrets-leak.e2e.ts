import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { REFRESH_COOKIE } from '../src/auth/auth.controller';
import { DEMO_PASSWORD, INITIAL_ADMIN } from '../src/seed/staff-accounts.seed';
import { ADMIN_TEST_PASSWORD, DEMO_EMAIL, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * Audit records and API answers never carry a session id, refresh-token material or a password hash.
 * Every session flow runs (login, refresh, two tabs refreshing, a replay, logout, own password change,
 * an administrator's reset and create, failed and throttled logins); then every answer and every
 * audit_log row is searched for every secret the database and the cookies hold.
 */
describe('no secrets in audit records or API answers', () => {
  let t: TestApp;
  let db: DataSource;
  const answers: { route: string; text: string }[] = [];
  const cookieValues = new Set<string>();
  const passwordsUsed = new Set<string>([DEMO_PASSWORD, INITIAL_ADMIN.password, ADMIN_TEST_PASSWORD]);

  beforeAll(async () => {
    t = await startTestApp({ label: 'secrets', overrides: { refreshGraceSeconds: 1 } });
    db = t.app.get(DataSource);
    await seedStaff(t);
  });
  afterAll(() => t?.close());

  /** Keeps the answer (body and headers but the cookie) and the refresh cookie it set. */
  const keep = (route: string, res: Response) => {
    const { 'set-cookie': setCookie, ...headers } = res.headers as Record<string, unknown>;
    answers.push({ route, text: `${JSON.stringify(headers)}\n${res.text ?? ''}` });
    for (const c of ([] as string[]).concat((setCookie as string[] | undefined) ?? [])) {
      const value = c.split(';')[0].slice(`${REFRESH_COOKIE}=`.length);
      if (c.startsWith(`${REFRESH_COOKIE}=`) && value) {
        cookieValues.add(value);
        cookieValues.add(value.split('.')[1]);
      }
    }
    return res;
  };
  const cookieOf = (res: Response) => ((res.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith(`${REFRESH_COOKIE}=`))!.split(';')[0];
  const post = async (route: string, body: object, auth?: { token?: string; cookie?: string; ip?: string }) => {
    let req = t.http().post(route);
    if (auth?.token) req = req.set('Authorization', `Bearer ${auth.token}`);
    if (auth?.cookie) req = req.set('Cookie', auth.cookie);
    if (auth?.ip) req = req.set('X-Forwarded-For', auth.ip);
    return keep(`POST ${route}`, await req.send(body));
  };
  const get = async (route: string, token: string) => keep(`GET ${route}`, await t.http().get(route).set('Authorization', `Bearer ${token}`));
  const login = async (email: string, password: string) => {
    const res = await post('/api/auth/login', { email, password });
    expect(res.status).toBe(200);
    return { token: res.body.accessToken as string, cookie: cookieOf(res), user: res.body.user as { id: string } };
  };

  it('runs every session flow', async () => {
    // the first administrator: forced change, then a session of its own
    const first = await login(INITIAL_ADMIN.email, INITIAL_ADMIN.password);
    expect((await post('/api/auth/password', { currentPassword: INITIAL_ADMIN.password, newPassword: ADMIN_TEST_PASSWORD }, first)).status).toBe(204);
    const admin = await login(INITIAL_ADMIN.email, ADMIN_TEST_PASSWORD);

    // refresh, two tabs at once, and a replay after the grace
    const manager = await login(DEMO_EMAIL.manager, DEMO_PASSWORD);
    const r1 = await post('/api/auth/refresh', {}, { cookie: manager.cookie });
    const c1 = cookieOf(r1);
    const [a, b] = await Promise.all([post('/api/auth/refresh', {}, { cookie: c1 }), post('/api/auth/refresh', {}, { cookie: c1 })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await get('/api/auth/me', a.body.accessToken);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await post('/api/auth/refresh', {}, { cookie: manager.cookie })).body.code).toBe('REFRESH_REUSED');

    // failed, unknown and throttled logins
    for (let i = 0; i < 5; i++) await post('/api/auth/login', { email: DEMO_EMAIL.auditor, password: `wrong-password-${i}` }, { ip: '203.0.113.9' });
    expect((await post('/api/auth/login', { email: 'nobody@example.jp', password: 'wrong-password' })).status).toBe(401);
    expect((await post('/api/auth/login', { email: DEMO_EMAIL.auditor, password: DEMO_PASSWORD }, { ip: '203.0.113.9' })).status).toBe(429);

    // own password change (ends the other session), logout
    const reviewer = await login(DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await login(DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    passwordsUsed.add('Tsubame-kaze-9-hotaru');
    expect((await post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Tsubame-kaze-9-hotaru' }, reviewer)).status).toBe(204);
    expect((await post('/api/auth/password', { currentPassword: 'Tsubame-kaze-9-hotaru', newPassword: 'password1234' }, reviewer)).status).toBe(400);
    expect((await post('/api/auth/logout', {}, reviewer)).status).toBe(204);

    // an administrator's reset, create, reads and update
    const reset = await post(`/api/users/${manager.user.id}/password`, {}, admin);
    expect(reset.status).toBe(200);
    passwordsUsed.add(reset.body.temporaryPassword);
    passwordsUsed.add('Hotaru-yuki-4-tsubame');
    const created = await post('/api/users', { email: 'secret.check@example.jp', name: '確認 用', role: 'auditor', password: 'Hotaru-yuki-4-tsubame' }, admin);
    expect(created.status).toBe(201);
    const tempCreated = await post('/api/users', { email: 'secret.temp@example.jp', name: '仮 用', role: 'auditor' }, admin);
    passwordsUsed.add(tempCreated.body.temporaryPassword);
    await get('/api/users', admin.token);
    await get(`/api/users/${manager.user.id}`, admin.token);
    keep('PUT /api/users/:id', await t.http().put(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${admin.token}`).send({ name: '確認 用2' }));
    keep('DELETE /api/users/:id', await t.http().delete(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${admin.token}`));
    await get('/api/audit-logs?range=[0,499]', admin.token);
    expect((await post('/api/auth/logout', {}, admin)).status).toBe(204);
  });

  it('finds no session id, token material or password hash in any answer or audit record', async () => {
    const sessions: { id: string; refresh_token_hash: string; previous_token_hash: string | null; used_token_hashes: string[] }[] = await db.query(
      `SELECT id, refresh_token_hash, previous_token_hash, used_token_hashes FROM auth_session`,
    );
    const hashes: { password_hash: string }[] = await db.query(`SELECT password_hash FROM staff_user`);
    expect(sessions.length).toBeGreaterThanOrEqual(5);
    expect(cookieValues.size).toBeGreaterThan(5);
    const secrets = [
      ...sessions.flatMap((s) => [s.id, s.refresh_token_hash, s.previous_token_hash, ...s.used_token_hashes]),
      ...hashes.map((h) => h.password_hash),
      ...cookieValues,
      '$argon2',
    ].filter((x): x is string => !!x);

    const audit: { row: string }[] = await db.query(`SELECT row_to_json(a)::text AS row FROM audit_log a ORDER BY id`);
    expect(audit.map((r) => JSON.parse(r.row).action)).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.logout',
        'auth.refreshReused',
        'auth.loginFailed',
        'auth.loginThrottled',
        'auth.passwordChanged',
        'user.passwordReset',
        'user.created',
      ]),
    );
    const leaks = [
      ...answers.flatMap(({ route, text }) => secrets.filter((s) => text.includes(s)).map((s) => `${route} answered ${s.slice(0, 12)}…`)),
      ...audit.flatMap(({ row }) =>
        [...secrets, ...passwordsUsed].filter((s) => row.includes(s)).map((s) => `audit ${JSON.parse(row).action} holds ${s.slice(0, 12)}…`),
      ),
    ];
    expect(leaks).toEqual([]);
  });
});
