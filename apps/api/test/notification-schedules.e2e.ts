import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CloseRoundsJob } from '../src/modules/schedules/close-rounds.job';
import { ManagerDigestJob } from '../src/modules/schedules/manager-digest.job';
import { RemindReviewersJob } from '../src/modules/schedules/remind-reviewers.job';
import { Round } from '../src/modules/rounds/round.entity';
import { QueueName } from '../src/queue';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { asIntake, asRole, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { DEMO_EMAIL, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { startSmtpSink, waitFor } from './smtp-sink';

/**
 * The scheduled jobs against the real database and Redis, with the worker running (so the emails go
 * through the outbox to a real SMTP server). Times are moved in the database, never waited for; each job
 * is run twice at once and once more, as several workers and a repeat would, and does its work once.
 */
describe('scheduled work: closing rounds, reviewer reminders, the managers’ digest', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const thrice = async (job: { handle(): Promise<unknown> }) => {
    await Promise.all([job.handle(), job.handle()]);
    await job.handle();
  };
  const submittedIn = async (roundId: string, overrides: Record<string, unknown> = {}) => {
    const round = await db.getRepository(Round).findOneByOrFail({ id: roundId });
    const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), overrides));
    await asIntake(t, app.id, 'submit');
    return app;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ label: 'schedules', overrides: { workerEnabled: true, smtpUrl: smtp.url, reviewReminderHours: 48 } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('registers one schedule per job, the digest at 08:00 Tokyo time', async () => {
    const schedulers = await t.app.get<Queue>(getQueueToken(QueueName.System)).getJobSchedulers();
    const byId = Object.fromEntries(schedulers.map((j) => [j.key, j]));
    expect(byId['close-rounds']).toMatchObject({ every: 30_000 });
    expect(byId['remind-reviewers']).toBeDefined();
    expect(byId['manager-digest']).toMatchObject({ pattern: '0 8 * * *', tz: 'Asia/Tokyo' });
  });

  it('closes a round once its deadline plus grace has passed, audited once; its drafts can no longer be submitted', async () => {
    const closing = await openRound(t);
    const inGrace = await openRound(t);
    const draft = await createDraft(t, draftInput(closing, await categoryByCode(t, closing, 'restructuring.standard')));
    await db.query(`UPDATE round SET closes_at = now() - interval '1 minute', grace_minutes = 0 WHERE id = $1`, [closing.id]);
    await db.query(`UPDATE round SET closes_at = now() - interval '1 minute', grace_minutes = 30 WHERE id = $1`, [inGrace.id]);

    await thrice(t.app.get(CloseRoundsJob));

    const rows = await db.query(`SELECT id, closed_at FROM round WHERE id = ANY($1::uuid[])`, [[closing.id, inGrace.id]]);
    expect(rows.find((r: { id: string }) => r.id === closing.id).closed_at).toBeInstanceOf(Date);
    expect(rows.find((r: { id: string }) => r.id === inGrace.id).closed_at).toBeNull();
    const audits = await db.query(`SELECT actor_role, changes FROM audit_log WHERE action = 'round.closed' AND entity_id = $1`, [closing.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_role: 'system', changes: { graceMinutes: 0, draftsLeft: 1 } });
    await expect(asIntake(t, draft.id, 'submit')).rejects.toMatchObject({ status: 422 });

    const shown = await t.http().get(`/api/rounds/${closing.id}`).set('Authorization', `Bearer ${s.manager.token}`).expect(200);
    expect(shown.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    // 締切延長 after the closing reopens the round (and the scheduler closes it again at the new deadline)
    const extended = await t
      .http()
      .put(`/api/rounds/${closing.id}`)
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(200);
    expect(extended.body).toMatchObject({ status: 'open', closedAt: null });
  });

  it('reminds a reviewer once of an open assignment due within 48 hours, by email', async () => {
    const round = await openRound(t);
    const reviewer = s.reviewer.user.id;
    const cases = [
      { due: '10 hours', remind: true, name: '株式会社期限間近' },
      { due: '100 hours', remind: false, name: '株式会社まだ先' },
      { due: '5 hours', remind: false, name: '株式会社提出済', submitted: true },
      { due: '5 hours', remind: false, name: '株式会社取消済', revoked: true },
      { due: '-1 hours', remind: false, name: '株式会社期限切れ' },
      // its application waits on the applicant's 補正: nothing for the reviewer to do yet
      { due: '5 hours', remind: false, name: '株式会社差戻し中', returned: true },
    ];
    const ids: Record<string, string> = {};
    for (const c of cases) {
      const app = await submittedIn(round.id, { applicantName: c.name });
      ids[c.name] = app.id;
      if (c.returned) {
        await asRole(t, app.id, 'startFormalCheck', 'system');
        await asRole(t, app.id, 'returnForCorrection', 'reviewer', '事業計画書の補正');
      }
      await db.query(
        `INSERT INTO application_assignment (application_id, reviewer_id, due_at, submitted_at, revoked_at)
         VALUES ($1, $2, now() + $3::interval, CASE WHEN $4 THEN now() END, CASE WHEN $5 THEN now() END)`,
        [app.id, reviewer, c.due, !!c.submitted, !!c.revoked],
      );
    }

    await thrice(t.app.get(RemindReviewersJob));

    const reminders = await db.query(
      `SELECT application_id, recipient FROM notification WHERE template = 'reviewReminder' AND application_id = ANY($1::uuid[])`,
      [Object.values(ids)],
    );
    expect(reminders).toEqual([{ application_id: ids['株式会社期限間近'], recipient: DEMO_EMAIL.reviewer }]);
    const reminded = await db.query(`SELECT application_id FROM application_assignment WHERE reminded_at IS NOT NULL AND application_id = ANY($1::uuid[])`, [
      Object.values(ids),
    ]);
    expect(reminded).toEqual([{ application_id: ids['株式会社期限間近'] }]);

    const mail = await waitFor(async () => smtp.received.find((m) => m.to === DEMO_EMAIL.reviewer && m.text.includes('株式会社期限間近')));
    expect(mail.subject).toMatch(/^【補助金事務局】審査期限が近づいています（受付番号 .+）$/);
    expect(mail.text).toMatch(/審査期限: \d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}/);
  });

  it('reminds a reviewer of an assignment while another transaction inserts a row that references it (a score being saved)', async () => {
    const round = await openRound(t);
    const app = await submittedIn(round.id, { applicantName: '株式会社採点保存中' });
    const [{ id }] = await db.query(
      `INSERT INTO application_assignment (application_id, reviewer_id, due_at) VALUES ($1, $2, now() + interval '10 hours') RETURNING id`,
      [app.id, s.reviewer.user.id],
    );
    // the key-share lock an insert referencing the assignment holds until its transaction ends
    const referencing = db.createQueryRunner();
    await referencing.startTransaction();
    try {
      await referencing.query(`SELECT id FROM application_assignment WHERE id = $1 FOR KEY SHARE`, [id]);
      await t.app.get(RemindReviewersJob).handle();
    } finally {
      await referencing.rollbackTransaction();
      await referencing.release();
    }
    const [{ reminded }] = await db.query(`SELECT reminded_at IS NOT NULL AS reminded FROM application_assignment WHERE id = $1`, [id]);
    expect(reminded).toBe(true);
  });

  it('sends each active manager one digest a day, however often it runs', async () => {
    const round = await openRound(t);
    await submittedIn(round.id);
    await db.query(`INSERT INTO notification (template, recipient, status, last_error) VALUES ('received', 'bounce@example.jp', 'failed', '550 no such user')`);
    await db.query(
      `INSERT INTO staff_user (email, name, role, password_hash, active) VALUES ('manager2@jimukyoku.example.jp', '第二 マネージャー', 'manager', 'x', true), ('retired@jimukyoku.example.jp', '退職 マネージャー', 'manager', 'x', false)`,
    );

    await thrice(t.app.get(ManagerDigestJob));

    const digests = await db.query(`SELECT recipient FROM notification WHERE template = 'managerDigest' ORDER BY recipient`);
    expect(digests.map((d: { recipient: string }) => d.recipient)).toEqual([DEMO_EMAIL.manager, 'manager2@jimukyoku.example.jp'].sort());
    expect((await db.query(`SELECT count(*)::int AS n FROM manager_digest WHERE notification_id IS NOT NULL`))[0].n).toBe(2);

    const mail = await waitFor(async () => smtp.received.find((m) => m.to === DEMO_EMAIL.manager && m.subject.includes('日次サマリー')));
    expect(mail.text).toContain(`【${round.name}（`);
    expect(mail.text).toMatch(/申請済（受付） \d+件/);
    expect(mail.text).toMatch(/直近24時間 [1-9]\d*件/);
  });
});
