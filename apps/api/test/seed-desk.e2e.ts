import { DataSource } from 'typeorm';
import { seedDemo } from '../src/testing/seeds';
import { startTestApp, type TestApp } from './harness';
import { startImportWorker } from './import-fixtures';
import { tempStorageDir } from './intake-fixtures';

/**
 * What `npm start`'s demo puts on the reviewer's desk and the 一括取込 page beyond the applications themselves
 * (seed.e2e.ts checks those): 利益相反 declared before an assignment, and files of paper applications that the
 * import worker runs.
 */
describe('the npm start seed: 利益相反 and 一括取込', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ label: 'seed_desk', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedDemo(t);
  }, 240_000);
  afterAll(() => t?.close());

  it('declares 利益相反 before 第12回’s 要件確認 is assigned: the assignment routes around the active ones, a withdrawn one stays listed', async () => {
    const conflicts: { kind: string; revoked: boolean; conflicted: number; assigned: number }[] = await db.query(
      `SELECT c.kind, c.revoked_at IS NOT NULL AS revoked,
              (SELECT count(*)::int FROM application a WHERE (c.kind = 'organisation' AND a.applicant_name = c.value) OR (c.kind = 'corporateNumber' AND a.corporate_number = c.value)) AS conflicted,
              (SELECT count(*)::int FROM application_assignment x JOIN application a ON a.id = x.application_id
                WHERE x.reviewer_id = c.reviewer_id AND x.assigned_at > c.declared_at
                  AND ((c.kind = 'organisation' AND a.applicant_name = c.value) OR (c.kind = 'corporateNumber' AND a.corporate_number = c.value))) AS assigned
         FROM conflict_of_interest c ORDER BY c.declared_at`,
    );
    expect(conflicts.map(({ kind, revoked }) => ({ kind, revoked }))).toEqual([
      { kind: 'organisation', revoked: false },
      { kind: 'corporateNumber', revoked: false },
      { kind: 'organisation', revoked: true },
    ]);
    // each active one names a company that applied, and none of its applications was assigned to the reviewer after
    expect(conflicts.slice(0, 2).map((c) => [c.conflicted > 0, c.assigned])).toEqual([
      [true, 0],
      [true, 0],
    ]);
  });

  it('has two files of paper applications that the import worker runs: seven of eight rows imported, an all-or-nothing file refused', async () => {
    const worker = await startImportWorker(t.config);
    try {
      let imports: { file_name: string; mode: string; status: string; imported_rows: number; errors: { row: number; field: string }[] }[] = [];
      for (let i = 0; i < 300 && !(imports.length === 2 && imports.every((x) => x.status === 'done' || x.status === 'failed')); i++) {
        await new Promise((r) => setTimeout(r, 100));
        imports = await db.query(`SELECT file_name, mode, status, imported_rows, errors FROM application_import ORDER BY file_name`);
      }
      expect(imports.map(({ errors: _errors, ...x }) => x)).toEqual([
        { file_name: '第12回_紙申請_第1便.csv', mode: 'validRows', status: 'done', imported_rows: 7 },
        { file_name: '第12回_紙申請_第2便.csv', mode: 'allOrNothing', status: 'failed', imported_rows: 0 },
      ]);
      expect(imports[0].errors.map(({ row, field }) => ({ row, field }))).toEqual([{ row: 7, field: '法人番号' }]);
      expect(imports[1].errors.map(({ row, field }) => ({ row, field }))).toEqual([{ row: 4, field: '事業計画名' }]);
      const [{ received }] = await db.query(
        `SELECT count(*)::int AS received FROM application a JOIN application_import i ON i.id = a.import_id WHERE a.receipt_number IS NOT NULL AND a.channel_id IS NULL`,
      );
      expect(received).toBe(7);
    } finally {
      await worker.close();
    }
  });
});
