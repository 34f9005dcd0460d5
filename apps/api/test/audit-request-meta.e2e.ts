import { DataSource } from 'typeorm';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/**
 * Every audit record of a change made over HTTP names its request and the client's address (README "Audit log"), also
 * where the service was not handed them: users, 公募回 and notification templates once had both null.
 */
describe('audit records: the request behind every change', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;

  beforeAll(async () => {
    t = await startTestApp({ label: 'audit_request_meta' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  const recordOf = async (action: string, entityId: string) =>
    (await db.query(`SELECT request_id, ip FROM audit_log WHERE action = $1 AND entity_id = $2`, [action, entityId])) as { request_id: string; ip: string }[];

  it('a user created and a 公募回 edited carry the X-Request-Id answered and the client’s address', async () => {
    const created = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${s.admin.token}`)
      .set('X-Request-Id', 'portal-req-0001')
      .send({ email: 'audit.meta@example.jp', name: '監査 確認', role: 'reviewer' })
      .expect(201);
    expect(created.headers['x-request-id']).toBe('portal-req-0001');
    expect(await recordOf('user.created', created.body.id)).toEqual([{ request_id: 'portal-req-0001', ip: expect.stringMatching(/127\.0\.0\.1|::1/) }]);

    const round = await openRound(t);
    const edited = await t
      .http()
      .put(`/api/rounds/${round.id}`)
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ name: '第1回公募（監査）' })
      .expect(200);
    const [record] = await recordOf('round.updated', round.id);
    expect(record).toEqual({ request_id: edited.headers['x-request-id'], ip: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(record.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
