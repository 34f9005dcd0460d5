import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { TransitionRefused } from '../src/modules/applications/transitions.errors';
import { Round } from '../src/modules/rounds/round.entity';
import { CloseUncorrectedJob, UNCORRECTED_REASON } from '../src/modules/schedules/close-uncorrected.job';
import { RemindCorrectionsJob } from '../src/modules/schedules/remind-corrections.job';
import { QueueName } from '../src/queue';
import { UnitOfWork } from '../src/database';
import { StatusLinksService } from '../src/modules/status-links/status-links.service';
import { WorkerScheduler } from '../src/worker/worker-scheduler';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { asIntake, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { startSmtpSink, waitFor } from './smtp-sink';

/**
 * The 補正期限 jobs against the real database and Redis, with the worker running (so the reminders go
 * through the outbox to a real SMTP server): the applicant's reminder before the 補正期限 (default
 * CORRECTION_REMINDER_HOURS = 72), and closing (closeUncorrected) a returned application left past it.
 * Times are moved in the database, never waited for; each job is run twice at once and once more.
 */
describe('scheduled work: 補正期限 reminders and closing uncorrected applications', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let seq = 0;
  const thrice = async (job: { handle(): Promise<unknown> }) => {
    await Promise.all([job.handle(), job.handle()]);
    await job.handle();
  };
  const transitions = () => t.app.get(TransitionsService);
  const reviewer = () => ({ role: 'reviewer' as const, id: s.reviewer.user.id });

  /** A submitted application taken into 要件確認 and returned (差戻し) with `reason`. */
  const returned = async (name: string, reason = '収支計画の表が欠落しています') => {
    const app = await createDraft(
      t,
      draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { applicantName: name, email: `applicant${++seq}@example.jp` }),
    );
    await asIntake(t, app.id, 'submit');
    await transitions().fire(app.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions().fire(app.id, 'returnForCorrection', reviewer(), { reason });
    return app.id;
  };
  const dueIn = (id: string, interval: string) => db.query(`UPDATE application SET correction_due_at = now() + $2::interval WHERE id = $1`, [id, interval]);
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const reminders = (ids: string[]) =>
    db.query(
      `SELECT application_id, recipient, payload FROM notification WHERE template = 'correctionReminder' AND application_id = ANY($1::uuid[]) ORDER BY created_at`,
      [ids],
    );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ label: 'corrections', overrides: { workerEnabled: true, smtpUrl: smtp.url } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('registers one schedule for each of the two jobs', async () => {
    const schedulers = await t.app.get<Queue>(getQueueToken(QueueName.System)).getJobSchedulers();
    const byId = Object.fromEntries(schedulers.map((j) => [j.key, j]));
    expect(byId['remind-corrections']).toMatchObject({ every: 5 * 60_000 });
    expect(byId['close-uncorrected']).toMatchObject({ every: 5 * 60_000 });
  });

  it('reminds the applicant once of a 補正期限 within 72 hours, with the items to fix, by email', async () => {
    const near = await returned('株式会社補正間近', '認定支援機関の確認書が添付されていません');
    const far = await returned('株式会社補正まだ先');
    const past = await returned('株式会社補正期限切れ');
    const resubmitted = await returned('株式会社再提出済');
    await asIntake(t, resubmitted, 'resubmit');
    await dueIn(near, '10 hours');
    await dueIn(far, '100 hours');
    await dueIn(past, '-1 hours');
    await dueIn(resubmitted, '10 hours');

    await thrice(t.app.get(RemindCorrectionsJob));

    const [{ email, receiptNumber }] = await db.query(`SELECT email, receipt_number AS "receiptNumber" FROM application WHERE id = $1`, [near]);
    const sent = await reminders([near, far, past, resubmitted]);
    expect(sent).toEqual([
      {
        application_id: near,
        recipient: email,
        payload: expect.objectContaining({
          applicantName: '株式会社補正間近',
          reason: '認定支援機関の確認書が添付されていません',
          roundName: round.name,
          receiptNumber,
          categoryName: '通常枠',
        }),
      },
    ]);
    const [{ due }] = await db.query(`SELECT correction_due_at AS due FROM application WHERE id = $1`, [near]);
    expect(Date.parse(sent[0].payload.correctionDueAt)).toBe(new Date(due).getTime());

    const mail = await waitFor(async () => smtp.received.find((m) => m.to === email && m.subject.includes('補正期限のお知らせ')));
    expect(mail.subject).toMatch(/^【事業再構築補助金】補正期限のお知らせ（受付番号 .+）$/);
    expect(mail.text).toContain('株式会社補正間近 様');
    expect(mail.text).toContain('修正を求める事項:\n認定支援機関の確認書が添付されていません');
    expect(mail.text).toMatch(/補正期限: \d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}/);
  });

  it('reminds again after a second 差戻し (a new 補正期限), with the new items to fix', async () => {
    const id = await returned('株式会社二度目の差戻し', '経費の内訳が不足しています');
    await dueIn(id, '10 hours');
    await thrice(t.app.get(RemindCorrectionsJob));
    expect(await reminders([id])).toHaveLength(1);

    await asIntake(t, id, 'resubmit');
    await transitions().fire(id, 'returnForCorrection', reviewer(), { reason: '見積書の日付が公募期間外です' });
    await thrice(t.app.get(RemindCorrectionsJob));
    expect(await reminders([id])).toHaveLength(1); // the new 補正期限 (10 days) is not near yet

    await dueIn(id, '20 hours');
    await thrice(t.app.get(RemindCorrectionsJob));
    const sent = await reminders([id]);
    expect(sent.map((n: { payload: { reason: string } }) => n.payload.reason)).toEqual(['経費の内訳が不足しています', '見積書の日付が公募期間外です']);
  });

  it('closes returned applications past their 補正期限 as 要件不適合, by the system, once; leaves the others', async () => {
    const overdue = [await returned('株式会社期限切れ一'), await returned('株式会社期限切れ二')];
    const notYet = await returned('株式会社期限前');
    const resubmitted = await returned('株式会社期限前に再提出');
    await asIntake(t, resubmitted, 'resubmit');
    for (const id of overdue) await dueIn(id, '-1 minutes');
    await dueIn(notYet, '1 hours');
    await dueIn(resubmitted, '-1 minutes');

    await thrice(t.app.get(CloseUncorrectedJob));

    for (const id of overdue) expect(await statusOf(id)).toBe('ineligible');
    expect(await statusOf(notYet)).toBe('returned');
    expect(await statusOf(resubmitted)).toBe('resubmitted');

    const audits = await db.query(
      `SELECT entity_id, actor_id, actor_role, from_status, to_status, reason FROM audit_log WHERE action = 'application.closeUncorrected' AND entity_id = ANY($1::text[]) ORDER BY entity_id`,
      [[...overdue, notYet, resubmitted]],
    );
    expect(audits).toEqual(
      [...overdue]
        .sort()
        .map((id) => ({ entity_id: id, actor_id: null, actor_role: 'system', from_status: 'returned', to_status: 'ineligible', reason: UNCORRECTED_REASON })),
    );
    // the 要件不適合 notice waits for the 採択発表, as the workflow says
    const notices = await db.query(`SELECT application_id, status FROM notification WHERE template = 'ineligible' AND application_id = ANY($1::uuid[])`, [
      [...overdue, notYet, resubmitted],
    ]);
    expect(notices).toHaveLength(2);
    expect(notices.every((n: { status: string }) => n.status === 'held')).toBe(true);

    // meanwhile the applicant, who knows the 補正期限 passed, is told so: not 「再提出してください」 on the page, nor a
    // result announced later as the reason a 再提出 is refused
    const late = await asIntake(t, overdue[0], 'resubmit').catch((e: unknown) => e);
    expect(late).toBeInstanceOf(TransitionRefused);
    expect((late as TransitionRefused).getResponse()).toMatchObject({
      code: 'NOT_YET_ANNOUNCED',
      message: expect.stringContaining('補正期限までに再提出がなかったため、この申請の手続きは終了しています'),
    });
    const url = await t.app.get(UnitOfWork).run((tx) => t.app.get(StatusLinksService).urlFor(overdue[0], tx));
    const page = await t.http().get(new URL(url).pathname).expect(200);
    expect(page.text).toContain('<p class="state" data-state>差戻し</p>');
    expect(page.text).toContain('補正期限までに再提出がありませんでした。');
    expect(page.text).toContain('補正期限を過ぎたため、再提出はできません。');
    expect(page.text).not.toContain('補正期限までに再提出してください');
  });

  it('leaves an application open during the second its 補正期限 is stated to, and closes it after', async () => {
    const id = await returned('株式会社最後の一秒');
    // at the start of a second, so that the run below falls in the same one
    while (Date.now() % 1000 > 100) await new Promise((r) => setTimeout(r, 10));
    await db.query(`UPDATE application SET correction_due_at = date_trunc('second', now()) WHERE id = $1`, [id]);
    await t.app.get(CloseUncorrectedJob).handle();
    expect(await statusOf(id)).toBe('returned');
    await new Promise((r) => setTimeout(r, 1000));
    await t.app.get(CloseUncorrectedJob).handle();
    expect(await statusOf(id)).toBe('ineligible');
  });

  it('goes on with the others when one application is refused, and closes that one on a later run', async () => {
    // the worker's own close-uncorrected runs (its scheduler fires at start, then every 5 minutes) would race the runs
    // this test makes and watches: SKIP LOCKED lets either skip an application the other holds. Stop them first —
    // and the worker's re-assertion of its schedules (every 15 s), which would bring the scheduler back and fire it.
    t.app.get(WorkerScheduler).onApplicationShutdown();
    const system = t.app.get<Queue>(getQueueToken(QueueName.System));
    await new Promise((r) => setTimeout(r, 200)); // a re-assertion already under way
    await system.removeJobScheduler('close-uncorrected');
    // and the queue paused, so that no job added meanwhile starts either. (CI still saw one of the three left
    // 差戻し: not another run, but the dispatcher's key-share lock as it rendered the 差戻し mail, which the claim
    // took for another worker's until it became FOR NO KEY UPDATE; the last test of this suite holds that lock.)
    await system.pause();
    for (let i = 0; i < 100 && (await system.getActiveCount()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await system.getActiveCount()).toBe(0);
    const ids = [await returned('株式会社拒否一'), await returned('株式会社拒否二'), await returned('株式会社拒否三')];
    for (const id of ids) await dueIn(id, '-1 minutes');
    const service = transitions();
    const fireIn = service.fireIn.bind(service);
    let refused: string | undefined;
    const spy = jest.spyOn(service, 'fireIn').mockImplementation((m, id, ...rest) => {
      if (ids.includes(id) && (refused ?? (refused = id)) === id) throw new TransitionRefused('GUARD_FAILED', 'テストのための拒否');
      return fireIn(m, id, ...rest);
    });
    try {
      await t.app.get(CloseUncorrectedJob).handle();
    } finally {
      spy.mockRestore();
    }

    expect(refused).toBeDefined();
    for (const id of ids) expect([id, await statusOf(id)]).toEqual([id, id === refused ? 'returned' : 'ineligible']);

    await t.app.get(CloseUncorrectedJob).handle();
    expect(await statusOf(refused!)).toBe('ineligible');
    await system.resume();
  });

  it('reminds and closes an application while another transaction inserts a row that references it', async () => {
    // (runs after the test above has stopped the worker's own runs.) Inserting a row that references the
    // application (the dispatcher making its status link as it renders the 差戻し mail) holds a key-share
    // lock on it until that transaction ends; the jobs' claims must not take that for another worker's
    // claim and skip the application (CI saw one left 差戻し that way)
    const toRemind = await returned('株式会社参照中の督促');
    const toClose = await returned('株式会社参照中の締切');
    await dueIn(toRemind, '10 hours');
    await dueIn(toClose, '-1 minutes');
    const referencing = db.createQueryRunner();
    await referencing.startTransaction();
    try {
      await referencing.query(`SELECT id FROM application WHERE id = ANY($1::uuid[]) FOR KEY SHARE`, [[toRemind, toClose]]);
      await expect(t.app.get(RemindCorrectionsJob).handle()).resolves.toBeDefined();
      await expect(t.app.get(CloseUncorrectedJob).handle()).resolves.toMatchObject({ closed: 1, failed: 0 });
    } finally {
      await referencing.rollbackTransaction();
      await referencing.release();
    }
    expect(await reminders([toRemind])).toHaveLength(1);
    expect(await statusOf(toClose)).toBe('ineligible');
  });
});
