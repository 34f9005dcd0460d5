import { WorkerHost } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { SEND_JOBS_PER_CONNECTION } from '../src/worker/mail-worker-options';
import { MAIL_PROCESSOR } from '../src/worker/queue-processors';
import { categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { insertNotifications } from './notification-fixtures';
import { startSmtpSink, waitFor } from './smtp-sink';

/** The 採択発表 fan-out: sending respects MAIL_RATE_PER_SECOND, and the progress is counted for the admin. */
describe('notifications: fan-out rate and progress', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      label: 'fanout',
      overrides: { workerEnabled: true, smtpUrl: smtp.url, smtpReconcileUrl: smtp.reconcileUrl, mailRatePerSecond: 5 },
    });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('builds the mail queue worker with the configured rate limit, and send jobs for the configured SMTP connections', () => {
    const worker = t.app.get<WorkerHost>(MAIL_PROCESSOR).worker;
    expect(worker.name).toBe('mail');
    expect(worker.opts).toMatchObject({ concurrency: 10 * SEND_JOBS_PER_CONNECTION, limiter: { max: 1, duration: 200 } });
  });

  it('sends 10 mails at 5 per second no faster than the limit allows (≥ 1.8 s from first to last)', async () => {
    const rows = await insertNotifications(db, 10, { recipientPrefix: 'rate' });
    const ids = new Set(rows.map((r) => r.messageId ?? `<${r.id}@jimukyoku.notifications>`));
    await waitFor(async () => smtp.received.filter((m) => ids.has(m.messageId)).length === 10, 30_000);
    // the limiter spaces the sends' starts, one per 200 ms window: 9 gaps. Measured where each send began (its
    // claim, send_started_at), not at the SMTP sink, whose arrival times also carry the first mails' connection
    // set-up (a busy CI machine squeezed 1.8 s of starts to 1.42 s of arrivals). Unlimited, the same 10 start
    // within a few tens of ms.
    const [{ spreadMs }] = await db.query(
      `SELECT extract(epoch FROM max(send_started_at) - min(send_started_at)) * 1000 AS "spreadMs" FROM notification WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    expect(Number(spreadMs)).toBeGreaterThanOrEqual(1_500);
  });

  it('counts notifications per state, overall and per round, for the people who read notifications', async () => {
    const round = await openRound(t);
    const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { email: 'progress@example.jp' }));
    await insertNotifications(db, 3, { status: 'sent', applicationId: app.id, recipientPrefix: 'p-sent' });
    await insertNotifications(db, 2, { status: 'failed', applicationId: app.id, recipientPrefix: 'p-failed' });
    await insertNotifications(db, 1, { status: 'uncertain', applicationId: app.id, recipientPrefix: 'p-uncertain' });
    await insertNotifications(db, 4, { status: 'held', applicationId: app.id, recipientPrefix: 'p-held' });

    const one = await t.http().get('/api/notifications/progress').query({ roundId: round.id }).set('Authorization', `Bearer ${s.auditor.token}`).expect(200);
    expect(one.body.overall).toEqual({ total: 10, byStatus: { held: 4, pending: 0, queued: 0, sending: 0, sent: 3, failed: 2, uncertain: 1, cancelled: 0 } });
    // the round is named with its programme, as every round picker names it
    expect(one.body.rounds).toEqual([expect.objectContaining({ roundId: round.id, roundName: `事業再構築補助金 ${round.name}`, total: 10 })]);

    const all = await t.http().get('/api/notifications/progress').set('Authorization', `Bearer ${s.manager.token}`).expect(200);
    expect(all.body.overall.total).toBeGreaterThanOrEqual(20); // with the 10 of the rate test (no round)
    expect(all.body.overall.byStatus.sent).toBeGreaterThanOrEqual(13);
    expect(all.body.rounds.find((r: { roundId: string }) => r.roundId === round.id)).toMatchObject({ total: 10, byStatus: { sent: 3, failed: 2, held: 4 } });

    const listed = await t
      .http()
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ roundId: round.id }), range: '[0,99]' })
      .set('Authorization', `Bearer ${s.manager.token}`)
      .expect(200);
    expect(listed.body).toHaveLength(10); // the list filtered to the round, as the admin shows it under the bar
    await t
      .http()
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ roundId: 'not-a-round' }) })
      .set('Authorization', `Bearer ${s.manager.token}`)
      .expect(400); // not a UUID: refused by the list's filter spec

    await t.http().get('/api/notifications/progress').set('Authorization', `Bearer ${s.reviewer.token}`).expect(403);
    const bad = await t.http().get('/api/notifications/progress').query({ roundId: 'round-1' }).set('Authorization', `Bearer ${s.manager.token}`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('roundId は公募回のIDを指定してください');
  });
});
