import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { MailpitDeliveryLedger, NoDeliveryLedger, DeliveryLedger } from '../src/modules/notifications/delivery-ledger';
import { MAIL_TRANSPORT, MailTransport } from '../src/modules/notifications/mail-transport';
import { NotificationDeliveryRepository } from '../src/modules/notifications/notification-delivery.repository';
import { RequeueStrandedNotificationsJob } from '../src/modules/notifications/requeue-stranded-notifications.job';
import { sendJob } from '../src/modules/notifications/send-job';
import { SendNotificationJob, UNCERTAIN_REASON } from '../src/modules/notifications/send-notification.job';
import { JobName, QueueName } from '../src/queue';
import { startTestApp, TestApp } from './harness';
import { insertNotifications } from './notification-fixtures';
import { startSmtpSink, waitFor } from './smtp-sink';

/**
 * A send that may have happened (an earlier attempt left the notification `sending`) is reconciled
 * with the mail server before it is retried: no second copy when the server has it, a send when it
 * has not, and `uncertain` (for a person to check) when nobody can tell.
 */
describe('notifications: reconciling an interrupted send before retrying', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const row = async (id: string) =>
    (await db.query(`SELECT status, attempts, last_error, reconciled_at, sent_at, smtp_response FROM notification WHERE id = $1`, [id]))[0];
  const copies = (messageId: string | null) => smtp.received.filter((m) => m.messageId === messageId).length;
  /** what an attempt that died right after the server said 250 leaves behind: the mail at the server, the row `sending` */
  const deliveredThenInterrupted = async () => {
    const [n] = await insertNotifications(db, 1, { status: 'sending', recipientPrefix: 'interrupted' });
    const direct = nodemailer.createTransport(smtp.url);
    await direct.sendMail({ from: 'no-reply@jimukyoku.example.jp', to: n.recipient, subject: '件名', text: '本文', messageId: n.messageId! });
    direct.close();
    return n;
  };
  /** the send job as the worker runs it, with another ledger, on the given attempt of 8 */
  const runJob = (id: string, ledger: DeliveryLedger, attemptsMade = 0) =>
    new SendNotificationJob(t.app.get(NotificationDeliveryRepository), t.app.get<MailTransport>(MAIL_TRANSPORT), ledger, t.config).handle(
      { notificationId: id },
      { attemptsMade, opts: { attempts: 8 } } as Job,
    );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      label: 'reconcile',
      overrides: { workerEnabled: true, smtpUrl: smtp.url, smtpReconcileUrl: smtp.reconcileUrl, mailRatePerSecond: 0 },
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('marks sent, without a second copy, a send the server accepted before the worker died (through the queue)', async () => {
    const n = await deliveredThenInterrupted();
    await t.app.get<Queue>(getQueueToken(QueueName.Mail)).add(JobName.SendNotification, { notificationId: n.id }, { jobId: n.id, attempts: 8 });
    const settled = await waitFor(async () => {
      const r = await row(n.id);
      return r.status === 'sent' ? r : null;
    });
    expect(settled.reconciled_at).not.toBeNull();
    expect(smtp.lookups).toContain(n.messageId!.replace(/^<|>$/g, ''));
    await new Promise((r) => setTimeout(r, 500));
    expect(copies(n.messageId)).toBe(1);
  });

  it('sends once a send the server never got (the worker died before the message reached it)', async () => {
    const [n] = await insertNotifications(db, 1, { status: 'sending', recipientPrefix: 'lost' });
    expect(await runJob(n.id, new MailpitDeliveryLedger(smtp.reconcileUrl))).toBe('sent');
    const r = await row(n.id);
    expect([r.status, r.reconciled_at, r.attempts]).toEqual(['sent', null, 1]);
    expect(r.smtp_response).toMatch(/^250/);
    expect(copies(n.messageId)).toBe(1);
  });

  it('ends uncertain with a reason a person can act on when the relay cannot be asked, and sends nothing', async () => {
    const n = await deliveredThenInterrupted();
    expect(await runJob(n.id, new NoDeliveryLedger())).toBe('uncertain');
    const r = await row(n.id);
    expect([r.status, r.last_error, r.sent_at]).toEqual(['uncertain', UNCERTAIN_REASON, null]);
    expect(UNCERTAIN_REASON).toBe('送信済みか不明です。確認のうえ再送してください。');
    expect(copies(n.messageId)).toBe(1);
  });

  it('waits (sends nothing, retries later) while the lookup is down, and ends uncertain on the last attempt', async () => {
    const [n] = await insertNotifications(db, 1, { status: 'sending', recipientPrefix: 'lookupdown' });
    const down = new MailpitDeliveryLedger('http://127.0.0.1:9', 1_000);
    await expect(runJob(n.id, down, 0)).rejects.toThrow();
    expect((await row(n.id)).status).toBe('sending');
    expect((await row(n.id)).last_error).toContain('送信の照合に失敗しました');
    expect(await runJob(n.id, down, 7)).toBe('uncertain');
    expect((await row(n.id)).last_error).toContain(UNCERTAIN_REASON);
    expect(copies(n.messageId)).toBe(0);
  });

  it('queues again the send job of notifications whose job is gone (Redis lost it, or retries ran out), and delivers each once', async () => {
    const mail = t.app.get<Queue>(getQueueToken(QueueName.Mail));
    const [lost] = await insertNotifications(db, 1, { status: 'queued', recipientPrefix: 'stranded-queued' });
    const cut = await deliveredThenInterrupted(); // `sending`, at the server already, its job gone
    const [waiting] = await insertNotifications(db, 1, { status: 'queued', recipientPrefix: 'stranded-waiting' });
    const { name, data, opts } = sendJob(waiting.id);
    await mail.add(name, data, { ...opts, delay: 60_000 }); // a live (delayed) job: left alone
    await db.query(`UPDATE notification SET updated_at = now() - interval '10 minutes' WHERE id = ANY($1)`, [[lost.id, cut.id, waiting.id]]);

    expect(await t.app.get(RequeueStrandedNotificationsJob).handle()).toBe(2);
    await waitFor(async () => (await row(lost.id)).status === 'sent' && (await row(cut.id)).status === 'sent');
    expect((await row(cut.id)).reconciled_at).not.toBeNull();
    expect([copies(lost.messageId), copies(cut.messageId)]).toEqual([1, 1]);
    expect((await row(waiting.id)).status).toBe('queued');
    expect(await (await mail.getJob(waiting.id))?.getState()).toBe('delayed');
  });

  it('never touches a notification that is already sent, failed or uncertain', async () => {
    for (const status of ['sent', 'failed', 'uncertain'] as const) {
      const [n] = await insertNotifications(db, 1, { status, recipientPrefix: `done-${status}` });
      expect(await runJob(n.id, new MailpitDeliveryLedger(smtp.reconcileUrl))).toBe('skipped: already handled');
      expect((await row(n.id)).status).toBe(status);
      expect(copies(n.messageId)).toBe(0);
    }
  });

  it('keeps the claims and records that shared a statement with a step PostgreSQL refuses: only that step fails', async () => {
    const queued = await insertNotifications(db, 2, { status: 'queued', recipientPrefix: 'shared-claim' });
    const [held] = await insertNotifications(db, 1, { status: 'sending', recipientPrefix: 'shared-refused' });
    const delivery = t.app.get(NotificationDeliveryRepository);
    // one turn of the event loop: the three steps go into one statement; a NUL is a value PostgreSQL refuses in text
    const steps = [...queued.map((n) => delivery.claim(n.id)), delivery.markSent(held.id, '250 OK\u0000')].map((p) =>
      p.then(
        () => 'done',
        (e: Error) => e.message,
      ),
    );
    const outcomes = await Promise.all(steps);
    expect(outcomes.slice(0, 2)).toEqual(['done', 'done']);
    expect(outcomes[2]).toMatch(/0x00/);
    for (const n of queued) expect([(await row(n.id)).status, (await row(n.id)).attempts]).toEqual(['sending', 1]);
    expect((await row(held.id)).status).toBe('sending'); // its job is retried and reconciles first
  });
});
