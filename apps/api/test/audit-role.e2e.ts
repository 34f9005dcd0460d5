import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from './harness';
import { testAppUser } from './test-run';

/**
 * The application connects as a member of jimukyoku_app, as every e2e file's app does: history can be
 * read and added to, never rewritten — not by UPDATE/DELETE/TRUNCATE, nor by disabling the append-only
 * trigger or dropping the table (the role owns nothing), nor by replica mode (superuser only).
 */
describe('the application database role', () => {
  let url: string;
  let app: Client;
  beforeAll(async () => {
    url = await createTestDatabase('app_role');
    app = new Client({ connectionString: url });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    if (url) await dropTestDatabase(url);
  });

  it('is the test login role, not a superuser, and a member of jimukyoku_app', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS u, rolsuper, pg_has_role(current_user, 'jimukyoku_app', 'MEMBER') AS member FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ u: testAppUser(), rolsuper: false, member: true });
  });

  it('may add to and read the audit log', async () => {
    await app.query(`INSERT INTO audit_log (action) VALUES ('test.appended')`);
    const { rows } = await app.query(`SELECT action FROM audit_log WHERE action = 'test.appended'`);
    expect(rows).toEqual([{ action: 'test.appended' }]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET action = 'rewritten'`, /permission denied/],
    ['DELETE', `DELETE FROM audit_log`, /permission denied/],
    ['TRUNCATE', `TRUNCATE audit_log`, /permission denied/],
    ['DISABLE TRIGGER', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`, /must be owner/],
    ['DISABLE TRIGGER ALL', `ALTER TABLE audit_log DISABLE TRIGGER ALL`, /must be owner/],
    ['DROP TRIGGER', `DROP TRIGGER audit_log_append_only ON audit_log`, /must be owner/],
    ['DROP TABLE', `DROP TABLE audit_log`, /must be owner/],
    ['replica mode', `SET session_replication_role = replica`, /permission denied/],
    ['CREATE in the schema', `CREATE TABLE audit_log_copy (id int)`, /permission denied/],
  ])('refuses %s on the audit log', async (_name, sql, refusal) => {
    await expect(app.query(sql)).rejects.toThrow(refusal);
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.appended'`);
    expect(rows[0].n).toBe(1);
  });
});
