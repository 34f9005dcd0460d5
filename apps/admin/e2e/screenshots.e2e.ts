import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { databaseOf, DEMO_EMAIL, DEMO_PASSWORD, seedDemo, tempStorageDir, type TestDatabase } from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e } from './admin-app';

/** Where the main screens are saved: <repo>/test-artifacts/screenshots (git-ignored), emptied at each run. */
export const MAIN_SCREENS_DIR = resolve(__dirname, '../../../test-artifacts/screenshots');

/**
 * The main screens against the demo data (`npm start`'s), signed in as a manager, a reviewer and an auditor,
 * each saved as a full-page PNG for a person to look at: ダッシュボード, 申請 (list and one application),
 * 公募回, 割当ボード, シミュレーター, 通知, 採点票 (the reviewer's queue and one sheet), 監査ログ. Each page must
 * show its title (in the app bar) and its content before it is taken. The dashboard's charts are checked
 * too: each bar a link to the filtered list it counts.
 */
describe('the main screens on the demo data (screenshots)', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let manager: Page;
  let reviewer: Page;
  let auditor: Page;

  beforeAll(async () => {
    e = await startAdminE2e('admin_screens', { storageDir: tempStorageDir() });
    db = databaseOf(e.t);
    await seedDemo(e.t);
    rmSync(MAIN_SCREENS_DIR, { recursive: true, force: true });
    mkdirSync(MAIN_SCREENS_DIR, { recursive: true });
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    reviewer = await e.newPage();
    await signIn(reviewer, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    auditor = await e.newPage();
    await signIn(auditor, e.adminUrl, DEMO_EMAIL.auditor, DEMO_PASSWORD);
  }, 180_000);
  afterAll(() => e?.close());

  /** Opens `route`, waits for the title and `ready`, lets the layout settle, and saves `<name>.png`. */
  async function shoot(page: Page, name: string, route: string, title: string | RegExp, ready: (page: Page) => Promise<unknown>) {
    await goToRoute(page, e.adminUrl, route);
    await expect(waitForTitle(page, title)).resolves.toBe(true);
    await ready(page);
    await page.waitForLoadState('networkidle');
    // no tooltip or hover highlight from where the pointer happens to be
    await page.mouse.move(0, 0);
    // a full-page capture of the charts can take seconds on a busy CI machine (two test files at once)
    await page.screenshot({ path: join(MAIN_SCREENS_DIR, `${name}.png`), fullPage: true, timeout: 60_000 });
  }

  async function waitForTitle(page: Page, title: string | RegExp): Promise<boolean> {
    const bar = page.locator('#react-admin-title');
    await bar.filter({ hasText: title }).waitFor();
    return true;
  }

  it('manager: the dashboard with its charts, every bar a link to the filtered list', async () => {
    await shoot(manager, '01-manager-dashboard', '/', 'ダッシュボード', async (p) => {
      await p.getByTestId('round-pipeline').first().waitFor();
      await p.getByTestId('intake-bar').first().waitFor();
    });
    const round11 = manager.locator('[data-testid="round-pipeline"]', { hasText: '第11回' });
    // 受付 per day: a bar links to the applications received that day in that round
    const intake = decodeURIComponent((await round11.getByTestId('intake-bar').first().getAttribute('href'))!);
    expect(intake).toMatch(/#\/applications\?filter=\{"roundId":"[0-9a-f-]{36}","receivedFrom":"\d{4}-\d{2}-\d{2}","receivedTo":"\d{4}-\d{2}-\d{2}"\}/);
    // per state, in its tone, linking to that state
    const states = round11.getByTestId('state-bar');
    expect(await states.count()).toBeGreaterThan(1);
    expect(decodeURIComponent((await states.first().getAttribute('href'))!)).toMatch(
      /#\/applications\?filter=\{"roundId":"[0-9a-f-]{36}","status":\["\w+"\]\}/,
    );
    // a 事業復活支援金 round's bars name its own workflow's states (its submitted is 申請済, not the 補助金's 申請済（受付）)
    const benefitBars = await manager
      .locator('[data-testid="round-pipeline"]', { hasText: '事業復活支援金' })
      .first()
      .getByTestId('state-bar')
      .evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(benefitBars.some((l) => /^申請済 /.test(l))).toBe(true);
    expect(benefitBars.filter((l) => l.startsWith('申請済（受付）') || l.startsWith('書面審査中'))).toEqual([]);
    // per reviewer, the overdue part links to their overdue assignments; 催促 is offered
    const overdue = round11.getByTestId('reviewer-overdue-bar');
    expect(await overdue.count()).toBeGreaterThan(0);
    expect(decodeURIComponent((await overdue.first().getAttribute('href'))!)).toContain('"state":"overdue"');
    await expect(round11.getByTestId('overdue-reviewer').first().getByRole('button', { name: '催促' }).isVisible()).resolves.toBe(true);
    // budget use per 類型 links to the adopted applications of the category
    const round10 = manager.locator('[data-testid="round-pipeline"]', { hasText: '第10回' });
    const adopted = decodeURIComponent((await round10.getByTestId('budget-adopted-bar').first().getAttribute('href'))!);
    expect(adopted).toMatch(/"categoryId":"[0-9a-f-]{36}","status":\["adopted"/);
    // the countdown of the open round, the closed ones closed
    await expect(manager.locator('[data-testid="round-pipeline"]', { hasText: '第12回' }).getByTestId('deadline-left').innerText()).resolves.toMatch(
      /^締切まで あと \d+日 \d{2}:\d{2}:\d{2}$/,
    );
    await expect(round11.getByTestId('deadline-left').innerText()).resolves.toBe('締切済み');

    // 催促 mails the reviewer about their overdue reviews (the API queues reviewOverdue mails, 審査期限を過ぎています)
    const late = round11.getByTestId('overdue-reviewer').first();
    const reviewerId = await late.getAttribute('data-reviewer');
    await late.getByRole('button', { name: '催促' }).click();
    await manager.getByText(/さんに催促のメールを\d+件送りました/).waitFor();
    const [{ queued }] = await db.query(
      `SELECT count(*)::int AS queued FROM notification n JOIN staff_user u ON u.email = n.recipient WHERE n.template = 'reviewOverdue' AND u.id = $1`,
      [reviewerId],
    );
    expect(queued).toBeGreaterThan(0);

    // a secretariat running several programmes looks at one: 事業 narrows the cards to its rounds
    const cards = manager.getByTestId('round-pipeline');
    const all = await cards.count();
    await manager.getByRole('combobox', { name: '事業' }).click();
    await manager.getByRole('option', { name: /^持続化補助金/ }).click();
    await expect(cards.count()).resolves.toBeLessThan(all);
    for (const text of await cards.allInnerTexts()) expect(text).toContain('持続化補助金');
    await manager.getByRole('combobox', { name: '事業' }).click();
    await manager.getByRole('option', { name: /^すべての事業/ }).click();
    await expect(cards.count()).resolves.toBe(all);

    // following a state bar opens the list filtered by it: every row shown in that state
    const stateHref = (await states.first().getAttribute('href'))!;
    const code = JSON.parse(new URLSearchParams(decodeURIComponent(stateHref).split('?')[1]).get('filter')!).status[0];
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM application a JOIN round r ON r.id = a.round_id WHERE r.name = '第11回公募' AND a.status = $1`,
      [code],
    );
    await states.first().click();
    await manager.locator('.RaList-main, [class*="RaList-main"]').first().waitFor();
    await manager
      .locator('.MuiTablePagination-displayedRows')
      .filter({ hasText: `全 ${n} 件` })
      .waitFor();

    // a day's 受付 bar opens the list of that JST day, the 受付日 filter showing the day
    const day = JSON.parse(new URLSearchParams(intake.split('?')[1]).get('filter')!).receivedFrom as string;
    const [{ received }] = await db.query(
      `SELECT count(*)::int AS received FROM application a JOIN round r ON r.id = a.round_id
        WHERE r.name = '第11回公募' AND to_char(a.received_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') = $1`,
      [day],
    );
    await goToRoute(manager, e.adminUrl, intake.slice(intake.indexOf('#') + 1));
    await manager
      .locator('.MuiTablePagination-displayedRows')
      .filter({ hasText: `全 ${received} 件` })
      .waitFor();
    await expect(manager.getByLabel('受付日 (から)').inputValue()).resolves.toBe(day);
  });

  it('manager: 申請, an application, 公募回, 割当ボード, シミュレーター, 通知', async () => {
    await shoot(manager, '02-manager-applications', '/applications', '申請', (p) => p.locator('.RaDatagrid-row, tbody tr').first().waitFor());
    const [adopted] = await db.query(
      `SELECT a.id, a.applicant_name AS name FROM application a JOIN round r ON r.id = a.round_id WHERE r.name = '第10回公募' AND a.receipt_number IS NOT NULL ORDER BY a.receipt_number LIMIT 1`,
    );
    await shoot(manager, '03-manager-application', `/applications/${adopted.id}/show`, adopted.name, (p) => p.getByText(adopted.name).first().waitFor());
    await shoot(manager, '04-manager-rounds', '/rounds', '公募回', (p) => p.getByText('第12回公募').first().waitFor());
    await shoot(manager, '05-manager-assignment-board', '/reviewers', '割当ボード', (p) => p.locator('tbody tr').first().waitFor());
    const [r11] = await db.query(
      `SELECT r.id, c.id AS "categoryId" FROM round r JOIN round_category rc ON rc.round_id = r.id JOIN category c ON c.id = rc.category_id
        WHERE r.code = 'restructuring.round11' AND c.code = 'restructuring.standard'`,
    );
    await shoot(manager, '06-manager-simulator', `/adoption?roundId=${r11.id}&categoryId=${r11.categoryId}`, 'シミュレーター', (p) =>
      p.getByTestId('score-chart').waitFor(),
    );
    await shoot(manager, '07-manager-notifications', '/notifications', '通知', (p) => p.locator('tbody tr').first().waitFor());
  });

  it('reviewer: the dashboard with their queue, 担当する審査 and a 採点票', async () => {
    await shoot(reviewer, '08-reviewer-dashboard', '/', 'ダッシュボード', (p) => p.getByTestId('my-queue-row').first().waitFor());
    // the queue: nearest due date first, the overdue ones marked, each opening its 採点票
    const [{ overdue }] = await db.query(
      `SELECT count(*)::int AS overdue FROM application_assignment x JOIN staff_user u ON u.id = x.reviewer_id
        WHERE u.email = $1 AND x.purpose = 'review' AND x.revoked_at IS NULL AND x.submitted_at IS NULL AND x.due_at < now()`,
      [DEMO_EMAIL.reviewer],
    );
    const rows = reviewer.getByTestId('my-queue-row');
    expect(await reviewer.locator('[data-testid="my-queue-row"][data-overdue="true"]').count()).toBe(Math.min(overdue, 10));
    expect(await rows.first().locator('a').getAttribute('href')).toMatch(/#\/score-sheets\/[0-9a-f-]{36}$/);
    await shoot(reviewer, '09-reviewer-queue', '/score-sheets', '担当する審査', (p) => p.locator('tbody tr').first().waitFor());
    const [sheet] = await db.query(
      `SELECT x.id, a.applicant_name AS name FROM application_assignment x JOIN application a ON a.id = x.application_id JOIN staff_user u ON u.id = x.reviewer_id
        WHERE u.email = $1 AND x.purpose = 'review' AND x.revoked_at IS NULL AND x.submitted_at IS NULL ORDER BY x.due_at, a.receipt_number LIMIT 1`,
      [DEMO_EMAIL.reviewer],
    );
    await shoot(reviewer, '10-reviewer-score-sheet', `/score-sheets/${sheet.id}`, sheet.name, (p) => p.getByText(sheet.name).first().waitFor());
  });

  it('auditor: 監査ログ', async () => {
    await shoot(auditor, '11-auditor-audit-log', '/audit-logs', '監査ログ', (p) => p.locator('tbody tr').first().waitFor());
  });
});
