import { MIGRATIONS } from '@jimukyoku/migrations';
import { registeredWorkflows } from '@jimukyoku/workflow';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { ensureDatabase, runMigrations } from '../src/database/migrate';
import { dropTestDatabase } from './harness';
import { databaseUrlFor, TEST_DB_PREFIX, testRunId } from './test-run';

describe('migrations', () => {
  const url = databaseUrlFor(`${TEST_DB_PREFIX}${testRunId()}_migrations`);
  afterAll(() => dropTestDatabase(url));

  it('create the schema on an empty database, and a second run is a no-op', async () => {
    expect(await ensureDatabase(url)).toBe(true);
    expect(await ensureDatabase(url)).toBe(false);
    const first = await runMigrations(url);
    expect(first).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runMigrations(url)).toEqual([]);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'audit_log'`);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('keep the audit log append-only: updates and deletes are refused by the database', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_log (action) VALUES ('test.event')`);
      await expect(client.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      const { rows } = await client.query(`SELECT action FROM audit_log`);
      expect(rows).toEqual([{ action: 'test.event' }]);
    } finally {
      await client.end();
    }
  });

  it('order each registered workflow’s states as its definition does (application_state_order, the 状態 sort)', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      for (const d of registeredWorkflows()) {
        const { rows } = await client.query(`SELECT s, application_state_order($1, $2, s) AS n FROM unnest($3::text[]) s`, [
          d.code,
          d.version,
          d.states.map((s) => s.code),
        ]);
        // a state or a definition added to libs/workflow needs a migration redefining the function (see StateOrder1764600700000)
        expect({ workflow: `${d.code}@${d.version}`, order: rows.map((r) => [r.s, r.n]) }).toEqual({
          workflow: `${d.code}@${d.version}`,
          order: d.states.map((s, i) => [s.code, `${String(i + 1).padStart(3, '0')} ${s.code}`]),
        });
      }
      const { rows } = await client.query(`SELECT application_state_order('subsidy', 2, 'noSuchState') AS a, application_state_order('nope', 1, 'draft') AS b`);
      expect(rows[0]).toEqual({ a: '999 noSuchState', b: '999 draft' });
      // two programmes' first states (下書き, 申請ID発行) sort apart, each state's applications together
      const mixed = await client.query(
        `SELECT s FROM (VALUES ('subsidy', 1, 'draft', 1), ('benefit', 1, 'idIssued', 2), ('subsidy', 2, 'draft', 3), ('benefit', 1, 'idIssued', 4)) v(c, n, s, id)
          ORDER BY application_state_order(c, n, s), id`,
      );
      expect(mixed.rows.map((r) => r.s)).toEqual(['draft', 'draft', 'idIssued', 'idIssued']);
    } finally {
      await client.end();
    }
  });

  it('stop before the one-report-per-年度 index on a database holding a 年度 reported twice, naming what to correct, and pass once it is', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP INDEX post_award_filing_fiscal_year_once`);
      // two reports of one 年度 of an application, as two requests at once filed them before the filing locked it
      await client.query(`SET session_replication_role = replica`);
      const applicationId = '00000000-0000-4000-8000-00000000f15c';
      const filed = await client.query(
        `INSERT INTO post_award_filing (application_id, step, details, recorded_by) VALUES ($1, 'commercializationReport', '{"fiscalYear": 2023}', $1),
           ($1, 'commercializationReport', '{"fiscalYear": 2023}', $1), ($1, 'commercializationReport', '{"fiscalYear": 2024}', $1) RETURNING id`,
        [applicationId],
      );
      const FiscalYearReportedOnce = MIGRATIONS.find((m) => m.name === 'FiscalYearReportedOnce1764600800000')!;
      const migration = new FiscalYearReportedOnce();
      const runner = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as QueryRunner;
      await expect(migration.up(runner)).rejects.toThrow(`application ${applicationId} 年度 2023 (2 reports)`);
      expect((await client.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'post_award_filing_fiscal_year_once'`)).rowCount).toBe(0);

      await client.query(`UPDATE post_award_filing SET details = '{"fiscalYear": 2025}' WHERE id = $1`, [filed.rows[1].id]);
      await migration.up(runner);
      expect((await client.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'post_award_filing_fiscal_year_once'`)).rowCount).toBe(1);
      await client.query(`DELETE FROM post_award_filing WHERE application_id = $1`, [applicationId]);
    } finally {
      await client.end();
    }
  });
});
