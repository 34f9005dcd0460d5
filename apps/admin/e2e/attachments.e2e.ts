import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  asIntake,
  attachDocument,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  demoPdf,
  demoPng,
  draftInput,
  type LoggedIn,
  login,
  openRound,
  seedReferenceCatalogue,
  tempStorageDir,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The answer to the admin's request for an attachment's content: the request goes to the API as the
 * page made it (with its bearer token) and the answer is handed to the page unchanged. (The page's CSP
 * keeps a test script from reading its blob: URLs, and Chromium keeps no copy of the body to ask for.)
 */
function contentOf(page: Page, attachmentId: string): Promise<{ status: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    page
      .route(`**/api/attachments/${attachmentId}/content`, async (route) => {
        const response = await route.fetch();
        resolve({ status: response.status(), sha256: sha256(await response.body()) });
        await route.fulfill({ response });
      })
      .catch(reject);
  });
}

/**
 * 添付書類 in the browser: a reviewer opens the business plan (PDF) beside the 採点票, reads it in the
 * browser's own viewer while scoring, and submits; a manager looks at a PNG on the application's
 * 添付書類 tab. Each view is one attachment.downloaded record.
 */
describe('admin in the browser: attachments beside the forms', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let round: Round;
  let manager: LoggedIn;
  let reviewer: LoggedIn;
  const plan = demoPdf('Business plan - ATT-0001', ['EV parts for a new field', 'Investment: 30,000,000 yen']);
  const chart = demoPng([10, 12, 9, 6]);
  let applicationId: string;
  let planId: string;
  let chartId: string;

  beforeAll(async () => {
    e = await startAdminE2e('admin_attachments', { storageDir: tempStorageDir() });
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    round = await openRound(e.t, undefined, 93);
    manager = await login(e.t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    const draft = await createDraft(
      e.t,
      draftInput(round, await categoryByCode(e.t, round, 'restructuring.standard'), { applicantName: '株式会社すずらん工業' }),
    );
    await asIntake(e.t, draft.id, 'submit');
    await db.query(`UPDATE application SET receipt_number = 'ATT-0001', received_at = now(), status = 'underReview' WHERE id = $1`, [draft.id]);
    applicationId = draft.id;
    planId = await attachDocument(e.t, applicationId, { kind: 'businessPlan', fileName: '事業計画書.pdf', content: plan });
    chartId = await attachDocument(e.t, applicationId, { kind: 'other', fileName: '売上高の推移.png', content: chart });
    const res = await e.t
      .http()
      .post('/api/review-assignments')
      .set({ Authorization: `Bearer ${manager.token}` })
      .send({ applicationId, reviewerId: reviewer.user.id, purpose: 'review' });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(() => e?.close());

  const downloads = (attachmentId: string) =>
    db.query(
      `SELECT actor_id, actor_role, changes->>'applicationId' AS "applicationId" FROM audit_log WHERE action = 'attachment.downloaded' AND entity_id = $1 ORDER BY id`,
      [attachmentId],
    );

  it('lets a reviewer read the business plan (PDF) beside the 採点票 and submit the scores', async () => {
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '担当する審査' }).click();
    // the reviewer's dashboard lists the same sheet (its row opens nothing): click the list's own row
    await page.waitForURL(/#\/score-sheets/);
    await page.locator('.RaDatagrid-tbody tr', { hasText: '株式会社すずらん工業' }).click();
    await page.getByTestId('score-sheet').waitFor();

    const beside = page.getByTestId('attachments-beside');
    const row = beside.locator(`[data-attachment-id="${planId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('attachment-kind').innerText()).toBe('事業計画書');
    expect(await row.getByTestId('attachment-file-name').innerText()).toBe('事業計画書.pdf');
    expect(plan.length).toBeLessThan(1024);
    expect(await row.getByTestId('attachment-size').innerText()).toBe(`${plan.length} B`);
    const hash = row.getByTestId('attachment-sha256');
    expect(await hash.innerText()).toBe(`SHA-256 ${sha256(plan).slice(0, 12)}…`);
    expect(await hash.getAttribute('data-sha256')).toBe(sha256(plan));
    await hash.hover();
    await page
      .getByRole('tooltip')
      .getByText(`SHA-256: ${sha256(plan)}`)
      .waitFor();
    // 登録日時 in JST whatever the browser's zone (UTC here)
    expect(await row.getByTestId('attachment-uploaded-at').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}$/);
    expect(await beside.locator('[data-testid="attachment-row"]').count()).toBe(2);
    // nothing is fetched (or audited) before the reviewer asks for it
    expect(await downloads(planId)).toEqual([]);

    const received = contentOf(page, planId);
    await row.getByRole('button', { name: '表示: 事業計画書.pdf' }).click();
    expect(await received).toEqual({ status: 200, sha256: sha256(plan) });
    const frame = beside.getByTestId('attachment-pdf');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    // beside the form, not under it
    const [form, viewer] = [await page.getByTestId('score-sheet').boundingBox(), await frame.boundingBox()];
    expect(viewer!.x).toBeGreaterThanOrEqual(form!.x + form!.width - 1);
    expect(viewer!.y).toBeLessThan(form!.y + form!.height);
    await page.waitForTimeout(500); // let the browser's PDF viewer paint for the screenshot
    await screenshot(page, 'attachments-beside-score-sheet');
    expect(await downloads(planId)).toEqual([{ actor_id: reviewer.user.id, actor_role: 'reviewer', applicationId }]);

    // and scores with the document still open
    const criteria = page.locator('[data-testid^="criterion-"]');
    const n = await criteria.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await criteria.nth(i).locator('input[name^="scores."]').fill('4');
    await page.locator('textarea[name="overallComment"]').first().fill('添付の事業計画書を確認した。投資計画は具体的。');
    expect(await frame.isVisible()).toBe(true);
    await page.getByRole('button', { name: '提出', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提出', exact: true }).click();
    await page.getByText('採点を提出しました').waitFor();
    const [sheet] = await db.query(`SELECT status FROM review_score WHERE application_id = $1`, [applicationId]);
    expect(sheet.status).toBe('submitted');
  }, 90_000);

  it('shows a manager an image on the application’s 添付書類 tab, and the documents beside the 要件確認 checklist', async () => {
    const page = await e.newPage();
    await signIn(page, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
    await goToRoute(page, e.adminUrl, `/applications/${applicationId}/show/attachments`);
    await page.getByRole('tab', { name: '添付書類' }).waitFor();
    const row = page.getByTestId('attachments').locator(`[data-attachment-id="${chartId}"]`);
    const received = contentOf(page, chartId);
    await row.getByRole('button', { name: '表示: 売上高の推移.png' }).click();
    expect(await received).toEqual({ status: 200, sha256: sha256(chart) });
    const img = page.getByTestId('attachment-image');
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="attachment-image"]') as HTMLImageElement | null)?.complete === true);
    expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([240, 140]);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await screenshot(page, 'attachments-application-tab');
    expect(await downloads(chartId)).toEqual([{ actor_id: manager.user.id, actor_role: 'manager', applicationId }]);

    await page.getByRole('tab', { name: '要件確認' }).click();
    await page.getByTestId('formal-check').waitFor();
    await page.getByTestId('attachments-beside').locator(`[data-attachment-id="${planId}"]`).waitFor();
  }, 60_000);
});
