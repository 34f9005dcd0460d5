import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { ResumeUnfinishedImports } from '../src/modules/imports/resume-unfinished-imports';
import { QueueName } from '../src/queue';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { IMPORT_HEADER as HEADER, importRow, startImportWorker } from './import-fixtures';
import { tempStorageDir } from './intake-fixtures';
import { headerRowXml as headerRowOf, inlineCell, xlsxOf } from './xlsx-fixtures';

const headerRowXml = () => headerRowOf(HEADER);

const row = (name: string, number = corporateNumber(), expenses = 'machinery:30000000') => importRow(name, number, expenses);
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_INFLATED = 8 * 1024 * 1024;
const filesIn = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesIn(`${dir}/${d.name}`) : [d.name]));

describe('bulk import of applications', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const as = () => ({ Authorization: `Bearer ${s.manager.token}` });
  const send = (content: Buffer | string, mode: string, name = 'applications.csv') =>
    t.http().post('/api/imports').set(as()).field('roundId', round.id).field('mode', mode).attach('file', Buffer.from(content), { filename: name });
  const finished = async (id: string) => {
    worker ??= await startImportWorker(t.config); // started by the first test, after it saw the API leave the import alone
    for (let i = 0; i < 300; i++) {
      const res = await t.http().get(`/api/imports/${id}`).set(as()).expect(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
  const countIn = async (importId: string) => (await db.query(`SELECT count(*)::int AS n FROM application WHERE import_id = $1`, [importId]))[0].n;

  beforeAll(async () => {
    // the API's own worker runs (every queue but imports); the import worker is a separate application
    t = await startTestApp({
      label: 'imports',
      overrides: { workerEnabled: true, storageDir: tempStorageDir(), importMaxBytes: MAX_BYTES, importMaxInflatedBytes: MAX_INFLATED },
    });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('never runs an import in the API process: it waits for the worker', async () => {
    const created = await send([HEADER, row('株式会社まち')].join('\n'), 'validRows').expect(201);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.http().get(`/api/imports/${created.body.id}`).set(as()).expect(200)).body.status).toBe('queued');
    // an import whose job Redis lost is queued again when a worker starts
    const orphan = await send([HEADER, row('株式会社みなしご')].join('\n'), 'validRows').expect(201);
    await t.app.get<Queue>(getQueueToken(QueueName.Imports)).remove(orphan.body.id);
    worker = await startImportWorker(t.config);
    expect(await finished(created.body.id)).toMatchObject({ status: 'done', importedRows: 1 });
    expect(await finished(orphan.body.id)).toMatchObject({ status: 'done', importedRows: 1 });
  });

  it('gives a running worker’s import back its job when Redis lost it meanwhile (the worker looks every minute, not only at its start)', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Imports));
    worker ??= await startImportWorker(t.config);
    // Redis loses the job of an import queued while the worker runs (the queue paused so the worker cannot take it first)
    await queue.pause();
    let lost: string;
    try {
      lost = (await send([HEADER, row('株式会社まいご')].join('\n'), 'validRows').expect(201)).body.id;
      await queue.remove(lost);
    } finally {
      await queue.resume();
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect((await t.http().get(`/api/imports/${lost}`).set(as()).expect(200)).body.status).toBe('queued');
    // the worker's next look (RESUME_UNFINISHED_EVERY_MS) queues it again; before, only a restart did
    await worker.get(ResumeUnfinishedImports).resume();
    expect(await finished(lost)).toMatchObject({ status: 'done', importedRows: 1 });
  });

  it('serves a template whose header the importer accepts, in CSV and Excel', async () => {
    const csv = await t.http().get('/api/imports/template.csv').set(as()).buffer(true).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
    const xlsx = await t
      .http()
      .get('/api/imports/template.xlsx')
      .set(as())
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets[0].getRow(1).getCell(3).value).toBe('事業者名');
  });

  it("imports the template's own example row as it is downloaded", async () => {
    const csv = await t.http().get('/api/imports/template.csv').set(as()).buffer(true).expect(200);
    const created = await send(csv.text.replace(/^\uFEFF/, ''), 'allOrNothing').expect(201);
    const done = await finished(created.body.id);
    expect(done.errors).toEqual([]);
    expect(done).toMatchObject({ status: 'done', importedRows: 1 });
  });

  it('imports the valid rows and reports the others by row and field (validRows)', async () => {
    const file = [
      HEADER,
      row('株式会社いち'),
      row('株式会社に', '1234567890123'),
      row('株式会社さん', corporateNumber(), 'machinery:abc'),
      row('株式会社よん'),
      row('株式会社\u0000ご'),
    ].join('\n');
    const created = await send(file, 'validRows').expect(201);
    expect(created.body.status).toBe('queued');
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'done', totalRows: 5, processedRows: 5, importedRows: 2, errorRows: 3 });
    expect(done.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual(
      expect.arrayContaining([
        [3, '法人番号'],
        [4, '補助対象経費'],
        [6, '事業者名'],
      ]),
    );
    // the checks every request passes name the file's column too (they named the payload's applicant.name)
    expect(done.errors.find((e: { row: number }) => e.row === 6).message).toMatch(/^事業者名 に制御文字/);
    expect(await countIn(created.body.id)).toBe(2);
    const [app] = await db.query(`SELECT status, receipt_number, claimed_bonus_items FROM application WHERE import_id = $1 LIMIT 1`, [created.body.id]);
    expect(app.status).toBe('submitted');
    expect(app.claimed_bonus_items).toEqual(['wageIncreaseBonus', 'partnershipBonus']);
    expect(app.receipt_number).toMatch(/^RES\d+-\d{8}$/);
  });

  it('imports nothing when any row is wrong, but still reports every row (allOrNothing)', async () => {
    const file = [HEADER, row('株式会社ご'), row('株式会社ろく', '1234567890123'), row('株式会社なな')].join('\n');
    const created = await send(file, 'allOrNothing').expect(201);
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'failed', importedRows: 0, errorRows: 1 });
    // under the column's heading, as the file has it, not the intake payload's path
    expect(done.errors[0]).toMatchObject({ row: 3, field: '法人番号', message: expect.stringMatching(/^法人番号: /) });
    expect(await countIn(created.body.id)).toBe(0);
    const clean = await send([HEADER, row('株式会社はち'), row('株式会社きゅう')].join('\n'), 'allOrNothing').expect(201);
    expect(await finished(clean.body.id)).toMatchObject({ status: 'done', importedRows: 2 });
  });

  it('reports a 法人番号 the round already holds, also from an earlier row of the same file, naming its 受付番号', async () => {
    const twice = corporateNumber();
    const valid = await send([HEADER, row('株式会社じゅう', twice), row('株式会社じゅういち', twice)].join('\n'), 'validRows').expect(201);
    expect(await finished(valid.body.id)).toMatchObject({ status: 'done', importedRows: 1, errorRows: 1 });
    const [first] = await db.query(`SELECT receipt_number FROM application WHERE corporate_number = $1`, [twice]);
    const [refused] = (await finished(valid.body.id)).errors;
    expect(refused).toMatchObject({ row: 3, field: '法人番号' });
    expect(refused.message).toContain(first.receipt_number);

    // all or nothing: the earlier row is not committed, and is still the one the refusal names
    const inFile = corporateNumber();
    const all = await send([HEADER, row('株式会社じゅうに', inFile), row('株式会社じゅうさん', inFile)].join('\n'), 'allOrNothing').expect(201);
    const done = await finished(all.body.id);
    expect(done).toMatchObject({ status: 'failed', importedRows: 0, errorRows: 1 });
    expect(done.errors[0]).toMatchObject({ row: 3, field: '法人番号' });
    expect(done.errors[0].message).toMatch(/既に受け付けています \(受付番号 RES\d+-\d{8}、状態「.+」\)/);
    expect(await countIn(all.body.id)).toBe(0);
  });

  it('keeps a Japanese file name as it was sent', async () => {
    const created = await send([HEADER, row('株式会社ファイル名')].join('\n'), 'validRows', '申請一覧.csv').expect(201);
    expect(created.body.fileName).toBe('申請一覧.csv');
    await finished(created.body.id);
  });

  it('reads Excel files too', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('申請');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(row('株式会社エクセル').split(','));
    const created = await send(Buffer.from(await wb.xlsx.writeBuffer()), 'validRows', 'applications.xlsx').expect(201);
    expect(await finished(created.body.id)).toMatchObject({ status: 'done', importedRows: 1, errorRows: 0 });
  });

  it('refuses a file without the required headers, or of another type', async () => {
    const created = await send('名前,メール\nx,y', 'validRows').expect(201);
    const done = await finished(created.body.id);
    expect(done.status).toBe('failed');
    expect(done.errors[0].message).toContain('見出し行に「類型コード」の列がありません');
    const pdf = await send('%PDF-1.4', 'validRows', 'applications.pdf').expect(400);
    expect(pdf.body.errors[0].field).toBe('file');
    const noMode = await send(HEADER, 'sometimes').expect(400);
    expect(noMode.body.errors[0].field).toBe('mode');
  });

  it('streams the upload to storage and refuses one over IMPORT_MAX_BYTES, keeping nothing', async () => {
    const before = filesIn(t.config.storageDir).length;
    const big = [HEADER, ...Array.from({ length: 12_000 }, (_, i) => row(`株式会社おおきい${i}`))].join('\n');
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_BYTES);
    const res = await send(big, 'validRows').expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'IMPORT_TOO_LARGE', errors: [{ field: 'file' }] });
    expect(res.body.message).toContain('MB までです');
    expect(filesIn(t.config.storageDir).length).toBe(before);
  });

  it('refuses a cell longer than IMPORT_MAX_CELL_CHARS, importing nothing', async () => {
    const created = await send(
      [HEADER, row('株式会社みじかい'), row('株式会社ながい' + 'あ'.repeat(t.config.importMaxCellChars))].join('\n'),
      'validRows',
    ).expect(201);
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(done.errors[0].message).toContain('セルが長すぎます');
    expect(await countIn(created.body.id)).toBe(0);
  });

  // Workbook bombs: each file is a few kilobytes on disk; each is refused with a message, quickly.
  const bombs: [string, () => Buffer, string][] = [
    [
      'shared strings that inflate to 600 MB',
      () => xlsxOf({ head: headerRowXml() }, { chunk: '<si><t>爆</t></si>'.repeat(55_000), times: 600 }),
      '展開後の大きさ',
    ],
    [
      'a sheet that lies about its size and inflates to a gigabyte',
      () => xlsxOf({ head: headerRowXml(), chunk: ' '.repeat(1 << 20), times: 1024, declaredSize: 4096 }),
      '圧縮爆弾',
    ],
    ['millions of rows', () => xlsxOf({ head: headerRowXml(), chunk: '<row r="2"/>'.repeat(10_000), times: 50 }), 'データ行が上限'],
    [
      'a row of a million columns',
      () => xlsxOf({ head: `${headerRowXml()}<row r="2">`, chunk: '<c r="A2"/>'.repeat(10_000), times: 50, tail: '</row>' }),
      '列が多すぎます',
    ],
  ];
  it.each(bombs)('refuses a workbook bomb (%s) with a clear message, importing nothing', async (_name, build, message) => {
    const file = build();
    expect(file.length).toBeLessThan(MAX_BYTES);
    const started = Date.now();
    const created = await send(file, 'validRows', 'bomb.xlsx').expect(201);
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(done.errors[0].message).toContain(message);
    expect(done.message).toContain(message);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await countIn(created.body.id)).toBe(0);
  });

  it('reads a streamed .xlsx whose Japanese text spans the inflated chunks', async () => {
    const summary = '事業計画の概要です。'.repeat(150);
    const rowXml = (r: number) =>
      `<row r="${r}">${importRow(`個人事業者${r}`, null)
        .split(',')
        .map((c, i) => inlineCell(`${String.fromCharCode(65 + i)}${r}`, i === 11 ? summary : c))
        .join('')}</row>`;
    const data = Array.from({ length: 20 }, (_, i) => rowXml(i + 2)).join('');
    const created = await send(xlsxOf({ head: headerRowXml() + data }), 'validRows', 'stream.xlsx').expect(201);
    expect(await finished(created.body.id)).toMatchObject({ status: 'done', totalRows: 20, importedRows: 20, errorRows: 0 });
    const apps: { plan_summary: string }[] = await db.query(`SELECT plan_summary FROM application WHERE import_id = $1`, [created.body.id]);
    expect(apps.filter((a) => a.plan_summary !== summary)).toEqual([]);
  });
});
