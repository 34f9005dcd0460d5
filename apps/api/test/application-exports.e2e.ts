import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { findState, getWorkflow } from '@jimukyoku/workflow';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerAppModule } from '../src/api.module';
import { QueueName } from '../src/queue';
import { RemoveExpiredExportsJob } from '../src/modules/application-exports/remove-expired-exports.job';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { asIntake, assign, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { tempStorageDir } from './intake-fixtures';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADER = [
  '受付番号',
  '公募回',
  '類型',
  '状態',
  '事業者名',
  '申請者区分',
  '法人番号',
  '規模区分',
  '業種',
  '従業員数',
  '資本金(円)',
  '都道府県',
  '担当者名',
  'メールアドレス',
  '事業計画名',
  '認定支援機関名',
  '補助金額の見込み(円)',
  '受付日時(JST)',
  '締切延長内の受付',
  '補正期限(JST)',
  '受付経路',
  '最終更新日時(JST)',
  '申請ID',
];
const col = (name: string) => HEADER.indexOf(name);
/** the label the export must show instead of the state's code */
const SUBMITTED = findState(getWorkflow('subsidy', 1), 'submitted')!.label;
/** the export's threshold in this file: up to 4 rows answered at once, more through the job */
const DIRECT_MAX = 4;

/**
 * Exports of the 申請 list (modules/application-exports): the list's filter and scope, Japanese headers and
 * labels, JST times, CSV with a BOM and .xlsx; beyond EXPORT_DIRECT_MAX_ROWS through the worker's job with
 * its progress and a download only for the requester or a manager.
 */
describe('application exports', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let small: Round;
  let large: Round;
  const smallIds: string[] = [];
  const largeIds: string[] = [];
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });
  /** a file answer's body as one Buffer */
  const asFile = (req: ReturnType<ReturnType<TestApp['http']>['get']>) =>
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const requestExport = (who: keyof typeof s, body: object) => asFile(t.http().post('/api/application-exports').set(as(who)).send(body));
  const csvRows = (body: Buffer): string[][] => parse(body.toString('utf8'), { bom: true });

  async function submitted(round: Round, name: string, overrides: Record<string, unknown> = {}) {
    const draft = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { applicantName: name, ...overrides }));
    await asIntake(t, draft.id, 'submit');
    return draft.id;
  }

  beforeAll(async () => {
    t = await startTestApp({
      label: 'app_exports',
      // the in-process worker takes only the exports queue here
      overrides: { exportDirectMaxRows: DIRECT_MAX, storageDir: tempStorageDir(), workerEnabled: true, workerQueues: [QueueName.Exports] },
    });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    small = await openRound(t);
    large = await openRound(t);
    smallIds.push(await submitted(small, '株式会社さくら製作所', { industry: 'retail', sizeClass: 'smallBusiness', employeeCount: 4, capital: 10_000_000 }));
    smallIds.push(await submitted(small, '=HYPERLINK("http://evil.example/","株式会社もみじ")'));
    smallIds.push(await submitted(small, '有限会社かえで', { applicantKind: 'soleProprietor', corporateNumber: null, capital: null }));
    for (let i = 0; i < 7; i++) largeIds.push(await submitted(large, `株式会社大量${i + 1}`));
    // a known receipt and 受付 instant: 2022-03-24T09:00:00Z is 18:00 in Tokyo
    await db.query(`UPDATE application SET receipt_number = 'RES99-00000001', received_at = '2022-03-24T09:00:00Z' WHERE id = $1`, [smallIds[0]]);
    await assign(t, smallIds[0], s.reviewer.user.id);
    await assign(t, largeIds[0], s.reviewer.user.id);
  });
  afterAll(() => t?.close());

  it('answers a small CSV at once: BOM, Japanese header, one row per application of the filter, labels not codes, JST', async () => {
    const res = await requestExport('manager', { format: 'csv', filter: { roundId: small.id } }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="applications-\d{8}-\d{6}\.csv"/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 3)).toEqual(BOM);
    const rows = csvRows(body);
    expect(rows[0]).toEqual(HEADER);
    expect(
      rows
        .slice(1)
        .map((r) => r[col('申請ID')])
        .sort(),
    ).toEqual([...smallIds].sort());

    const sakura = rows.find((r) => r[col('申請ID')] === smallIds[0])!;
    expect(sakura[col('受付番号')]).toBe('RES99-00000001');
    expect(sakura[col('公募回')]).toBe(`事業再構築補助金 第${small.number}回`);
    expect(sakura[col('類型')]).not.toMatch(/restructuring|^$/);
    expect(sakura[col('状態')]).toBe(SUBMITTED);
    expect(sakura[col('申請者区分')]).toBe('法人');
    expect(sakura[col('規模区分')]).toBe('小規模事業者');
    expect(sakura[col('業種')]).toBe('小売業');
    expect(sakura[col('都道府県')]).toBe('北海道');
    expect(sakura[col('資本金(円)')]).toBe('10000000');
    expect(Number(sakura[col('補助金額の見込み(円)')])).toBeGreaterThan(0);
    expect(sakura[col('受付日時(JST)')]).toBe('2022/03/24 18:00:00');
    expect(sakura[col('最終更新日時(JST)')]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    // applicant text that would start a formula stays text (common/spreadsheet-cells.ts)
    expect(rows.find((r) => r[col('申請ID')] === smallIds[1])![col('事業者名')]).toBe(`'=HYPERLINK("http://evil.example/","株式会社もみじ")`);
    const kaede = rows.find((r) => r[col('申請ID')] === smallIds[2])!;
    expect([kaede[col('申請者区分')], kaede[col('法人番号')], kaede[col('資本金(円)')]]).toEqual(['個人事業者', '', '']);

    // recorded as a direct export, with its audit record
    const id = res.headers['x-export-id'];
    const [record] = await db.query(`SELECT delivery, status, total_rows, requested_by FROM application_export WHERE id = $1`, [id]);
    expect(record).toEqual({ delivery: 'direct', status: 'done', total_rows: 3, requested_by: s.manager.user.id });
    const [audit] = await db.query(`SELECT action, actor_id, changes FROM audit_log WHERE entity_type = 'applicationExport' AND entity_id = $1`, [id]);
    expect(audit).toMatchObject({ action: 'applicationExport.created', actor_id: s.manager.user.id, changes: { format: 'csv', rows: 3, delivery: 'direct' } });
  });

  it('filters like the list: status and q, a key the list does not declare refused', async () => {
    const one = csvRows((await requestExport('manager', { format: 'csv', filter: { roundId: small.id, q: 'さくら' } }).expect(200)).body);
    expect(one.slice(1).map((r) => r[col('申請ID')])).toEqual([smallIds[0]]);
    const none = csvRows((await requestExport('manager', { filter: { roundId: small.id, status: ['adopted'] } }).expect(200)).body);
    expect(none).toEqual([HEADER]);
    const bad = await t
      .http()
      .post('/api/application-exports')
      .set(as('manager'))
      .send({ filter: { colour: 'red' } })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_LIST_QUERY', errors: [{ field: 'filter.colour' }] });
    expect(bad.body.message).toMatch(/filter に指定できる項目/);
    const format = await t.http().post('/api/application-exports').set(as('manager')).send({ format: 'pdf' }).expect(400);
    expect(format.body.message).toMatch(/csv か xlsx/);
  });

  it('gives a reviewer only the applications assigned to them', async () => {
    const rows = csvRows((await requestExport('reviewer', { format: 'csv', filter: { roundId: small.id } }).expect(200)).body);
    expect(rows.slice(1).map((r) => r[col('申請ID')])).toEqual([smallIds[0]]);
    const all = csvRows((await requestExport('reviewer', { format: 'csv' }).expect(200)).body);
    expect(
      all
        .slice(1)
        .map((r) => r[col('申請ID')])
        .sort(),
    ).toEqual([smallIds[0], largeIds[0]].sort());
  });

  it('writes .xlsx that ExcelJS reads: Japanese header, string cells, numbers as numbers', async () => {
    const res = await requestExport('auditor', { format: 'xlsx', filter: { roundId: small.id } }).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('申請一覧');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(1 + smallIds.length);
    const byId = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => n > 1 && byId.set(String(row.getCell(col('申請ID') + 1).value), row));
    expect([...byId.keys()].sort()).toEqual([...smallIds].sort());
    const sakura = byId.get(smallIds[0])!;
    expect(sakura.getCell(col('状態') + 1).value).toBe(SUBMITTED);
    expect(sakura.getCell(col('受付日時(JST)') + 1).value).toBe('2022/03/24 18:00:00');
    expect(sakura.getCell(col('従業員数') + 1).value).toBe(4);
    const name = byId.get(smallIds[1])!.getCell(col('事業者名') + 1);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("http://evil.example/","株式会社もみじ")');
  });

  it('runs a large export as a job: 202, progress to the total, the file for the requester or a manager, each download audited', async () => {
    const res = await t
      .http()
      .post('/api/application-exports')
      .set(as('auditor'))
      .send({ format: 'csv', filter: { roundId: large.id } })
      .expect(202);
    expect(res.body).toMatchObject({ delivery: 'job', status: 'queued', totalRows: largeIds.length, processedRows: 0, format: 'csv' });
    expect(res.body.storageKey).toBeUndefined();
    const id: string = res.body.id;
    expect(res.headers.location).toBe(`/api/application-exports/${id}`);

    let record = res.body;
    for (let i = 0; i < 100 && record.status !== 'done' && record.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      record = (await t.http().get(`/api/application-exports/${id}`).set(as('auditor')).expect(200)).body;
    }
    expect(record).toMatchObject({ status: 'done', totalRows: largeIds.length, processedRows: largeIds.length });
    expect(record.sizeBytes).toBeGreaterThan(0);

    // not the reviewer's (nor the admin's) export: as if there were none
    await t.http().get(`/api/application-exports/${id}`).set(as('reviewer')).expect(404);
    await t.http().get(`/api/application-exports/${id}/content`).set(as('admin')).expect(404);
    const mine = await t.http().get('/api/application-exports').set(as('auditor')).expect(200);
    expect(mine.body.map((e: { id: string }) => e.id)).toContain(id);
    const theirs = await t.http().get('/api/application-exports').set(as('reviewer')).expect(200);
    expect(theirs.body.map((e: { id: string }) => e.id)).not.toContain(id);

    for (const who of ['auditor', 'manager'] as const) {
      const file = await asFile(t.http().get(`/api/application-exports/${id}/content`).set(as(who))).expect(200);
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      const body = file.body as Buffer;
      expect(body.subarray(0, 3)).toEqual(BOM);
      const rows = csvRows(body);
      expect(rows[0]).toEqual(HEADER);
      expect(
        rows
          .slice(1)
          .map((r) => r[col('申請ID')])
          .sort(),
      ).toEqual([...largeIds].sort());
      expect(new Set(rows.slice(1).map((r) => r[col('状態')]))).toEqual(new Set([SUBMITTED]));
    }
    const audit = await db.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'applicationExport' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit).toEqual([
      { action: 'applicationExport.created', actor_id: s.auditor.user.id },
      { action: 'applicationExport.finished', actor_id: null },
      { action: 'applicationExport.downloaded', actor_id: s.auditor.user.id },
      { action: 'applicationExport.downloaded', actor_id: s.manager.user.id },
    ]);
  });

  it('removes a stored file after EXPORT_RETENTION_HOURS: the export is 期限切れ, its download 410, audited', async () => {
    const [stored] = await db.query(`SELECT id, storage_key FROM application_export WHERE status = 'done' AND storage_key IS NOT NULL LIMIT 1`);
    const path = join(t.config.storageDir, stored.storage_key);
    expect(existsSync(path)).toBe(true);
    const run = () => t.app.get(RemoveExpiredExportsJob).handle();
    expect(await run()).toBe(0); // written just now: kept
    await db.query(`UPDATE application_export SET finished_at = now() - interval '169 hours' WHERE id = $1`, [stored.id]);
    expect(await run()).toBe(1);
    expect(existsSync(path)).toBe(false);
    const record = (await t.http().get(`/api/application-exports/${stored.id}`).set(as('manager')).expect(200)).body;
    expect(record).toMatchObject({ status: 'expired' });
    expect(record.message).toMatch(/保存期間/);
    const gone = await t.http().get(`/api/application-exports/${stored.id}/content`).set(as('manager')).expect(410);
    expect(gone.body).toMatchObject({ code: 'EXPORT_EXPIRED' });
    expect(gone.body.message).toMatch(/もう一度エクスポート/);
    const [audit] = await db.query(`SELECT actor_role, changes FROM audit_log WHERE action = 'applicationExport.expired' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor_role: 'system', changes: { count: 1, olderThanHours: 168, exportIds: [stored.id] } });
    expect(await run()).toBe(0);
  });

  it('writes a large .xlsx through the job too, in the reviewer-free scope of a manager', async () => {
    const res = await t.http().post('/api/application-exports').set(as('manager')).send({ format: 'xlsx' }).expect(202);
    let record = res.body;
    for (let i = 0; i < 100 && record.status !== 'done' && record.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      record = (await t.http().get(`/api/application-exports/${record.id}`).set(as('manager')).expect(200)).body;
    }
    expect(record).toMatchObject({ status: 'done', processedRows: smallIds.length + largeIds.length });
    const file = await asFile(t.http().get(`/api/application-exports/${record.id}/content`).set(as('manager'))).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(1 + smallIds.length + largeIds.length);
  });

  it('gives an unfinished export whose job Redis lost its job back when a worker starts', async () => {
    const [lost] = await db.query(
      `INSERT INTO application_export (requested_by, requester_role, format, filter, delivery, status, total_rows, file_name)
       VALUES ($1, 'manager', 'csv', $2, 'job', 'queued', 0, 'applications-lost.csv') RETURNING id`,
      [s.manager.user.id, JSON.stringify({ roundId: small.id })],
    );
    const worker = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ ...t.config, workerQueues: [QueueName.Exports] }), { logger: false });
    try {
      await worker.init();
      let record = { status: 'queued', processedRows: 0 };
      for (let i = 0; i < 100 && record.status !== 'done' && record.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        record = (await t.http().get(`/api/application-exports/${lost.id}`).set(as('manager')).expect(200)).body;
      }
      expect(record).toMatchObject({ status: 'done', processedRows: smallIds.length });
    } finally {
      await worker.close();
    }
  });

  it('refuses the download of a direct export (nothing was stored) with a message', async () => {
    const res = await requestExport('manager', { filter: { roundId: small.id } }).expect(200);
    const content = await t.http().get(`/api/application-exports/${res.headers['x-export-id']}/content`).set(as('manager')).expect(409);
    expect(content.body).toMatchObject({ code: 'EXPORT_DELIVERED_DIRECTLY' });
  });
});

describe('application exports without Redis', () => {
  let t: TestApp;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  beforeAll(async () => {
    // nothing listens on port 1: the queue cannot be reached (the API starts degraded without a worker)
    t = await startTestApp({ label: 'app_exports_noredis', overrides: { exportDirectMaxRows: 0, redisUrl: 'redis://127.0.0.1:1' } });
    await seedStaff(t);
    await runSeed(t.app.get(DataSource), { demo: false, steps: [referenceCatalogueSeed] });
    const round = await openRound(t);
    await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard')));
    s = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  it('answers 503 QUEUE_UNAVAILABLE for an export that needs the job, and stores nothing', async () => {
    const res = await t.http().post('/api/application-exports').set('Authorization', `Bearer ${s.manager.token}`).send({ format: 'csv' });
    expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({
      status: 503,
      code: 'QUEUE_UNAVAILABLE',
      retryAfter: '10',
    });
    expect(await t.app.get(DataSource).query(`SELECT id FROM application_export`)).toEqual([]);
  });
});
