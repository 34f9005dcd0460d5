import { DataSource } from 'typeorm';
import { DispatchNotificationsJob } from '../src/modules/notifications/dispatch-notifications.job';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { asIntake, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

describe('notification templates: versions, preview, the version a notification was rendered from', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let receiptNumber: string;
  const as = (who: LoggedIn) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${who.token}`),
    put: (path: string, body: object) => t.http().put(path).set('Authorization', `Bearer ${who.token}`).send(body),
    post: (path: string, body: object) => t.http().post(path).set('Authorization', `Bearer ${who.token}`).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp({ label: 'templates', overrides: { mailWebUrl: 'http://localhost:8025' } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    const round = await openRound(t);
    const app = await createDraft(
      t,
      draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { applicantName: '株式会社さくら精機', receiptNumber: 'RES91-00000007' }),
    );
    await asIntake(t, app.id, 'submit');
    receiptNumber = (await db.query(`SELECT receipt_number FROM application WHERE id = $1`, [app.id]))[0].receipt_number;
  });
  afterAll(() => t?.close());

  it('lists every template (one row per code, its latest version) with Content-Range', async () => {
    const res = await as(s.auditor)
      .get('/api/notification-templates')
      .query({ sort: JSON.stringify(['code', 'ASC']), range: JSON.stringify([0, 99]) })
      .expect(200);
    expect(res.headers['content-range']).toMatch(/^notification-templates 0-\d+\/\d+$/);
    const received = res.body.find((r: { id: string }) => r.id === 'received');
    expect(received).toMatchObject({ code: 'received', label: '受付', audience: 'applicant', version: 1 });
    expect(res.body.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['reviewReminder', 'reviewOverdue', 'managerDigest']));
    const filtered = await as(s.manager)
      .get('/api/notification-templates')
      .query({ filter: JSON.stringify({ audience: 'reviewer' }) })
      .expect(200);
    // the scheduler's reminder before the 審査期限, the dashboard's 催促 after it
    expect(filtered.body.map((r: { id: string }) => r.id).sort()).toEqual(['reviewOverdue', 'reviewReminder']);
    expect(filtered.body.find((r: { id: string }) => r.id === 'reviewOverdue')).toMatchObject({
      label: '審査期限超過の催促（審査員宛）',
      audience: 'reviewer',
      version: 1,
      subject: '【補助金事務局】審査期限を過ぎています（受付番号 {{receiptNumber}}）',
    });
  });

  it('gives a database seeded before a template existed (reviewOverdue) that template on the next seed, leaving the others as they are', async () => {
    const before: { code: string; version: number }[] = await db.query(
      `SELECT code, max(version) AS version FROM notification_template GROUP BY code ORDER BY code`,
    );
    await db.query(`DELETE FROM notification_template WHERE code = 'reviewOverdue'`);
    const [report] = await runSeed(db, { demo: false, steps: [notificationTemplatesSeed] });
    expect(report).toEqual({ step: 'notification templates', summary: 'created 1 templates' });
    expect(await db.query(`SELECT code, max(version) AS version FROM notification_template GROUP BY code ORDER BY code`)).toEqual(before);
    const [{ subject }] = await db.query(`SELECT subject FROM notification_template WHERE code = 'reviewOverdue'`);
    expect(subject).toBe('【補助金事務局】審査期限を過ぎています（受付番号 {{receiptNumber}}）');
  });

  it('saves an edit as a new version, audited, and keeps the old one', async () => {
    const before = (await as(s.manager).get('/api/notification-templates/received').expect(200)).body;
    expect(before.variables).toContainEqual({ name: 'receiptNumber', label: '受付番号' });
    const res = await as(s.manager)
      .put('/api/notification-templates/received', {
        subject: before.subject,
        bodyText: `${before.bodyText}\n\n審査結果は公募回の採択発表でお知らせします。`,
        version: before.version,
      })
      .expect(200);
    expect(res.body).toMatchObject({ id: 'received', version: 2, versionCount: 2, updatedByName: expect.any(String) });

    const versions = (await as(s.auditor).get('/api/notification-templates/received/versions').expect(200)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].bodyText).toBe(before.bodyText);
    const [audit] = await db.query(`SELECT actor_id, changes FROM audit_log WHERE action = 'notificationTemplate.saved' AND entity_id = 'received'`);
    expect(audit.actor_id).toBe(s.manager.user.id);
    expect(audit.changes.version).toEqual({ from: 1, to: 2 });
    expect(audit.changes.bodyText.to).toContain('採択発表でお知らせします');
  });

  it('refuses an applicant’s template without the 受付番号, the status link or a contact, naming them, and saves nothing', async () => {
    const current = (await as(s.manager).get('/api/notification-templates/itSubsidy.received').expect(200)).body;
    const bare = await as(s.manager)
      .put('/api/notification-templates/itSubsidy.received', { subject: '件名のみ', bodyText: '本文のみ', version: current.version })
      .expect(400);
    expect(bare.body).toMatchObject({ code: 'TEMPLATE_ESSENTIALS_MISSING', missingVariables: ['receiptNumber', 'statusUrl', 'secretariatPhone'] });
    expect(bare.body.message).toContain(
      '{{receiptNumber}}（受付番号）、{{statusUrl}}（申請状況の確認ページのURL）、{{secretariatPhone}}（事務局の電話番号） か {{secretariatEmail}}',
    );
    // one contact is enough; a draft without them still previews
    await as(s.manager).post('/api/notification-templates/itSubsidy.received/preview', { subject: '件名のみ', bodyText: '本文のみ' }).expect(200);
    const enough = await as(s.manager)
      .put('/api/notification-templates/itSubsidy.received', {
        subject: '受付 {{receiptNumber}}',
        bodyText: '確認: {{statusUrl}}\nメール: {{secretariatEmail}}',
        version: current.version,
      })
      .expect(200);
    expect(enough.body.version).toBe(current.version + 1);
    expect((await as(s.manager).get('/api/notification-templates/itSubsidy.received/versions').expect(200)).body).toHaveLength(current.version + 1);
  });

  it('refuses a save based on a version someone else has replaced since (409), and the same text saves nothing', async () => {
    const res = await as(s.manager)
      .put('/api/notification-templates/received', { subject: '件名 {{receiptNumber}}', bodyText: '本文 {{statusUrl}} {{secretariatPhone}}', version: 1 })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'TEMPLATE_VERSION_CONFLICT', currentVersion: 2 });
    // without the version it started from a save would overwrite, unseen, the one saved since: refused, nothing saved
    const unversioned = await as(s.manager)
      .put('/api/notification-templates/received', { subject: '件名 {{receiptNumber}}', bodyText: '本文 {{statusUrl}} {{secretariatPhone}}' })
      .expect(400);
    expect(unversioned.body.errors).toEqual([{ field: 'version', message: expect.stringContaining('version (編集を始めた版) を指定してください') }]);
    const current = (await as(s.manager).get('/api/notification-templates/received').expect(200)).body;
    const same = await as(s.manager)
      .put('/api/notification-templates/received', { subject: current.subject, bodyText: current.bodyText, version: 2 })
      .expect(200);
    expect(same.body.version).toBe(2);
  });

  it('refuses a placeholder nothing would fill (an unclosed {{, a dotted or Japanese name, single braces), quoting it, on save and on preview', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM notification_template WHERE code = 'adopted'`))[0].n;
    const res = await as(s.manager)
      .put('/api/notification-templates/adopted', {
        subject: '採択のお知らせ {{receiptNumber}}',
        bodyText: '{{applicantName 様\n{{申請者名}} {applicantName}',
        version: 0,
      })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'TEMPLATE_MALFORMED_PLACEHOLDER',
      malformedPlaceholders: ['{{applicantName 様', '{{申請者名}}', '{applicantName}'],
    });
    expect(res.body.message).toContain('「{{applicantName 様」、「{{申請者名}}」、「{applicantName}」');
    expect(res.body.message).toContain('半角の {{ と }} で名前を囲んでください');
    expect(res.body.errors).toEqual([{ field: 'bodyText', message: res.body.message }]);
    const preview = await as(s.manager)
      .post('/api/notification-templates/adopted/preview', { subject: '{{receiptNumber}}', bodyText: 'x {{applicant.name}}' })
      .expect(400);
    expect(preview.body.code).toBe('TEMPLATE_MALFORMED_PLACEHOLDER');
    expect((await db.query(`SELECT count(*)::int AS n FROM notification_template WHERE code = 'adopted'`))[0].n).toBe(before);
  });

  it('refuses unknown variables with a Japanese 400 naming them, on save and on preview', async () => {
    const res = await as(s.manager)
      .put('/api/notification-templates/returned', { subject: '{{receiptNumber}}', bodyText: '{{applicantNmae}} 様 {{digestSummary}}', version: 0 })
      .expect(400);
    expect(res.body.code).toBe('TEMPLATE_UNKNOWN_VARIABLES');
    expect(res.body.message).toContain('{{applicantNmae}}、{{digestSummary}}');
    expect(res.body.message).toContain('使える項目は {{applicantName}}（事業者名）');
    expect(res.body.errors).toEqual([{ field: 'bodyText', message: res.body.message }]);
    const preview = await as(s.manager).post('/api/notification-templates/returned/preview', { subject: '{{nope}}', bodyText: 'x' }).expect(400);
    expect(preview.body.message).toContain('{{nope}}');
    expect((await db.query(`SELECT count(*)::int AS n FROM notification_template WHERE code = 'returned'`))[0].n).toBe(1);
  });

  it('previews a draft against a real application by 受付番号: subject, text and HTML', async () => {
    const res = await as(s.manager)
      .post('/api/notification-templates/adopted/preview', {
        subject: '採択 {{receiptNumber}}',
        bodyText: '{{applicantName}} 様\n金額: {{quotedAmount}} <b>',
        receiptNumber,
      })
      .expect(200);
    expect(res.body.subject).toBe(`採択 ${receiptNumber}`);
    expect(res.body.text).toBe('株式会社さくら精機 様\n金額: 20,000,000円 <b>');
    expect(res.body.html).toContain('株式会社さくら精機 様<br>');
    expect(res.body.html).toContain('&lt;b&gt;');
    expect(res.body.application).toMatchObject({ receiptNumber, applicantName: '株式会社さくら精機' });
    const byId = await as(s.auditor)
      .post('/api/notification-templates/adopted/preview', { subject: 'x', bodyText: '{{receiptNumber}}', applicationId: res.body.application.id })
      .expect(200);
    expect(byId.body.text).toBe(receiptNumber);
    const missing = await as(s.manager)
      .post('/api/notification-templates/adopted/preview', { subject: 'x', bodyText: 'y', receiptNumber: 'NONE-00000000' })
      .expect(404);
    expect(missing.body.code).toBe('PREVIEW_APPLICATION_NOT_FOUND');
  });

  it('previews the managers’ digest with today’s figures', async () => {
    const res = await as(s.manager)
      .post('/api/notification-templates/managerDigest/preview', { subject: '{{digestDate}}', bodyText: '{{recipientName}}\n{{digestSummary}}' })
      .expect(200);
    expect(res.body.subject).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日\(.\)$/);
    expect(res.body.text).toContain('■ 公募回ごとの申請件数');
    expect(res.body.text).toMatch(/第\d+回公募/);
  });

  it('renders the next notification from the latest version and records that version', async () => {
    const round = await openRound(t);
    const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard')));
    await asIntake(t, app.id, 'submit');
    await t.app.get(DispatchNotificationsJob).handle();
    const [n] = await db.query(`SELECT template_version, body_text FROM notification WHERE application_id = $1 AND template = 'received'`, [app.id]);
    expect(n.template_version).toBe(2);
    expect(n.body_text).toContain('採択発表でお知らせします');
    const versions = (await as(s.manager).get('/api/notification-templates/received/versions').expect(200)).body;
    expect(versions[0].notificationCount).toBeGreaterThanOrEqual(1);
  });

  it('answers 404 for an unknown template, and refuses edits by anyone but a manager', async () => {
    expect((await as(s.manager).get('/api/notification-templates/nope').expect(404)).body.code).toBe('TEMPLATE_NOT_FOUND');
    await as(s.admin).put('/api/notification-templates/received', { subject: 'x', bodyText: 'y' }).expect(403);
    await as(s.reviewer).get('/api/notification-templates').expect(403);
  });

  it('tells the admin where the development mail page is', async () => {
    expect((await as(s.manager).get('/api/dev-mail').expect(200)).body).toEqual({ webUrl: 'http://localhost:8025' });
  });
});
