import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { REFRESH_COOKIE } from '../src/auth/auth.controller';
import { DEMO_PASSWORD, INITIAL_ADMIN } from '../src/seed/staff-accounts.seed';
import { DEMO_EMAIL, login, loginAdmin, refreshCookieOf, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

describe('login, sessions and tokens', () => {
  let t: TestApp;
  let db: DataSource;
  const auditActions = async (action: string) =>
    (await db.query(`SELECT action, changes FROM audit_log WHERE action = $1 ORDER BY id`, [action])) as { action: string; changes: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp({ label: 'auth' });
    db = t.app.get(DataSource);
    await seedStaff(t);
  });
  afterAll(() => t?.close());

  it('logs in with email and password: an access token, and the refresh token only in an httpOnly SameSite cookie', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'MANAGER@jimukyoku.example.jp ', password: DEMO_PASSWORD }).expect(200);
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.user).toMatchObject({ email: DEMO_EMAIL.manager, role: 'manager', mustChangePassword: false });
    expect(JSON.stringify(res.body)).not.toContain(refreshCookieOf(res).split('=')[1]);
    const raw = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(REFRESH_COOKIE))!;
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);
    expect(raw).toMatch(/Path=\/api\/auth/);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.role).toBe('manager');
    expect((await auditActions('auth.login')).length).toBeGreaterThan(0);
  });

  it('refuses a wrong password and an unknown email alike, and audits both', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ email: DEMO_EMAIL.auditor, password: 'not-the-password' }).expect(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'メールアドレスまたはパスワードが正しくありません。' });
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@example.jp', password: 'whatever' }).expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    const failures = await auditActions('auth.loginFailed');
    expect(failures.map((f) => f.changes.reason)).toEqual(expect.arrayContaining(['wrongPassword', 'unknownEmail']));
    await login(t, DEMO_EMAIL.auditor, DEMO_PASSWORD); // a success resets the failure count
  });

  it('answers a login without fields with a 400 naming them', async () => {
    const res = await t.http().post('/api/auth/login').send({}).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('locks the account after 5 failures in a row with a message saying until when', async () => {
    const email = 'reviewer5@jimukyoku.example.jp';
    for (let i = 1; i <= 4; i++) {
      const r = await t.http().post('/api/auth/login').send({ email, password: `wrong-${i}` }).expect(401);
      expect(r.body.remainingAttempts).toBe(5 - i);
    }
    const locked = await t.http().post('/api/auth/login').send({ email, password: 'wrong-5' }).expect(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.message).toMatch(/5回続けて失敗したため、アカウントをロックしました。.*以降に再度お試しください。/);
    // Even the right password is refused while locked.
    const still = await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(423);
    expect(still.body.code).toBe('ACCOUNT_LOCKED');
    expect(await auditActions('auth.locked')).toHaveLength(1);
    // After the lock expires the right password works again.
    await db.query(`UPDATE staff_user SET locked_until = now() - interval '1 second' WHERE email = $1`, [email]);
    await login(t, email, DEMO_PASSWORD);
  });

  it('rotates the refresh token on use; replaying an old one ends the whole session', async () => {
    const s = await login(t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const r1 = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(200);
    const c1 = refreshCookieOf(r1);
    expect(c1).not.toBe(s.cookie);
    expect(r1.body.accessToken).toBeTruthy();
    const r2 = await t.http().post('/api/auth/refresh').set('Cookie', c1).expect(200);
    const c2 = refreshCookieOf(r2);

    const replay = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
    expect(replay.body.code).toBe('REFRESH_REUSED');
    // The thief's replay revoked the legitimate chain and its access token too.
    expect((await t.http().post('/api/auth/refresh').set('Cookie', c2).expect(401)).body.code).toBe('SESSION_ENDED');
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${r2.body.accessToken}`).expect(401)).body.code).toBe('SESSION_ENDED');
    expect(await auditActions('auth.refreshReused')).toHaveLength(1);
  });

  it('refuses a refresh without a cookie', async () => {
    expect((await t.http().post('/api/auth/refresh').expect(401)).body.code).toBe('REFRESH_MISSING');
  });

  it('logout ends the session: the access token is refused on the next request, the refresh token too', async () => {
    const s = await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${s.token}`).expect(204);
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${s.token}`).expect(401)).body.code).toBe('SESSION_ENDED');
    await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
  });

  it('refuses expired and tampered tokens', async () => {
    const s = await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const jwt = t.app.get(JwtService);
    const claims = jwt.decode(s.token) as Record<string, unknown>;
    const expired = jwt.sign({ sub: claims.sub, sid: claims.sid, role: claims.role }, { expiresIn: -10 });
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401)).body).toMatchObject({
      code: 'TOKEN_EXPIRED',
      message: 'ログインの有効期限が切れました。再度ログインしてください。',
    });
    const [h, , sig] = s.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect((await t.http().get('/api/users').set('Authorization', `Bearer ${h}.${forgedPayload}.${sig}`).expect(401)).body.code).toBe('TOKEN_INVALID');
    const otherSecret = new JwtService({ secret: 'another-secret-of-enough-length' }).sign({ sub: claims.sub, sid: claims.sid, role: 'admin' });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${otherSecret}`).expect(401);
    await t.http().get('/api/auth/me').expect(401);
  });

  it('forces the first administrator to change the password before anything else', async () => {
    const first = await login(t, INITIAL_ADMIN.email, INITIAL_ADMIN.password);
    expect(first.user.mustChangePassword).toBe(true);
    const blocked = await t.http().get('/api/users').set('Authorization', `Bearer ${first.token}`).expect(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${first.token}`).expect(200);
    const weak = await t.http().post('/api/auth/password').set('Authorization', `Bearer ${first.token}`).send({ currentPassword: INITIAL_ADMIN.password, newPassword: INITIAL_ADMIN.password }).expect(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const wrongCurrent = await t.http().post('/api/auth/password').set('Authorization', `Bearer ${first.token}`).send({ currentPassword: 'nope', newPassword: 'a-brand-new-password' }).expect(400);
    expect(wrongCurrent.body.code).toBe('WRONG_CURRENT_PASSWORD');
    await t.http().post('/api/auth/password').set('Authorization', `Bearer ${first.token}`).send({ currentPassword: INITIAL_ADMIN.password, newPassword: 'a-brand-new-password' }).expect(204);
    await t.http().get('/api/users').set('Authorization', `Bearer ${first.token}`).expect(200);
    await login(t, INITIAL_ADMIN.email, 'a-brand-new-password');
  });

  it('refuses a deactivated user on the very next request, and their refresh', async () => {
    const admin = await loginAdmin(t, 'a-brand-new-password');
    const victim = await login(t, 'reviewer4@jimukyoku.example.jp', DEMO_PASSWORD);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${victim.token}`).expect(200);
    await t.http().delete(`/api/users/${victim.user.id}`).set('Authorization', `Bearer ${admin.token}`).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${victim.token}`).expect(401);
    await t.http().post('/api/auth/refresh').set('Cookie', victim.cookie).expect(401);
    const again = await t.http().post('/api/auth/login').send({ email: 'reviewer4@jimukyoku.example.jp', password: DEMO_PASSWORD }).expect(401);
    expect(again.body.code).toBe('ACCOUNT_INACTIVE');
  });

  it('rate-limits logins per client and email with a Japanese message', async () => {
    const email = 'flood@example.jp';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.http().post('/api/auth/login').send({ email, password: 'x' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await t.http().post('/api/auth/login').send({ email, password: 'x' }).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(limited.body.message).toMatch(/ログインの試行が多すぎます。\d+秒後に再度お試しください。/);
    // Another email from the same client is not affected.
    await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
  });
});
