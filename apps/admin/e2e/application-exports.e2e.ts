import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import {
  asIntake,
  categoryByCode,
  createDraft,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  draftInput,
  openRound,
  seedReferenceCatalogue,
  tempStorageDir,
  type TestConfigOverrides,
} from '@jimukyoku/api/testing';
import { goToRoute, signIn, startAdminE2e, type AdminE2e, type Round } from './admin-app';
import { screenshot } from './browser';

/** up to this many rows the file comes at once; the whole list (5) goes through the worker's job */
const DIRECT_MAX = 3;

/** CSV as Excel reads it: whether it starts with the UTF-8 BOM, then the rows. */
function parseCsv(bytes: Buffer): { bom: boolean; rows: string[][] } {
  return { bom: bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), rows: parse(bytes.toString('utf8'), { bom: true }) };
}

/**
 * 申請 → エクスポート in the browser: the list's filter goes to the API, a small CSV is saved at once and
 * opens with Japanese headers and one row per application; a larger one is written by the worker, and the
 * エクスポート page follows it to 完了 and downloads it.
 */
describe('admin in the browser: exporting applications', () => {
  let e: AdminE2e;
  let manager: Page;
  let small: Round;
  const smallIds: string[] = [];
  const allIds: string[] = [];

  beforeAll(async () => {
    e = await startAdminE2e('admin_exports', {
      storageDir: tempStorageDir(),
      exportDirectMaxRows: DIRECT_MAX,
      // the API's in-process worker takes the exports queue only
      workerEnabled: true,
      workerQueues: ['exports'] as unknown as TestConfigOverrides['workerQueues'],
    });
    await seedReferenceCatalogue(e.t);
    small = await openRound(e.t);
    const other = await openRound(e.t);
    for (const [round, name] of [
      [small, '株式会社さくら製作所'],
      [small, '株式会社もみじ商事'],
      [other, '株式会社かえで'],
      [other, '株式会社いちょう'],
      [other, '株式会社けやき'],
    ] as const) {
      const draft = await createDraft(e.t, draftInput(round, await categoryByCode(e.t, round, 'restructuring.standard'), { applicantName: name }));
      await asIntake(e.t, draft.id, 'submit');
      if (round === small) smallIds.push(draft.id);
      allIds.push(draft.id);
    }
    manager = await e.newPage();
    await signIn(manager, e.adminUrl, DEMO_EMAIL.manager, DEMO_PASSWORD);
  }, 90_000);
  afterAll(() => e?.close());

  const exportCsv = async () => {
    await manager.getByTestId('export-applications').click();
    const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByTestId('export-csv').click()]);
    return download;
  };

  it('saves the filtered list as a CSV that opens with Japanese headers, one row per application', async () => {
    await goToRoute(manager, e.adminUrl, `/applications?filter=${encodeURIComponent(JSON.stringify({ roundId: small.id }))}`);
    await manager.getByTestId('applications').getByText('株式会社さくら製作所').waitFor();
    const download = await exportCsv();
    expect(download.suggestedFilename()).toMatch(/^applications-\d{8}-\d{6}\.csv$/);
    const { bom, rows } = parseCsv(await readFile((await download.path())!));
    expect(bom).toBe(true);
    expect(rows[0].slice(0, 5)).toEqual(['受付番号', '公募回', '類型', '状態', '事業者名']);
    expect(rows[0]).toContain('補助金額の見込み(円)');
    const id = rows[0].indexOf('申請ID');
    expect(
      rows
        .slice(1)
        .map((r) => r[id])
        .sort(),
    ).toEqual([...smallIds].sort());
    expect(
      rows
        .slice(1)
        .map((r) => r[rows[0].indexOf('事業者名')])
        .sort(),
    ).toEqual(['株式会社さくら製作所', '株式会社もみじ商事'].sort());
    expect(new Set(rows.slice(1).map((r) => r[rows[0].indexOf('状態')]))).toEqual(new Set(['申請済（受付）']));
    await manager.getByText(/applications-\d{8}-\d{6}\.csv を保存しました/).waitFor();
  });

  it('sends a larger list to the worker; the エクスポート page follows it to 完了 and downloads the file', async () => {
    // the list remembers its last filter: ask for none
    await goToRoute(manager, e.adminUrl, `/applications?filter=${encodeURIComponent('{}')}`);
    await manager.getByTestId('applications').getByText('株式会社けやき').waitFor();
    await manager.getByTestId('export-applications').click();
    await manager.getByTestId('export-csv').click();
    await manager.waitForURL(/#\/application-exports/);
    await manager.getByText(/件数が多いため、ファイルを作成しています（5件）/).waitFor();
    await manager.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.textContent === '完了', undefined, { timeout: 20_000 });
    expect(await manager.getByTestId('export-progress').first().innerText()).toContain('5 / 5件');
    await screenshot(manager, 'application-exports');
    const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByTestId('export-download').first().click()]);
    const { bom, rows } = parseCsv(await readFile((await download.path())!));
    expect(bom).toBe(true);
    expect(rows[0][0]).toBe('受付番号');
    const id = rows[0].indexOf('申請ID');
    expect(
      rows
        .slice(1)
        .map((r) => r[id])
        .sort(),
    ).toEqual([...allIds].sort());
  });
});
