import type { Page } from 'playwright-core';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  IMPORT_HEADER,
  importRow,
  openRound,
  seedReferenceCatalogue,
  startImportWorker,
  tempStorageDir,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

const MAX_BYTES = 64 * 1024;

/** 一括取込 in the browser: the upload goes to the worker (not the API), the page follows it to 完了; a file over the limit is refused with its message. */
describe('admin in the browser: bulk import', () => {
  let e: AdminE2e;
  let worker: Awaited<ReturnType<typeof startImportWorker>>;
  let manager: Page;
  let round: Round;

  beforeAll(async () => {
    e = await startAdminE2e('admin_imports', { storageDir: tempStorageDir(), importMaxBytes: MAX_BYTES });
    await seedReferenceCatalogue(e.t);
    round = await openRound(e.t);
    worker = await startImportWorker(e.t.config);
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await e?.close();
  });

  const upload = async (name: string, content: string) => {
    await goToRoute(manager, e.adminUrl, '/imports/create');
    await manager.getByRole('combobox', { name: '公募回' }).click();
    await manager.getByRole('option', { name: round.name }).click();
    await manager.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await manager.getByRole('button', { name: '保存' }).click();
  };

  it('uploads a CSV, and the page follows the worker to 完了 with the report', async () => {
    await upload(
      'applications.csv',
      [IMPORT_HEADER, importRow('個人事業者 画面一', null), importRow('個人事業者 画面二', null), importRow('個人事業者 画面三', null, 'machinery:abc')].join(
        '\n',
      ),
    );
    await manager.waitForURL(/#\/imports\/[^/]+\/show$/);
    await manager.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent === '完了', undefined, { timeout: 20_000 });
    const page = await manager.locator('.RaShow-main').innerText();
    expect(page).toContain('取込 2件');
    expect(page).toContain('2件を取り込みました。1行は誤りのため取り込んでいません。');
    expect(await manager.getByTestId('import-errors').innerText()).toContain('補助対象経費');
    await screenshot(manager, 'import-done');
  });

  it('a file refused whole for its 見出し行 says so, not 「誤り 0行」', async () => {
    await upload('wrong-headers.csv', ['氏名,メール', '桜井 花子,a@example.jp'].join('\n'));
    await manager.waitForURL(/#\/imports\/[^/]+\/show$/);
    await manager.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent === '失敗', undefined, { timeout: 20_000 });
    const page = await manager.locator('.RaShow-main').innerText();
    expect(page).toContain('ファイルの誤り（取込なし）');
    expect(page).not.toContain('誤り 0行');
    expect(await manager.getByTestId('import-errors').innerText()).toContain('見出し行に「類型コード」の列がありません');
  });

  it('offers the templates by their names as written (「Excel テンプレート」, not upper-cased)', async () => {
    await goToRoute(manager, e.adminUrl, '/imports/create');
    expect(await manager.getByTestId('template-xlsx').innerText()).toContain('Excel テンプレート');
  });

  it('refuses a file over IMPORT_MAX_BYTES with its Japanese message and stays on the form', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => importRow(`個人事業者 大きい${i}`, null));
    await upload('big.csv', [IMPORT_HEADER, ...rows].join('\n'));
    await manager.locator('#main-content').getByText('取込ファイルは 64KB までです。ファイルを分けて取り込んでください。').waitFor();
    expect(manager.url()).toMatch(/#\/imports\/create/);
  });
});
