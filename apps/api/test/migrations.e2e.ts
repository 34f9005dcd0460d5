import { MIGRATIONS } from '@jimukyoku/migrations';
import { registeredWorkflows } from '@jimukyoku/workflow';
import { Client } from 'pg';
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
});
