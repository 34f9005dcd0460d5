import type { BrowserContext, Page } from 'playwright-core';
import {
  asIntake,
  asRole,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  openRound,
  seedNotificationTemplates,
  seedReferenceCatalogue,
  startSmtpSink,
  waitFor,
  type ReceivedMail,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';
import { screenshot } from './browser';

/** the address the links are written with (PUBLIC_BASE_URL); the test server stands behind it */
const PUBLIC_BASE_URL = 'https://status.test.example.jp';
const RECEIPT = 'RES100-00000042';

/**
 * The applicant's side (README "Status page"): a real mail reaches the SMTP server with the status link in its
 * footer, and a phone's Chromium opens that link and reads, in Japanese, where the application stands.
 */
describe('the applicant opens the status page from the link in a received mail, on a phone', () => {
  let e: AdminE2e;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let phone: BrowserContext;
  let page: Page;
  let mail: ReceivedMail;
  let applicationId: string;
  let link: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    e = await startAdminE2e('admin_status_page', {
      workerEnabled: true,
      smtpUrl: sink.url,
      smtpReconcileUrl: sink.reconcileUrl,
      mailRatePerSecond: 0,
      statusLink: { secret: 'admin-e2e-status-link-secret-0123456789', ttlDays: 180, publicBaseUrl: PUBLIC_BASE_URL },
    });
    await seedReferenceCatalogue(e.t);
    await seedNotificationTemplates(e.t);
    const round = await openRound(e.t);
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { receiptNumber: RECEIPT, email: 'owner@sakura.example.jp' }));
    applicationId = draft.id;
    await asIntake(e.t, draft.id, 'submit');
    await asRole(e.t, draft.id, 'startFormalCheck', 'system');
    await asRole(e.t, draft.id, 'returnForCorrection', 'reviewer', '見積書の日付が公募期間外です');
    await databaseOf(e.t).query(`UPDATE application SET correction_due_at = '2027-01-15T08:59:59Z' WHERE id = $1`, [draft.id]);
    // the worker's dispatcher renders the 差戻し mail with the link, the send job delivers it
    mail = await waitFor(async () => sink.received.find((m) => m.to.includes('owner@sakura.example.jp') && m.subject.includes('差戻し')), 20_000);
    phone = await e.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    });
    page = await phone.newPage();
    page.setDefaultTimeout(10_000);
  }, 90_000);
  afterAll(async () => {
    await phone?.close().catch(() => undefined);
    await e?.close();
    await sink?.close();
  });

  it('shows the state, what it means, the 補正期限 and the 受付番号 in Japanese, laid out for the phone', async () => {
    link = /申請状況の確認: (\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link).toMatch(/^https:\/\/status\.test\.example\.jp\/status\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`<a href="${link}">`);
    // the link as the mail gives it, on the test server's address (PUBLIC_BASE_URL names the proxy in front of it)
    const response = await page.goto(link.replace(PUBLIC_BASE_URL, e.t.baseUrl));
    expect(response?.status()).toBe(200);
    await page.locator('[data-state]').waitFor();
    expect(await page.title()).toBe(`申請状況 ${RECEIPT}`);
    expect(await page.locator('h1').innerText()).toBe('申請状況のご確認');
    expect(await page.locator('[data-state]').innerText()).toBe('差戻し');
    expect(await page.locator('[data-meaning]').innerText()).toContain('修正が必要な点があり');
    expect(await page.locator('[data-next]').innerText()).toContain('補正期限までに再提出してください');
    expect(await page.locator('[data-deadline]').innerText()).toBe('2027年1月15日(金) 17:59:59（日本時間）');
    expect(await page.locator('[data-receipt]').innerText()).toBe(RECEIPT);
    // a phone's width: nothing wider than the screen, the state in large type, the page in Japanese
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      stateFontPx: parseFloat(getComputedStyle(document.querySelector('[data-state]')!).fontSize),
      bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
      lang: document.documentElement.lang,
    }));
    expect(layout.innerWidth).toBe(390);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.stateFontPx).toBeGreaterThan(layout.bodyFontPx);
    expect(layout.bodyFontPx).toBeGreaterThanOrEqual(16);
    expect(layout.lang).toBe('ja');
    await screenshot(page, 'status-page-phone');
  });

  it('logs the opening with the phone’s user agent', async () => {
    const rows = (await databaseOf(e.t).query(`SELECT outcome, user_agent AS "userAgent" FROM status_link_use ORDER BY at`)) as {
      outcome: string;
      userAgent: string;
    }[];
    expect(rows).toEqual([{ outcome: 'shown', userAgent: expect.stringContaining('iPhone') }]);
  });

  it('a manager revokes the links on the application’s page; the phone then gets the not-found page', async () => {
    const manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(manager, e.adminUrl, `/applications/${applicationId}/show`);
    await manager.getByTestId('revoke-status-links').click();
    await manager.getByRole('dialog').getByRole('button', { name: '無効にする' }).click();
    await manager.getByText('申請状況ページのリンクを無効にしました（1件）').waitFor();
    const response = await page.reload();
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('ページが見つかりません');
    expect(await page.locator('body').innerText()).toContain('このリンクは無効か、有効期限が切れています。');
  });
});
