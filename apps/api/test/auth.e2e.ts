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
    t = await startTestApp({ label: 'auth', overrides: { refreshGraceSeconds: 3 } });
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

  it('answers an unknown email exactly like a wrong password (no remainingAttempts), and audits both without the password', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ email: DEMO_EMAIL.auditor, password: 'not-the-password' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@example.jp', password: 'not-the-password' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'メールアドレスまたはパスワードが正しくありません。' });
    expect(unknown.body).toEqual(wrong.body);
    const failures = await auditActions('auth.loginFailed');
    expect(failures.map((f) => f.changes.reason)).toEqual(expect.arrayContaining(['wrongPassword', 'unknownEmail']));
    expect(JSON.stringify(failures)).not.toContain('not-the-password');
    await login(t, DEMO_EMAIL.auditor, DEMO_PASSWORD);
  });

  it('answers a login without fields with a 400 naming them', async () => {
    const res = await t.http().post('/api/auth/login').send({}).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('throttles 5 failures of one client with one email (429 until a JST time), without locking the account: the owner signs in from another client', async () => {
    const email = 'reviewer5@jimukyoku.example.jp';
    const attacker = '203.0.113.5';
    for (let i = 1; i <= 4; i++)
      await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', attacker)
        .send({ email, password: `wrong-${i}` })
        .expect(401);
    const fifth = await t.http().post('/api/auth/login').set('X-Forwarded-For', attacker).send({ email, password: 'wrong-5' }).expect(429);
    expect(fifth.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(fifth.body.message).toMatch(
      /^ログインに続けて失敗したため、この端末からのログインを一時的に止めています。\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2} \(日本時間\) 以降に再度お試しください。$/,
    );
    // Even the right password is refused from that client, with the time to come back.
    const still = await t.http().post('/api/auth/login').set('X-Forwarded-For', attacker).send({ email, password: DEMO_PASSWORD }).expect(429);
    expect(Number(still.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(new Date(still.body.retryAt).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The owner, elsewhere, is not kept out.
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ email, password: DEMO_PASSWORD }).expect(200);
    expect(await auditActions('auth.loginThrottled')).toEqual([expect.objectContaining({ changes: expect.objectContaining({ email, scope: 'account' }) })]);
  });

  it('throttles an unknown email exactly like a known one', async () => {
    const attempt = (email: string) => t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.6').send({ email, password: 'wrong-password' });
    const answers = async (email: string) => {
      const out: { status: number; code: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await attempt(email);
        out.push({ status: r.status, code: r.body.code });
      }
      return out;
    };
    const known = await answers(DEMO_EMAIL.manager);
    const unknown = await answers('no-such-person@jimukyoku.example.jp');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('caps one client across accounts (30 failures), while other clients sign in as usual', async () => {
    const client = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push(
        (
          await t
            .http()
            .post('/api/auth/login')
            .set('X-Forwarded-For', client)
            .send({ email: `guess${i}@example.jp`, password: 'wrong-password' })
        ).status,
      );
    expect(statuses.slice(0, 29).every((s) => s === 401)).toBe(true);
    expect(statuses[29]).toBe(429);
    const refused = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', client)
      .send({ email: DEMO_EMAIL.manager, password: DEMO_PASSWORD })
      .expect(429);
    expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.8').send({ email: DEMO_EMAIL.manager, password: DEMO_PASSWORD }).expect(200);
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

  it('two tabs refreshing with the same cookie at the same moment both get an access token, and the session lives on', async () => {
    const s = await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const [a, b] = await Promise.all([t.http().post('/api/auth/refresh').set('Cookie', s.cookie), t.http().post('/api/auth/refresh').set('Cookie', s.cookie)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // exactly one answer carries the next refresh token; the other leaves the browser's cookie alone
    const cookies = [a, b].flatMap((r) => ((r.headers['set-cookie'] as unknown as string[] | undefined) ?? []).filter((c) => c.startsWith(REFRESH_COOKIE)));
    expect(cookies).toHaveLength(1);
    const next = cookies[0].split(';')[0];
    for (const r of [a, b]) await t.http().get('/api/auth/me').set('Authorization', `Bearer ${r.body.accessToken}`).expect(200);
    const later = await t.http().post('/api/auth/refresh').set('Cookie', next).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${later.body.accessToken}`).expect(200);
    expect(await auditActions('auth.refreshReused')).toHaveLength(1); // only the replay test's
  });

  it('accepts the token just rotated for the grace only: replayed after it, the whole chain ends', async () => {
    const s = await login(t, DEMO_EMAIL.auditor, DEMO_PASSWORD);
    const r1 = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(200);
    const c1 = refreshCookieOf(r1);
    const inGrace = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(200);
    expect(inGrace.headers['set-cookie']).toBeUndefined();
    await new Promise((r) => setTimeout(r, 3_200)); // REFRESH_GRACE_SECONDS = 3 in this app
    expect((await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401)).body.code).toBe('REFRESH_REUSED');
    expect((await t.http().post('/api/auth/refresh').set('Cookie', c1).expect(401)).body.code).toBe('SESSION_ENDED');
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${inGrace.body.accessToken}`).expect(401);
  });

  it('a password change ends every other session of the account, keeps this one, and is audited', async () => {
    const email = 'reviewer2@jimukyoku.example.jp';
    const here = await login(t, email, DEMO_PASSWORD);
    const elsewhere = await login(t, email, DEMO_PASSWORD);
    const other = await login(t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const newPassword = 'Tsubame-kaze-9-hotaru';
    await t.http().post('/api/auth/password').set('Authorization', `Bearer ${here.token}`).send({ currentPassword: DEMO_PASSWORD, newPassword }).expect(204);
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${elsewhere.token}`).expect(401)).body.code).toBe('SESSION_ENDED');
    await t.http().post('/api/auth/refresh').set('Cookie', elsewhere.cookie).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${here.token}`).expect(200);
    await t.http().post('/api/auth/refresh').set('Cookie', here.cookie).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${other.token}`).expect(200); // someone else's session is untouched
    const [changed] = (await auditActions('auth.passwordChanged')).filter((a) => a.changes.endedSessions !== undefined);
    expect(changed.changes).toEqual({ endedSessions: 1 });
    await login(t, email, newPassword);
  });

  it.each([
    ['on the common/leaked list', 'password1234', 'よく使われている、または過去に漏えいしたパスワードのため使えません。'],
    ['containing the email', 'reviewer3@jimukyoku.example.jp-2024', 'メールアドレス (または @ より前の部分) を含むパスワードは使えません。'],
    ['too short', 'Kj3#mP9q', 'パスワードは12文字以上にしてください。'],
    ['the current one', DEMO_PASSWORD, '新しいパスワードは現在のパスワードと異なるものにしてください。'],
  ])('refuses a new password %s with 400 WEAK_PASSWORD listing the problem in Japanese', async (_rule, newPassword, problem) => {
    const s = await login(t, 'reviewer3@jimukyoku.example.jp', DEMO_PASSWORD);
    const res = await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${s.token}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword })
      .expect(400);
    expect(res.body.code).toBe('WEAK_PASSWORD');
    expect(res.body.message).toContain(problem);
    expect(res.body.errors).toContainEqual({ field: 'newPassword', message: problem });
    await login(t, 'reviewer3@jimukyoku.example.jp', DEMO_PASSWORD); // unchanged
  });

  it('counts a wrong current password like a failed login: a stolen access token cannot guess it freely', async () => {
    const s = await login(t, 'reviewer3@jimukyoku.example.jp', DEMO_PASSWORD);
    const change = (currentPassword: string) =>
      t
        .http()
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${s.token}`)
        .set('X-Forwarded-For', '203.0.113.20')
        .send({ currentPassword, newPassword: 'Tsubame-kaze-9-hotaru' });
    for (let i = 0; i < 4; i++) expect((await change(`guess-${i}`)).body.code).toBe('WRONG_CURRENT_PASSWORD');
    expect((await change('guess-5')).status).toBe(429);
    expect((await change(DEMO_PASSWORD)).body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    await login(t, 'reviewer3@jimukyoku.example.jp', DEMO_PASSWORD); // unchanged, and signing in elsewhere works
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

  it('refuses a token signed with the instance’s key that lacks an expiry or names no UUID (401 TOKEN_INVALID, never 500)', async () => {
    const s = await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const jwt = t.app.get(JwtService);
    const { sub, sid, role } = jwt.decode(s.token) as Record<string, string>;
    const signed = [
      jwt.sign({ sub, sid, role }), // no exp: every token the product issues expires (ACCESS_TOKEN_TTL)
      jwt.sign({ sub, sid: 'not-a-uuid', role }, { expiresIn: 60 }),
      jwt.sign({ sub: "x' OR '1'='1", sid, role }, { expiresIn: 60 }),
      jwt.sign({ sid, role }, { expiresIn: 60 }),
      jwt.sign({ sub, sid: 42, role }, { expiresIn: 60 }),
    ];
    for (const token of signed) {
      for (const path of ['/api/auth/me', '/api/users', '/api/applications']) {
        const res = await t.http().get(path).set('Authorization', `Bearer ${token}`);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 401, code: 'TOKEN_INVALID' });
      }
    }
    await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${jwt.sign({ sub, sid, role }, { expiresIn: 60 })}`)
      .expect(200);
  });

  it('forces the first administrator to change the password before anything else', async () => {
    const first = await login(t, INITIAL_ADMIN.email, INITIAL_ADMIN.password);
    expect(first.user.mustChangePassword).toBe(true);
    const blocked = await t.http().get('/api/users').set('Authorization', `Bearer ${first.token}`).expect(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${first.token}`).expect(200);
    const weak = await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.token}`)
      .send({ currentPassword: INITIAL_ADMIN.password, newPassword: INITIAL_ADMIN.password })
      .expect(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const wrongCurrent = await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.token}`)
      .send({ currentPassword: 'nope', newPassword: 'a-brand-new-password' })
      .expect(400);
    expect(wrongCurrent.body.code).toBe('WRONG_CURRENT_PASSWORD');
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.token}`)
      .send({ currentPassword: INITIAL_ADMIN.password, newPassword: 'a-brand-new-password' })
      .expect(204);
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
});

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ label: 'auth_max_age', overrides: { sessionMaxAge: 4 } });
    await seedStaff(t);
  });
  afterAll(() => t?.close());

  it('ends a session SESSION_MAX_AGE after its login however recently it was refreshed', async () => {
    const s = await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const loggedIn = Date.now(); // the session began before this
    const expiresOf = (res: { headers: Record<string, unknown> }) => {
      const raw = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(REFRESH_COOKIE))!;
      return new Date(/Expires=([^;]+)/.exec(raw)![1]).getTime();
    };
    await new Promise((r) => setTimeout(r, 500));
    const refreshed = await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(200);
    // the idle limit (14 days) does not carry the session, or its cookie, past the absolute one
    expect(expiresOf(refreshed)).toBeLessThanOrEqual(Date.now() + 4_000);
    await new Promise((r) => setTimeout(r, Math.max(0, loggedIn + 4_300 - Date.now())));
    expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(refreshed)).expect(401)).body.code).toBe('SESSION_ENDED');
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(401)).body.code).toBe('SESSION_ENDED');
  });
});
