import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { tempStorageDir } from './intake-fixtures';

const HEADER = '類型コード,申請者区分,事業者名,法人番号,規模区分,従業員数,資本金,都道府県,メールアドレス,担当者名,事業計画名,事業計画の概要,認定支援機関名,認定支援機関ID,補助対象経費,申請額,月次売上高,加点項目';
const SALES = '2019-04:10000000;2019-05:10000000;2019-06:10000000;2020-04:8000000;2020-05:8000000;2020-06:8000000';
const row = (name: string, number = corporateNumber(), expenses = 'machinery:30000000') =>
  ['restructuring.standard', '法人', name, number, '中小企業', '30', '30000000', '北海道', 'info@example.jp', '担当 太郎', '新分野展開', '概要', '支援センター', 'ADV-1', expenses, '', SALES, 'wageIncreaseBonus;partnershipBonus'].join(',');

describe('bulk import of applications', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const as = () => ({ Authorization: `Bearer ${s.manager.token}` });
  const send = (content: Buffer | string, mode: string, name = 'applications.csv') =>
    t.http().post('/api/imports').set(as()).field('roundId', round.id).field('mode', mode).attach('file', Buffer.from(content), { filename: name });
  const finished = async (id: string) => {
    for (let i = 0; i < 100; i++) {
      const res = await t.http().get(`/api/imports/${id}`).set(as()).expect(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
  const countIn = async (importId: string) => (await db.query(`SELECT count(*)::int AS n FROM application WHERE import_id = $1`, [importId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ label: 'imports', overrides: { workerEnabled: true, storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
  });
  afterAll(() => t?.close());

  it('serves a template whose header the importer accepts, in CSV and Excel', async () => {
    const csv = await t.http().get('/api/imports/template.csv').set(as()).buffer(true).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
    const xlsx = await t.http().get('/api/imports/template.xlsx').set(as()).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets[0].getRow(1).getCell(3).value).toBe('事業者名');
  });

  it('imports the valid rows and reports the others by row and field (validRows)', async () => {
    const file = [HEADER, row('株式会社いち'), row('株式会社に', '1234567890123'), row('株式会社さん', corporateNumber(), 'machinery:abc'), row('株式会社よん')].join('\n');
    const created = await send(file, 'validRows').expect(201);
    expect(created.body.status).toBe('queued');
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'done', totalRows: 4, processedRows: 4, importedRows: 2, errorRows: 2 });
    expect(done.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual(expect.arrayContaining([[3, 'applicant.corporateNumber'], [4, '補助対象経費']]));
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
    expect(done.errors[0]).toMatchObject({ row: 3, field: 'applicant.corporateNumber' });
    expect(await countIn(created.body.id)).toBe(0);
    const clean = await send([HEADER, row('株式会社はち'), row('株式会社きゅう')].join('\n'), 'allOrNothing').expect(201);
    expect(await finished(clean.body.id)).toMatchObject({ status: 'done', importedRows: 2 });
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
});
