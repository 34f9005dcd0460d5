import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { startSmtpSink, waitFor } from './smtp-sink';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** A private redis-server the test starts and stops (nothing is kept on disk). */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return waitFor(async () => {
    const probe = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    return probe && child;
  }, 10_000);
}

describe('notifications while Redis is down', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let redis: ChildProcess | null = null;
  let port: number;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    smtp = await startSmtpSink();
    t = await startTestApp({ label: 'redis_outage', overrides: { workerEnabled: true, smtpUrl: smtp.url, redisUrl: `redis://127.0.0.1:${port}` } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    if (!redis) redis = await startRedis(port); // let the app close cleanly
    await t?.close();
    redis?.kill('SIGKILL');
    await smtp?.close();
  });

  it('still accepts transitions (state, audit, outbox), and sends the emails once Redis is back', async () => {
    const round = await openRound(t);
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const apps = [];
    for (let i = 0; i < 3; i++) {
      const app = await createDraft(t, draftInput(round, category, { email: `outage${i}@example.jp`, applicantName: `停電テスト${i}` }));
      await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);
      apps.push(app);
    }
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 day' WHERE id = $1`, [round.id]);

    redis!.kill('SIGKILL');
    redis = null;
    await new Promise((r) => setTimeout(r, 500));
    for (const app of apps) {
      await t
        .http()
        .post(`/api/applications/${app.id}/transitions/reject`)
        .set('Authorization', `Bearer ${s.manager.token}`)
        .send({ reason: '予算の範囲外' })
        .expect(200);
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE template = 'rejected' AND application_id = ANY($1)`, [
      apps.map((a) => a.id),
    ]);
    expect(n).toBe(3);
    expect(smtp.received.filter((m) => m.to.startsWith('outage'))).toHaveLength(0);

    redis = await startRedis(port);
    await waitFor(async () => smtp.received.filter((m) => m.to.startsWith('outage')).length === 3, 45_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.filter((m) => m.to.startsWith('outage'))).toHaveLength(3);
  });
});
