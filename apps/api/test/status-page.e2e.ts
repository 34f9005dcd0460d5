import { randomUUID } from 'node:crypto';
import { formatJst } from '@jimukyoku/domain';
import { SUBSIDY_V1, SUBSIDY_V2 } from '@jimukyoku/workflow';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { DispatchNotificationsJob } from '../src/modules/notifications/dispatch-notifications.job';
import type { Round } from '../src/modules/rounds/round.entity';
import { signStatusLink } from '../src/modules/status-links/status-link-token';
import { STATUS_PAGE_RATE } from '../src/modules/status-links/status-links.service';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, upload, validPayload } from './intake-fixtures';

const SECRET = 'status-page-e2e-secret-0123456789abcdef';
const BASE = 'https://status.test.example.jp';
const URL_FORM = /^https:\/\/status\.test\.example\.jp\/status\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/;
/** 補正期限 as stored (UTC) and as the page must show it (JST, to the second) */
const DUE = '2027-01-15T08:59:59Z';
const DUE_JST = '2027年1月15日(金) 17:59:59';

/**
 * The applicant's status page (README "Status page"): the signed link in the intake receipt and in every
 * applicant mail, the page of a returned application with its 補正期限 in JST and nothing of another
 * application, one 404 for tampered, expired and revoked links, the rate limit, and the use log.
 */
describe('the applicant status page', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  let ipSeq = 0;
  /** every request from its own client address (TRUST_PROXY: loopback), so only the per-token limit counts unless a test says otherwise */
  const freshIp = () => `198.51.100.${++ipSeq % 250}`;
  const tokenOf = (url: string) => url.slice(`${BASE}/status/`.length);
  const open = (token: string, ip = freshIp()) => t.http().get(`/status/${token}`).set('X-Forwarded-For', ip).set('User-Agent', 'StatusPageTest/1.0 (iPhone)');

  async function submit(name: string, fileName = '事業計画書.pdf') {
    const plan = (await upload(t, apiKey, 'businessPlan', undefined, 'application/pdf', fileName).expect(201)).body.id;
    const advisor = (await upload(t, apiKey, 'advisorConfirmation').expect(201)).body.id;
    const sales = (await upload(t, apiKey, 'salesEvidence').expect(201)).body.id;
    const body = validPayload(round, [plan, advisor, sales]);
    body.applicant.name = name;
    const receipt = (await t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', randomUUID()).send(body).expect(201)).body;
    return { ...receipt, payload: body };
  }
  /** renders what is pending, and returns the application's mails in order */
  async function mailsOf(applicationId: string): Promise<{ template: string; bodyText: string; bodyHtml: string }[]> {
    await t.app.get(DispatchNotificationsJob).handle();
    return db.query(`SELECT template, body_text AS "bodyText", body_html AS "bodyHtml" FROM notification WHERE application_id = $1 ORDER BY created_at, id`, [
      applicationId,
    ]);
  }
  const statusLineOf = (text: string) => /申請状況の確認: (\S+)/.exec(text)?.[1];
  const linkIdOf = (url: string) =>
    tokenOf(url)
      .split('.')[0]
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

  type Submitted = { id: string; receiptNumber: string; statusUrl: string; payload: ReturnType<typeof validPayload> };
  let returned: Submitted;
  let other: Submitted;

  beforeAll(async () => {
    t = await startTestApp({
      label: 'status_page',
      overrides: { storageDir: tempStorageDir(), statusLink: { secret: SECRET, ttlDays: 180, publicBaseUrl: BASE } },
    });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
    returned = await submit('株式会社さくら精機', '計画書<v2>&"最終".pdf');
    other = await submit('株式会社ほかの申請者');
    const transitions = t.app.get(TransitionsService);
    await transitions.fire(returned.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(returned.id, 'returnForCorrection', { role: 'reviewer', id: null }, { reason: '見積書の日付が公募期間外です' });
    await db.query(`UPDATE application SET correction_due_at = $2 WHERE id = $1`, [returned.id, DUE]);
  });
  afterAll(() => t?.close());

  it('the intake receipt and every applicant mail carry the same signed link', async () => {
    expect(returned.statusUrl).toMatch(URL_FORM);
    expect(other.statusUrl).toMatch(URL_FORM);
    expect(other.statusUrl).not.toBe(returned.statusUrl);
    const mails = await mailsOf(returned.id);
    expect(mails.map((m) => m.template)).toEqual(['received', 'returned']);
    for (const m of mails) {
      expect(statusLineOf(m.bodyText)).toBe(returned.statusUrl);
      expect(m.bodyHtml).toContain(`申請状況の確認: <a href="${returned.statusUrl}">`);
    }
    // the portal reading the application again gets the same link
    const again = await t.http().get(`/api/intake/applications/${returned.id}`).set('X-Api-Key', apiKey).expect(200);
    expect(again.body.statusUrl).toBe(returned.statusUrl);
    // and the 補正期限 the 差戻し mail and the page state, to show it too
    expect(again.body).toMatchObject({ correctionDueAt: new Date(DUE).toISOString(), correctionDueAtJst: DUE_JST });
    const notReturned = await t.http().get(`/api/intake/applications/${other.id}`).set('X-Api-Key', apiKey).expect(200);
    expect(notReturned.body).toMatchObject({ correctionDueAt: null, correctionDueAtJst: null });
    expect(await db.query(`SELECT count(*)::int AS n FROM status_link WHERE application_id = $1`, [returned.id])).toEqual([{ n: 1 }]);
    // the intake's link is valid for the configured 180 days from the submission's transaction (its clock as the
    // API holds it, to the millisecond)
    const [link] = await db.query(
      `SELECT abs(extract(epoch FROM l.expires_at - (a.created_at + interval '180 days'))) < 0.001 AS exact
         FROM status_link l JOIN application a ON a.id = l.application_id WHERE a.id = $1`,
      [other.id],
    );
    expect(link).toEqual({ exact: true });
  });

  it('shows a returned application: 受付番号, programme and round, the state in plain words, the 補正期限 in JST, the documents and the estimate', async () => {
    const res = await open(tokenOf(returned.statusUrl)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const html = res.text;
    const state = SUBSIDY_V1.states.find((x) => x.label === '差戻し')!;
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<dd data-receipt>${returned.receiptNumber}</dd>`);
    expect(html).toContain('事業再構築補助金');
    expect(html).toContain(round.name);
    expect(html).toContain(`<p class="state" data-state>差戻し</p>`);
    expect(html).toContain(state.applicant!.meaning);
    expect(html).toContain(state.applicant!.next);
    expect(html).toContain(`<dt>補正期限</dt><dd data-deadline>${DUE_JST}（日本時間）</dd>`);
    expect(formatJst(DUE)).toBe(DUE_JST);
    expect(html).toContain('事業計画書: 計画書&lt;v2&gt;&amp;&quot;最終&quot;.pdf');
    expect(html).toContain('認定経営革新等支援機関による確認書: advisorConfirmation.pdf');
    expect(html).toContain('<dt>金額（見込み）</dt><dd data-amount>20,000,000円</dd>');
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\/(?!status\.test)/);
  });

  it('reveals nothing of another application, not even the applicant’s own name', async () => {
    const html = (await open(tokenOf(returned.statusUrl)).expect(200)).text;
    expect(html).not.toContain(other.receiptNumber);
    expect(html).not.toContain('ほかの申請者');
    expect(html).not.toContain('株式会社さくら精機');
    expect(html).not.toContain('見積書の日付');
    const theirs = (await open(tokenOf(other.statusUrl)).expect(200)).text;
    expect(theirs).toContain(other.receiptNumber);
    expect(theirs).not.toContain(returned.receiptNumber);
    expect(theirs).toContain('申請済（受付）');
    expect(theirs).not.toContain('補正期限');
  });

  it('shows the amount as the state says: the 交付決定額 once decided, the 確定額 once fixed', async () => {
    const decided = await submit('株式会社交付決定');
    const [grantDecided, amountFixed] = ['grantDecided', 'amountFixed'].map((code) => SUBSIDY_V1.states.find((x) => x.code === code)!);
    await db.query(`UPDATE application SET status = $2 WHERE id = $1`, [decided.id, grantDecided.code]);
    await db.query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount, grant_amount, grant_decided_at)
       VALUES ($1, 20000000, '[]', '{}', 18000000, 18000000, now())`,
      [decided.id],
    );
    const page = (await open(tokenOf(decided.statusUrl)).expect(200)).text;
    expect(page).toContain(`<p class="state" data-state>${grantDecided.label}</p>`);
    expect(page).toContain(grantDecided.applicant!.next);
    expect(page).toContain('<dt>交付決定額</dt><dd data-amount>18,000,000円</dd>');
    await db.query(`UPDATE application SET status = $2 WHERE id = $1`, [decided.id, amountFixed.code]);
    await db.query(`UPDATE grant_amount SET fixed_amount = 17500000, amount_fixed_at = now() WHERE application_id = $1`, [decided.id]);
    expect((await open(tokenOf(decided.statusUrl)).expect(200)).text).toContain('<dt>確定した補助金の額</dt><dd data-amount>17,500,000円</dd>');
    // a 交付決定取消 (subsidy@2): the 返還額 and its 納期限 the mail stated, not the 確定額 as if the grant stood
    const revoked = SUBSIDY_V2.states.find((x) => x.code === 'grantRevoked')!;
    await db.query(`UPDATE application SET status = 'grantRevoked', workflow_version = 2 WHERE id = $1`, [decided.id]);
    await db.query(
      `INSERT INTO repayment_claim (application_id, amount, paid_amount, ground, reason, due_date, revoked_by)
       VALUES ($1, 17500000, 17500000, 'general', '補助事業を中止したため', '2099-01-15', $2)`,
      [decided.id, s.manager.user.id],
    );
    const repay = (await open(tokenOf(decided.statusUrl)).expect(200)).text;
    expect(repay).toContain(`<p class="state" data-state>${revoked.label}</p>`);
    expect(repay).toContain(revoked.applicant!.next);
    expect(repay).toContain('<dt>返還額</dt><dd data-amount>17,500,000円</dd>');
    expect(repay).toContain('<dt>返還の納期限</dt><dd data-deadline>2099年1月15日(木)（日本時間）</dd>');
    expect(repay).not.toContain('確定した補助金の額');
    // after part of it came back, what is left, as the mails say (the whole claim was shown: paying it was refused as too much)
    await db.query(`INSERT INTO repayment_received (application_id, received_on, amount, recorded_by) VALUES ($1, '2026-12-01', 1000000, $2)`, [
      decided.id,
      s.manager.user.id,
    ]);
    expect((await open(tokenOf(decided.statusUrl)).expect(200)).text).toContain(
      '<dt>返還額</dt><dd data-amount>16,500,000円（返還済みの 1,000,000円 を除く）</dd>',
    );
    // its 納期限 passed (yesterday in Japan): said so, not 「納期限までに返還してください」
    await db.query(`UPDATE repayment_claim SET due_date = (now() AT TIME ZONE 'Asia/Tokyo')::date - 1 WHERE application_id = $1`, [decided.id]);
    const overdue = (await open(tokenOf(decided.statusUrl)).expect(200)).text;
    expect(overdue).toMatch(
      /返還の納期限（\d{4}年\d{1,2}月\d{1,2}日\(.\)）を過ぎています。まだ返還されていない場合は、速やかに返還のうえ、事務局にご連絡ください。/,
    );
    expect(overdue).not.toContain(revoked.applicant!.next);
  });

  it('answers a tampered, unknown or expired token with the same 404 page in Japanese', async () => {
    const token = tokenOf(other.statusUrl);
    const [id, exp, sig] = token.split('.');
    const notFound = (await open('nothing-here').expect(404)).text;
    expect(notFound).toContain('ページが見つかりません');
    // the link cut off after /status/ (broken across lines in a mail): the same page, not the API's JSON
    for (const cut of ['/status/', '/status']) {
      const page = await t.http().get(cut).expect(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toBe(notFound);
    }
    expect(notFound).toContain('<html lang="ja">');
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    const tampered = [
      `${id}.${exp}.${flip(sig[0])}${sig.slice(1)}`,
      `${id}.${(parseInt(exp, 36) + 86_400).toString(36)}.${sig}`,
      `${id.replace(/^./, (c) => (c === '0' ? '1' : '0'))}.${exp}.${sig}`,
      // genuinely signed, for a link that does not exist
      signStatusLink(SECRET, { linkId: '00000000-0000-4000-8000-000000000000', expiresAt: new Date(Date.now() + 86_400_000) }),
      // genuinely signed for a real link, but its own expiry has passed
      signStatusLink(SECRET, { linkId: linkIdOf(other.statusUrl), expiresAt: new Date(Date.now() - 1000) }),
      // signed with another secret
      signStatusLink(`${SECRET}-other`, { linkId: linkIdOf(other.statusUrl), expiresAt: new Date(Date.now() + 86_400_000) }),
      // a NUL in a mangled link: the applicant's page too, not the API's JSON 400
      `${id}.${exp}%00`,
    ];
    for (const bad of tampered) {
      const res = await open(bad).expect(404);
      expect(res.text).toBe(notFound);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // the link row expired in the database (its token still says later): 404 the same
    await db.query(`UPDATE status_link SET expires_at = now() - interval '1 second', created_at = now() - interval '1 day' WHERE id = $1`, [
      linkIdOf(other.statusUrl),
    ]);
    expect((await open(token).expect(404)).text).toBe(notFound);
    // the next mail carries a new link, which works
    await t.app.get(TransitionsService).fire(other.id, 'withdraw', { role: 'intake', id: null }, { reason: '事業計画を見直すため' });
    const mails = await mailsOf(other.id);
    const fresh = statusLineOf(mails.at(-1)!.bodyText)!;
    expect(fresh).toMatch(URL_FORM);
    expect(fresh).not.toBe(other.statusUrl);
    const page = (await open(tokenOf(fresh)).expect(200)).text;
    expect(page).toContain('取下げ');
    expect(page).not.toContain('data-amount');
  });

  it('a manager revokes the links of an application (audited): 404 at once, and the next mail carries a new link', async () => {
    const token = tokenOf(returned.statusUrl);
    await open(token).expect(200);
    await t.http().post(`/api/applications/${returned.id}/status-links/revoke`).set('Authorization', `Bearer ${s.reviewer.token}`).expect(403);
    const res = await t.http().post(`/api/applications/${returned.id}/status-links/revoke`).set('Authorization', `Bearer ${s.manager.token}`).expect(200);
    expect(res.body).toEqual({ applicationId: returned.id, revoked: 1 });
    await t
      .http()
      .post('/api/applications/00000000-0000-4000-8000-000000000000/status-links/revoke')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .expect(404);
    expect((await open(token).expect(404)).text).toContain('ページが見つかりません');
    const [audit] = await db.query(`SELECT action, actor_id, changes FROM audit_log WHERE action = 'statusLink.revoked' AND entity_id = $1`, [returned.id]);
    expect(audit).toMatchObject({ action: 'statusLink.revoked', actor_id: s.manager.user.id, changes: { revokedLinkIds: [linkIdOf(returned.statusUrl)] } });
    const resubmitted = await t
      .http()
      .post(`/api/intake/applications/${returned.id}/resubmission`)
      .set('X-Api-Key', apiKey)
      .send({ ...returned.payload, attachmentIds: [] });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.statusUrl).toMatch(URL_FORM);
    expect(resubmitted.body.statusUrl).not.toBe(returned.statusUrl);
    const mail = (await mailsOf(returned.id)).at(-1)!;
    expect(mail.template).toBe('resubmissionReceived');
    expect(statusLineOf(mail.bodyText)).toBe(resubmitted.body.statusUrl);
    expect((await open(tokenOf(resubmitted.body.statusUrl)).expect(200)).text).toContain('<p class="state" data-state>再提出</p>');
  });

  it('limits openings per token and per client address: 429 with a Japanese page and Retry-After', async () => {
    const fresh = await submit('株式会社たくさん見る');
    const token = tokenOf(fresh.statusUrl);
    for (let i = 0; i < STATUS_PAGE_RATE.perToken; i++) await open(token).expect(200);
    const limited = await open(token).expect(429);
    expect(limited.text).toContain('アクセスが集中しています');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['cache-control']).toBe('no-store');
    // one client address trying many tokens
    const ip = '203.0.113.77';
    for (let i = 0; i < STATUS_PAGE_RATE.perIp; i++) await open(`guess-${i}`, ip).expect(404);
    expect((await open(tokenOf(other.statusUrl), ip).expect(429)).text).toContain('アクセスが集中しています');
    await open(`guess-more`, ip).expect(429);
    const log = await db.query(`SELECT outcome, count(*)::int AS n FROM status_link_use WHERE ip = $1 GROUP BY outcome ORDER BY outcome`, [ip]);
    // a flood is logged once per window, not once per request
    expect(log).toEqual([
      { outcome: 'invalid', n: STATUS_PAGE_RATE.perIp },
      { outcome: 'rateLimited', n: 1 },
    ]);
  });

  it('logs every use of a link: time, client address, user agent and outcome', async () => {
    const rows = await db.query(`SELECT outcome, ip, user_agent AS "userAgent", at FROM status_link_use WHERE link_id = $1 ORDER BY at, id`, [
      linkIdOf(returned.statusUrl),
    ]);
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual(['shown', 'shown', 'shown', 'revoked']);
    for (const r of rows) {
      expect(r.ip).toMatch(/^198\.51\.100\.\d+$/);
      expect(r.userAgent).toBe('StatusPageTest/1.0 (iPhone)');
      expect(r.at).toBeInstanceOf(Date);
    }
    const theirs = await db.query(`SELECT outcome FROM status_link_use WHERE link_id = $1 ORDER BY at, id`, [linkIdOf(other.statusUrl)]);
    expect(theirs.map((r: { outcome: string }) => r.outcome)).toEqual(['shown', 'expired', 'expired', 'rateLimited']);
  });
});
