import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { login, LoggedIn, loginAdmin, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { until, waitingOnLock } from './lock-waits';

describe('staff accounts (admin)', () => {
  let t: TestApp;
  let admin: LoggedIn;
  const as = () => ({ Authorization: `Bearer ${admin.token}` });

  beforeAll(async () => {
    t = await startTestApp({ label: 'users' });
    await seedStaff(t);
    admin = await loginAdmin(t);
  });
  afterAll(() => t?.close());

  it('lists accounts in react-admin form: rows plus Content-Range, with filters and sorting', async () => {
    const res = await t.http().get('/api/users').query({ sort: '["email","ASC"]', range: '[0,2]', filter: '{"role":"reviewer"}' }).set(as()).expect(200);
    expect(res.headers['content-range']).toBe('users 0-2/5');
    expect(res.body.map((u: { email: string }) => u.email)).toEqual([
      'reviewer2@jimukyoku.example.jp',
      'reviewer3@jimukyoku.example.jp',
      'reviewer4@jimukyoku.example.jp',
    ]);
    expect(res.body[0]).not.toHaveProperty('passwordHash');
    const q = await t
      .http()
      .get('/api/users')
      .query({ filter: JSON.stringify({ q: '花子' }) })
      .set(as())
      .expect(200);
    expect(q.body.map((u: { name: string }) => u.name)).toEqual(['佐藤 花子']);
    const many = await t
      .http()
      .get('/api/users')
      .query({ filter: JSON.stringify({ id: [q.body[0].id] }) })
      .set(as())
      .expect(200);
    expect(many.body).toHaveLength(1);
  });

  it('refuses an unknown sort field or a malformed range with 400 naming it', async () => {
    const bad = await t.http().get('/api/users').query({ sort: '["passwordHash","ASC"]' }).set(as()).expect(400);
    expect(bad.body.errors[0].field).toBe('sort');
    await t.http().get('/api/users').query({ range: '[5,1]' }).set(as()).expect(400);
    await t.http().get('/api/users').query({ filter: 'not json' }).set(as()).expect(400);
  });

  it('creates an account with a one-time temporary password that must be changed at first login', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set(as())
      .send({ email: 'New.Reviewer@Example.jp', name: '新人 審査員', role: 'reviewer', organisation: '北海道銀行' })
      .expect(201);
    expect(res.body).toMatchObject({ email: 'new.reviewer@example.jp', role: 'reviewer', mustChangePassword: true, active: true });
    expect(res.body.temporaryPassword).toMatch(/^[\w-]{16}$/);
    const s = await login(t, 'new.reviewer@example.jp', res.body.temporaryPassword);
    expect(s.user.mustChangePassword).toBe(true);
    const shown = await t.http().get(`/api/users/${res.body.id}`).set(as()).expect(200);
    expect(shown.body).not.toHaveProperty('temporaryPassword');
    const audit = await t.app.get(DataSource).query(`SELECT changes FROM audit_log WHERE action = 'user.created' AND entity_id = $1`, [res.body.id]);
    expect(audit[0].changes).toMatchObject({ email: 'new.reviewer@example.jp', role: 'reviewer' });
  });

  it('refuses a duplicate email (409) and bad fields (400, in Japanese)', async () => {
    const dup = await t.http().post('/api/users').set(as()).send({ email: 'manager@jimukyoku.example.jp', name: 'x', role: 'manager' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'EMAIL_TAKEN', message: 'このメールアドレスは既に登録されています。' });
    const bad = await t.http().post('/api/users').set(as()).send({ email: 'nope', name: '', role: 'boss', extra: 1 }).expect(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'role', 'extra']));
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'role').message).toContain('admin, manager, reviewer, auditor');
  });

  it('three creations of one email at once make one account; the others are 409, not 500', async () => {
    const body = { email: 'same-time@jimukyoku.example.jp', name: '同時 太郎', role: 'reviewer' };
    const answers = await Promise.all([1, 2, 3].map(() => t.http().post('/api/users').set(as()).send(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(['EMAIL_TAKEN', 'ALREADY_EXISTS']).toContain(a.body.code);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM staff_user WHERE email = $1`, [body.email]);
    expect(n).toBe(1);
  });

  it('updates an account and audits what changed; an unknown id is 404', async () => {
    const [row] = (await t.http().get('/api/users').query({ filter: '{"q":"reviewer3"}' }).set(as())).body;
    const res = await t.http().put(`/api/users/${row.id}`).set(as()).send({ organisation: '西東銀行', name: '田中 美咲' }).expect(200);
    expect(res.body.organisation).toBe('西東銀行');
    const audit = await t.app.get(DataSource).query(`SELECT changes FROM audit_log WHERE action = 'user.updated' AND entity_id = $1`, [row.id]);
    expect(audit[0].changes).toEqual({ organisation: { from: '東西銀行', to: '西東銀行' } });
    await t.http().put('/api/users/00000000-0000-4000-8000-000000000000').set(as()).send({ name: 'x' }).expect(404);
    await t.http().get('/api/users/not-a-uuid').set(as()).expect(404);
  });

  it('refuses a password an administrator types that fails the policy (400 WEAK_PASSWORD under password), on create and reset', async () => {
    const create = await t
      .http()
      .post('/api/users')
      .set(as())
      .send({ email: 'weak@example.jp', name: '弱い 設定', role: 'reviewer', password: 'password1234' })
      .expect(400);
    expect(create.body.code).toBe('WEAK_PASSWORD');
    expect(create.body.errors).toEqual([{ field: 'password', message: 'よく使われている、または過去に漏えいしたパスワードのため使えません。' }]);
    const withEmail = await t
      .http()
      .post('/api/users')
      .set(as())
      .send({ email: 'kobayashi@example.jp', name: '小林 一郎', role: 'reviewer', password: 'kobayashi-Kj3#mP9q' })
      .expect(400);
    expect(withEmail.body.errors[0]).toEqual({ field: 'password', message: 'メールアドレス (または @ より前の部分) を含むパスワードは使えません。' });
    expect((await t.http().get('/api/users').query({ filter: '{"q":"example.jp"}' }).set(as())).body.map((u: { email: string }) => u.email)).not.toContain(
      'weak@example.jp',
    );
    const [row] = (await t.http().get('/api/users').query({ filter: '{"q":"reviewer2"}' }).set(as())).body;
    const reset = await t.http().post(`/api/users/${row.id}/password`).set(as()).send({ password: 'qazwsxedcrfv' }).expect(400);
    expect(reset.body.code).toBe('WEAK_PASSWORD');
    await t
      .http()
      .post('/api/users')
      .set(as())
      .send({ email: 'strong@example.jp', name: '強い 設定', role: 'reviewer', password: 'Tsubame-kaze-9-hotaru' })
      .expect(201);
  });

  it('an administrator reset ends every session of the account, needs a change at next login, and is audited without secrets', async () => {
    const email = 'reviewer5@jimukyoku.example.jp';
    const a = await login(t, email, DEMO_PASSWORD);
    const b = await login(t, email, DEMO_PASSWORD);
    const res = await t.http().post(`/api/users/${a.user.id}/password`).set(as()).send({}).expect(200);
    expect(res.body).toMatchObject({ email, mustChangePassword: true });
    expect(res.body.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(res.body).not.toHaveProperty('passwordHash');
    for (const s of [a, b]) {
      expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${s.token}`).expect(401)).body.code).toBe('SESSION_ENDED');
      await t.http().post('/api/auth/refresh').set('Cookie', s.cookie).expect(401);
    }
    await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(401);
    const fresh = await login(t, email, res.body.temporaryPassword);
    expect(fresh.user.mustChangePassword).toBe(true);
    // the same words after a reset as at a first login: the data does not tell the two apart
    expect((await t.http().get('/api/auth/me').set('Authorization', `Bearer ${fresh.token}`).expect(200)).body.mustChangePassword).toBe(true);
    expect((await t.http().get('/api/applications').set('Authorization', `Bearer ${fresh.token}`).expect(403)).body).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: 'パスワードの変更が必要です（初回ログイン時、または管理者による再設定の後）。新しいパスワードに変更してから操作してください。',
    });
    const audit = await t.app
      .get(DataSource)
      .query(`SELECT actor_id, changes FROM audit_log WHERE action = 'user.passwordReset' AND entity_id = $1`, [a.user.id]);
    expect(audit).toEqual([{ actor_id: admin.user.id, changes: { temporary: true, endedSessions: 2 } }]);
    // with a chosen password that passes the policy
    await t.http().post(`/api/users/${a.user.id}/password`).set(as()).send({ password: 'Tsubame-kaze-9-hotaru' }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${fresh.token}`).expect(401);
    await login(t, email, 'Tsubame-kaze-9-hotaru');
    await t.http().post('/api/users/00000000-0000-4000-8000-000000000000/password').set(as()).send({}).expect(404);
  });

  it('does not let an administrator deactivate or demote themselves', async () => {
    expect((await t.http().delete(`/api/users/${admin.user.id}`).set(as()).expect(400)).body.code).toBe('CANNOT_DEACTIVATE_SELF');
    expect((await t.http().put(`/api/users/${admin.user.id}`).set(as()).send({ role: 'auditor' }).expect(400)).body.code).toBe('CANNOT_DEMOTE_SELF');
  });

  it('two administrators removing each other at the same moment: one change lands, the other is 409 LAST_ACTIVE_ADMIN, one administrator remains', async () => {
    const db = t.app.get(DataSource);
    const email = 'second.admin@jimukyoku.example.jp';
    const initial = 'Kamome-nami-4-suna-hama';
    await t.http().post('/api/users').set(as()).send({ email, name: '二人目 管理者', role: 'admin', password: initial }).expect(201);
    const first = await login(t, email, initial);
    const changed = 'Tsuru-yuki-8-matsu-oka';
    await t
      .http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${first.token}`)
      .send({ currentPassword: initial, newPassword: changed })
      .expect(204);
    const second = await login(t, email, changed);
    // A second connection holds the administrators' rows while both requests arrive, so both have passed
    // their checks of the session and wait together; without the lock both answered 200 and no administrator was left.
    const holder = db.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM staff_user WHERE role = 'admin' AND active FOR UPDATE`);
      const deactivate = t
        .http()
        .delete(`/api/users/${second.user.id}`)
        .set(as())
        .then((r) => r);
      const demote = t
        .http()
        .put(`/api/users/${admin.user.id}`)
        .set('Authorization', `Bearer ${second.token}`)
        .send({ role: 'manager' })
        .then((r) => r);
      await until(async () => (await waitingOnLock(db)) === 2);
      expect(await waitingOnLock(db)).toBe(2);
      await holder.commitTransaction();
      const answers = await Promise.all([deactivate, demote]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body).toMatchObject({
        code: 'LAST_ACTIVE_ADMIN',
        message: 'この変更を行うと有効な管理者が一人もいなくなるため、実行できません。先に別のアカウントを管理者にしてから、もう一度お試しください。',
      });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM staff_user WHERE role = 'admin' AND active`);
    expect(n).toBe(1);
  });
});
