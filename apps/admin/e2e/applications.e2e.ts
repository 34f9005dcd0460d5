import type { Page } from 'playwright-core';
import {
  asIntake,
  assign,
  categoryByCode,
  createDraft,
  databaseOf,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  INITIAL_ADMIN,
  login,
  loginAdmin,
  openRound,
  seedReferenceCatalogue,
  type TestDatabase,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

/** Asks again (every 100 ms, for up to 10 s) until `read` gives `expected`; then compares once more for a clear failure. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read().catch(() => undefined);
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toBe(expected);
}

/**
 * 申請 in the browser on an open round of the reference catalogue: the list with the API's Japanese
 * status labels, one application's quote and history, a reviewer's transitions (差戻し with a
 * reason), the reviewer's scope, a manager's 一括操作; and an intake channel's key shown once.
 */
describe('admin in the browser: applications, transitions and intake channels', () => {
  let e: AdminE2e;
  let db: TestDatabase;
  let round: Round;
  let manager: Page;
  const ids: Record<string, string> = {};

  /** An application of the open round, submitted through intake, with a receipt number. */
  const application = async (key: string, applicantName: string, receipt: string, status?: string) => {
    const category = await categoryByCode(e.t, round, 'restructuring.standard');
    const draft = await createDraft(e.t, draftInput(round, category, { applicantName }));
    await asIntake(e.t, draft.id, 'submit');
    await db.query(`UPDATE application SET receipt_number = $2, received_at = now() WHERE id = $1`, [draft.id, receipt]);
    if (status) await db.query(`UPDATE application SET status = $2 WHERE id = $1`, [draft.id, status]);
    ids[key] = draft.id;
    return draft.id;
  };

  beforeAll(async () => {
    e = await startAdminE2e('admin_applications');
    db = databaseOf(e.t);
    await seedReferenceCatalogue(e.t);
    round = await openRound(e.t);
    const reviewer = await login(e.t, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await application('mine', '株式会社さくら製作所', 'E2E-0001');
    await application('other', '株式会社もみじ工業', 'E2E-0002');
    await application('bulk1', '一括テスト商事', 'E2E-0101', 'reviewed');
    await application('bulk2', '一括テスト物産', 'E2E-0102', 'reviewed');
    await application('bulk3', '一括テスト工房', 'E2E-0103', 'underReview');
    await assign(e.t, ids.mine!, reviewer.user.id);
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => e?.close());

  it('lists applications with the Japanese status labels and filters them by 状態', async () => {
    await manager.getByRole('menuitem', { name: '申請' }).click();
    await manager.waitForURL(/#\/applications/);
    const sakura = manager.locator('tr', { hasText: '株式会社さくら製作所' });
    await sakura.waitFor();
    expect(await sakura.getByTestId('application-status').innerText()).toBe('申請済（受付）');
    expect(await sakura.innerText()).toContain('E2E-0001');
    expect(await sakura.innerText()).toContain('20,000,000円');
    expect(await manager.locator('tr', { hasText: '一括テスト商事' }).getByTestId('application-status').innerText()).toBe('審査完了');

    await manager.getByRole('combobox', { name: '状態' }).click();
    await manager.getByRole('option', { name: '審査完了' }).click();
    await manager.keyboard.press('Escape');
    await manager.locator('tr', { hasText: '株式会社さくら製作所' }).waitFor({ state: 'detached' });
    const rows = manager.getByTestId('applications').locator('tbody tr');
    await eventually(() => rows.count(), 2);
    expect(await rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('一括テスト商事'), expect.stringContaining('一括テスト物産')]));
    await screenshot(manager, 'applications-list-filtered');
  });

  it("opens an application from the list's row and shows the whole application, which the row does not carry", async () => {
    await goToRoute(manager, e.adminUrl, '/applications?filter=%7B%7D');
    // the whole application answers late: meanwhile the page has only the list's row to show
    const detail = `**/api/applications/${ids.mine}`;
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    await manager.route(
      detail,
      async (route) => {
        await answered;
        await route.continue();
      },
      { times: 1 },
    );
    try {
      await manager.locator('tr', { hasText: '株式会社さくら製作所' }).click();
      await manager.waitForURL(new RegExp(`#/applications/${ids.mine}/show`));
      await manager.getByTestId('application-loading').waitFor();
      expect(await manager.getByTestId('application-header').innerText()).toContain('E2E-0001');
      expect(await manager.getByRole('tab').count()).toBe(0);
    } finally {
      release();
    }
    // the 経費 come with GET /api/applications/:id only (the list's rows carry the list's fields)
    const expenses = manager.getByTestId('expenses');
    await expenses.waitFor();
    expect(await expenses.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('shows a submitted application: the quote explained and the history in JST', async () => {
    await goToRoute(manager, e.adminUrl, `/applications/${ids.mine}/show`);
    const header = manager.getByTestId('application-header');
    await header.waitFor();
    expect(await header.innerText()).toContain('E2E-0001');
    expect(await header.getByTestId('application-status').innerText()).toBe('申請済（受付）');
    expect(await manager.getByRole('tab', { name: '申請者へのメール' }).count()).toBe(1);
    await manager.getByRole('tab', { name: '補助金額の見込み' }).click();
    const explanation = await manager.getByTestId('quote-explanation').innerText();
    expect(explanation).toMatch(/補助対象経費 [\d,]+円 × \d+\/\d+ = [\d,]+円/);
    expect(await manager.getByTestId('quote-parts').innerText()).toContain('× ');
    await screenshot(manager, 'application-quote');

    await manager.getByRole('tab', { name: '履歴' }).click();
    const submitted = manager.getByTestId('timeline-row').first();
    await submitted.waitFor();
    const text = await submitted.innerText();
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}/);
    expect(text).toContain('申請する');
    expect(text).toContain('受付窓口');
    expect(text).toMatch(/下書き → 申請済（受付）/);
  });

  it("shows the round's workflow as tables and Mermaid text", async () => {
    await goToRoute(manager, e.adminUrl, `/rounds/${round.id}/show`);
    const section = manager.getByTestId('round-workflow');
    await section.waitFor();
    expect(await section.getByTestId('workflow-transitions').innerText()).toMatch(/差し戻す[\s\S]*要件確認中・再提出 → 差戻し[\s\S]*審査員/);
    expect(await section.getByTestId('workflow-mermaid').innerText()).toContain('stateDiagram-v2');
  });

  it('lets the assigned reviewer start the check and return the application with a reason; the other stays hidden', async () => {
    const reviewer = await e.newPage();
    await signIn(reviewer, e.adminUrl, DEMO_EMAIL.reviewer, DEMO_PASSWORD);
    await reviewer.getByRole('menuitem', { name: '申請' }).click();
    // the reviewer's dashboard lists the same application: wait for the list's own row
    await reviewer.waitForURL(/#\/applications/);
    await reviewer.getByTestId('applications').locator('tr', { hasText: '株式会社さくら製作所' }).waitFor();
    expect(await reviewer.getByTestId('applications').locator('tbody tr').count()).toBe(1);
    expect(await reviewer.getByText('株式会社もみじ工業').count()).toBe(0);
    expect(await reviewer.getByTestId('bulk-transition-button').count()).toBe(0);

    await reviewer.locator('tr', { hasText: '株式会社さくら製作所' }).click();
    const header = reviewer.getByTestId('application-header');
    await header.getByRole('button', { name: '要件確認を開始' }).click();
    // every state change is confirmed, naming both states
    const confirm = reviewer.getByRole('dialog');
    await confirm.getByText('状態を「申請済（受付）」から「要件確認中」に変更します。').waitFor();
    await confirm.getByTestId('confirm-transition').click();
    await reviewer.getByText('要件確認を開始しました').waitFor();
    await eventually(() => header.getByTestId('application-status').innerText(), '要件確認中');

    // the applicant's mails are not a reviewer's: no tab that would only say so
    expect(await reviewer.getByRole('tab', { name: '申請者へのメール' }).count()).toBe(0);
    // the checklist's 差し戻す mails the applicant: asked first, and a 不適 without a comment is refused, nothing sent
    await reviewer.getByRole('tab', { name: '要件確認' }).click();
    const checklist = reviewer.getByTestId('formal-check');
    await checklist.getByRole('button', { name: '不適', exact: true }).first().click();
    await checklist.getByRole('button', { name: '差し戻す' }).click();
    const ask = reviewer.getByRole('dialog');
    await ask.getByText('不適とした項目とそのコメントが、補正を求める内容として申請者にメールで送られます。').waitFor();
    await ask.getByRole('button', { name: '差し戻す' }).click();
    await reviewer
      .getByText(/のコメントを入力してください/)
      .first()
      .waitFor();
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [ids.mine]))[0].status).toBe('formalCheck');

    await header.getByRole('button', { name: '差し戻す' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '理由' }).fill('認定支援機関の確認書が添付されていません');
    await dialog.getByRole('button', { name: '差し戻す' }).click();
    await reviewer.getByText('差し戻しました').waitFor();
    await eventually(() => header.getByTestId('application-status').innerText(), '差戻し');
    await reviewer.getByRole('tab', { name: '履歴' }).click();
    expect(await reviewer.getByTestId('timeline').innerText()).toMatch(
      /差し戻す[\s\S]*審査員[\s\S]*要件確認中 → 差戻し[\s\S]*認定支援機関の確認書が添付されていません/,
    );
    await screenshot(reviewer, 'application-returned');

    const saved = await db.query(`SELECT status, version FROM application WHERE id = $1`, [ids.mine]);
    expect(saved[0].status).toBe('returned');
  });

  it('runs a bulk 不採択 over a selection and shows what succeeded and what failed', async () => {
    await goToRoute(manager, e.adminUrl, `/applications?filter=${encodeURIComponent(JSON.stringify({ q: '一括テスト' }))}`);
    const rows = manager.getByTestId('applications').locator('tbody tr');
    await eventually(() => rows.count(), 3);
    await manager.getByRole('checkbox', { name: 'すべて選択' }).first().check();
    await manager.getByTestId('bulk-transition-button').click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('combobox').click();
    // each transition says how many of the selection it can be taken for; one none of them can is disabled
    const reject = manager.getByRole('option', { name: '不採択とする' });
    expect(await reject.innerText()).toContain('3件中 2件が対象');
    const grant = manager.getByRole('option', { name: '交付決定する' });
    expect([await grant.getAttribute('aria-disabled'), await grant.innerText()]).toEqual(['true', expect.stringContaining('対象の申請なし')]);
    await reject.click();
    await dialog.locator('textarea[name="bulkReason"]').fill('予算の範囲を超えたため');
    await dialog.getByRole('button', { name: '実行する' }).click();
    const result = manager.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.getByTestId('bulk-succeeded').innerText()).toBe('成功 2件');
    expect(await result.getByTestId('bulk-failed').innerText()).toBe('失敗 1件');
    expect(await result.getByTestId('bulk-failures').innerText()).toContain('E2E-0103 一括テスト工房');
    await screenshot(manager, 'applications-bulk-result');
    await manager.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
    await eventually(() => manager.locator('tr', { hasText: '一括テスト商事' }).getByTestId('application-status').innerText(), '不採択');
  });
  it('uploads a CSV for a bulk import as multipart and follows it on its page', async () => {
    await manager.getByRole('menuitem', { name: '一括取込' }).click();
    await manager.waitForURL(/#\/imports/);
    await manager.getByRole('link', { name: '新規作成' }).click();
    await manager.waitForURL(/#\/imports\/create/);
    await manager.getByTestId('template-csv').first().waitFor();
    await manager.getByRole('combobox', { name: '公募回' }).click();
    await manager.getByRole('option', { name: round.name }).click();
    await manager.getByRole('radio', { name: '全件か無しか' }).check();
    // an ASCII name: the API (multer's default latin1 decoding) stores a Japanese file name garbled, reported separately
    await manager
      .locator('input[type="file"]')
      .setInputFiles({ name: 'applications-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff事業者名\n', 'utf8') });
    await manager.getByRole('button', { name: '保存' }).click();
    await manager.waitForURL(/#\/imports\/[^/]+\/show$/);
    await manager.getByTestId('import-status').waitFor();
    expect(await manager.locator('.RaShow-main').innerText()).toContain('applications-e2e.csv');
    const [row] = await db.query(`SELECT file_name, mode, round_id FROM application_import ORDER BY created_at DESC LIMIT 1`);
    expect(row).toEqual({ file_name: 'applications-e2e.csv', mode: 'allOrNothing', round_id: round.id });
    await screenshot(manager, 'import-show');
  });
});

describe('admin in the browser: intake channels', () => {
  let e: AdminE2e;
  const ADMIN_PASSWORD = 'Kawa-nami-5-channels-e2e';

  beforeAll(async () => {
    e = await startAdminE2e('admin_channels');
    await loginAdmin(e.t, ADMIN_PASSWORD);
  });
  afterAll(() => e?.close());

  it('creates a channel and shows its API key once, then revokes it', async () => {
    const admin = await e.newPage();
    await signIn(admin, e.adminUrl, INITIAL_ADMIN.email, ADMIN_PASSWORD);
    await admin.getByRole('menuitem', { name: '受付窓口' }).click();
    await admin.waitForURL(/#\/intake-channels/);
    await admin.getByRole('link', { name: '新規作成' }).click();
    await admin.waitForURL(/#\/intake-channels\/create/);
    await admin.locator('input[name="name"]').fill('電子申請システム (jGrants)');
    await admin.getByRole('button', { name: '保存' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByTestId('api-key').waitFor();
    const key = await dialog.getByTestId('api-key').innerText();
    expect(key).toMatch(/^jmk_\S{20,}$/);
    expect(await dialog.innerText()).toContain('この画面を閉じると二度と表示されません');
    await screenshot(admin, 'intake-channel-key');
    await dialog.getByRole('button', { name: '閉じる' }).click();

    const row = admin.locator('tr', { hasText: '電子申請システム (jGrants)' });
    await row.waitFor();
    expect(await row.innerText()).toContain(key.slice(0, 10));
    expect(await row.getByTestId('channel-state').innerText()).toBe('有効');
    expect(await admin.getByText(key).count()).toBe(0);

    await row.getByRole('button', { name: '失効' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '確認' }).click();
    await eventually(() => row.getByTestId('channel-state').innerText(), '失効');
    const refused = await e.t.http().post('/api/intake/applications').set('X-Api-Key', key).send({});
    expect([401, 403]).toContain(refused.status);
  });
});
