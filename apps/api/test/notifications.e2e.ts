import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { asIntake, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { insertNotifications } from './notification-fixtures';
import { startTestApp, TestApp } from './harness';
import { startSmtpSink, waitFor } from './smtp-sink';

describe('notifications: outbox → queue → mail', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const statusOf = async (applicationId: string, template: string) =>
    (
      await db.query(`SELECT id, status, attempts, last_error, message_id, smtp_response FROM notification WHERE application_id = $1 AND template = $2`, [
        applicationId,
        template,
      ])
    )[0];
  const submitted = async (email = 'info@sakura.example.jp') => {
    const round = await openRound(t);
    const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { email, receiptNumber: 'RES90-00000001' }));
    await asIntake(t, app.id, 'submit');
    return app;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ label: 'notifications', overrides: { workerEnabled: true, smtpUrl: smtp.url } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends exactly one email, in Japanese, for a transition; the text as sent is stored', async () => {
    const app = await submitted();
    const row = await waitFor(async () => {
      const r = await statusOf(app.id, 'received');
      return r?.status === 'sent' ? r : null;
    });
    const mails = smtp.received.filter((m) => m.messageId === row.message_id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('【事業再構築補助金】申請を受け付けました（受付番号 RES90-00000001）');
    expect(mails[0].text).toContain('株式会社テスト製作所 様');
    expect(mails[0].text).toContain('補助金額（見込み）: 20,000,000円');
    expect(mails[0].to).toBe('info@sakura.example.jp');
    expect(row.smtp_response).toMatch(/^250/);
    const shown = await t
      .http()
      .get('/api/notifications')
      .query({ filter: JSON.stringify({ applicationId: app.id }) })
      .set('Authorization', `Bearer ${s.manager.token}`)
      .expect(200);
    expect(shown.body[0]).toMatchObject({ status: 'sent', subject: mails[0].subject, templateVersion: 1 });
    await new Promise((r) => setTimeout(r, 1500)); // the dispatcher runs again: nothing is sent twice
    expect(smtp.received.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
  });

  it('ends in failed with the reason on a 5xx', async () => {
    smtp.refuseNext(550, 'Mailbox unavailable');
    const app = await submitted('nobody@invalid.example.jp');
    const row = await waitFor(async () => {
      const r = await statusOf(app.id, 'received');
      return r?.status === 'failed' ? r : null;
    });
    expect(row.last_error).toContain('550');
    expect(row.attempts).toBe(1);
  });

  it('retries after a 4xx and then delivers once', async () => {
    smtp.refuseNext(451, 'Try again later');
    const app = await submitted('retry@example.jp');
    const row = await waitFor(async () => {
      const r = await statusOf(app.id, 'received');
      return r?.status === 'sent' ? r : null;
    });
    expect(row.attempts).toBe(2);
    expect(smtp.received.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
  });

  it('holds decision notices until the round’s 採択発表, then sends them', async () => {
    const round = await openRound(t);
    const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { email: 'decided@example.jp' }));
    await asIntake(t, app.id, 'submit');
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);
    await t
      .http()
      .post(`/api/applications/${app.id}/transitions/adopt`)
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ reason: '締切前に個別に採択（テスト）' })
      .expect(200);
    await new Promise((r) => setTimeout(r, 2500));
    const held = await statusOf(app.id, 'adopted');
    expect(held.status).toBe('held');
    // a copy now would tell the decision before its announcement, and the original would follow it: refused
    const early = await t.http().post(`/api/notifications/${held.id}/resend`).set('Authorization', `Bearer ${s.manager.token}`).send({}).expect(409);
    expect(early.body).toMatchObject({ code: 'NOT_RESENDABLE', status: 'held', message: expect.stringContaining('発表の前に申請者へ送ることはできません') });
    // nor is a notice a later decision cancelled (the applicant is told the last decision only)
    await db.query(`UPDATE notification SET status = 'cancelled' WHERE id = $1`, [held.id]);
    const cancelled = await t.http().post(`/api/notifications/${held.id}/resend`).set('Authorization', `Bearer ${s.manager.token}`).send({}).expect(409);
    expect(cancelled.body).toMatchObject({ code: 'NOT_RESENDABLE', status: 'cancelled' });
    await db.query(`UPDATE notification SET status = 'held' WHERE id = $1`, [held.id]);
    expect(await db.query(`SELECT id FROM notification WHERE payload->>'resentFrom' = $1`, [held.id])).toEqual([]);
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 second' WHERE id = $1`, [round.id]);
    await waitFor(async () => (await statusOf(app.id, 'adopted'))?.status === 'sent');
    expect(smtp.received.filter((m) => m.to === 'decided@example.jp' && m.subject.includes('採択のお知らせ'))).toHaveLength(1);
  });

  it('lets a manager resend a notification as a new, audited one (e.g. to a corrected address)', async () => {
    const app = await submitted('typo@exmaple.jp');
    const sent = await waitFor(async () =>
      (await db.query(`SELECT id, status FROM notification WHERE application_id = $1`, [app.id])).find((r: { status: string }) => r.status === 'sent'),
    );
    // an address the intake would refuse is refused here too (libs/domain isMailAddress)
    for (const recipient of ['a..b@example.jp', 'x@[127.0.0.1]', 'ｒｉｇｈｔ@example.jp']) {
      const refused = await t
        .http()
        .post(`/api/notifications/${sent.id}/resend`)
        .set('Authorization', `Bearer ${s.manager.token}`)
        .send({ recipient })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: 'recipient', message: expect.stringContaining('メールアドレスの形式') }]);
    }
    const res = await t
      .http()
      .post(`/api/notifications/${sent.id}/resend`)
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ recipient: 'right@example.jp' })
      .expect(201);
    await waitFor(async () => smtp.received.find((m) => m.to === 'right@example.jp'));
    expect((await db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [res.body.id]))[0].action).toBe('notification.resent');

    // a copy is the text as sent, even after the template was reworded
    const template = (await t.http().get('/api/notification-templates/received').set('Authorization', `Bearer ${s.manager.token}`).expect(200)).body;
    await t
      .http()
      .put('/api/notification-templates/received')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ subject: `改訂 ${template.subject}`, bodyText: `改訂した文面です。\n${template.bodyText}`, version: template.version })
      .expect(200);
    const again = await t
      .http()
      .post(`/api/notifications/${sent.id}/resend`)
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ recipient: 'again@example.jp' })
      .expect(201);
    await waitFor(async () => smtp.received.find((m) => m.to === 'again@example.jp'));
    const textOf = async (id: string) => (await db.query(`SELECT template_version, subject, body_text, body_html FROM notification WHERE id = $1`, [id]))[0];
    expect(await textOf(again.body.id)).toEqual(await textOf(sent.id));
    expect(smtp.received.find((m) => m.to === 'again@example.jp')!.subject).not.toContain('改訂');
  });

  it('lets a manager settle a 要確認 notification as delivered, with the evidence audited, without sending it again', async () => {
    const [n] = await insertNotifications(db, 1, { status: 'uncertain', recipientPrefix: 'unsure' });
    const before = smtp.received.length;
    const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
    await t.http().post(`/api/notifications/${n.id}/confirm-delivered`).set(as(s.manager)).send({}).expect(400);
    const res = await t
      .http()
      .post(`/api/notifications/${n.id}/confirm-delivered`)
      .set(as(s.manager))
      .send({ note: '中継サーバーのログで配信を確認' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'sent', smtpResponse: '担当者が配信を確認: 中継サーバーのログで配信を確認' });
    const [audit] = await db.query(`SELECT action, from_status, to_status, reason, actor_role FROM audit_log WHERE entity_id = $1`, [n.id]);
    expect(audit).toEqual({
      action: 'notification.confirmedDelivered',
      from_status: 'uncertain',
      to_status: 'sent',
      reason: '中継サーバーのログで配信を確認',
      actor_role: 'manager',
    });
    const again = await t.http().post(`/api/notifications/${n.id}/confirm-delivered`).set(as(s.manager)).send({ note: 'もう一度' }).expect(409);
    expect(again.body.code).toBe('NOT_UNCERTAIN');
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.length).toBe(before);
  });
});
