import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuditChainRepository } from '../src/modules/audit/audit-chain.repository';
import { verifyAuditChain } from '../src/modules/audit/audit-verify';
import { AuditService } from '../src/modules/audit/audit.service';
import { SealAuditLogJob } from '../src/modules/audit/seal-audit-log.job';
import { dropTestDatabase, startTestApp, TestApp } from './harness';
import { appDatabaseUrlFor, databaseUrlFor, ownerUrlOf, TEST_DB_PREFIX, testRunId } from './test-run';

// `npm run audit:verify` is the built CLI; `npm test` builds before running jest.
const cli = join(__dirname, '..', 'dist', 'cli', 'audit-verify.js');
const verifyCli = (url: string) => spawnSync(process.execPath, [cli, url], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NODE_ENV: 'test' } });

/** Runs SQL as the owner (a superuser here): what an attacker with more than the app's rights can do. */
async function asOwner<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: ownerUrlOf(databaseUrl) });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

describe('the audit hash chain', () => {
  let t: TestApp;
  let restoredUrl: string | undefined;
  const verify = () => verifyAuditChain(t.app.get(AuditChainRepository), 3); // small batches: several per walk
  const seal = () => t.app.get(SealAuditLogJob).handle();

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('apps/api/dist is missing: run `npm run build` first (npm test does)');
    t = await startTestApp({ label: 'audit_chain' });
    const audit = t.app.get(AuditService);
    const records = [
      { action: 'test.money', entityType: 'application', entityId: 'a-1', changes: { amount: 12_345_678, rate: 0.6667, ratio: 1.0 } },
      {
        action: 'test.japanese',
        entityType: 'application',
        entityId: 'a-2',
        fromStatus: 'submitted',
        toStatus: 'returned',
        reason: '添付書類に不備があります。',
        changes: { 事業者名: '株式会社テスト', nested: { list: [1, 'two', null], b: true } },
      },
      { action: 'test.escapes', changes: { text: 'line\nbreak "quoted" \\ tab\t', emoji: '🎌' }, requestId: 'req-1', ip: '203.0.113.7' },
      { action: 'test.empty' },
    ];
    for (let round = 0; round < 3; round++) for (const r of records) await audit.record({ actor: { id: null, role: 'system' }, ...r });
  });
  afterAll(async () => {
    if (restoredUrl) await dropTestDatabase(restoredUrl);
    await t?.close();
  });

  it('seals every committed record once, in order; a second run seals nothing', async () => {
    const before = await verify();
    expect(before.unsealed.waiting).toBeGreaterThanOrEqual(12);
    const sealed = await seal();
    expect(sealed).toBe(before.unsealed.waiting);
    expect(await seal()).toBe(0);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, checked: sealed, broken: null, unsealed: { waiting: 0, unqueuedCount: 0, vanishedCount: 0 } });
  });

  it('reports records not sealed yet, and passes once the sealer has run', async () => {
    await t.app.get(AuditService).record({ action: 'test.late' });
    const pending = await verify();
    expect(pending.ok).toBe(true);
    expect(pending.report.join('\n')).toContain('1 record(s) await sealing');
    expect(await seal()).toBe(1);
    expect((await verify()).unsealed.waiting).toBe(0);
  });

  it('never waits for a writer: a record committed later is sealed later (commit order), whatever its id', async () => {
    const writer = new Client({ connectionString: t.config.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      const [{ id: slowId }] = (await writer.query(`INSERT INTO audit_log (action) VALUES ('test.slow') RETURNING id::text AS id`)).rows;
      await t.app.get(AuditService).record({ action: 'test.fast' });
      expect(await seal()).toBe(1); // the open transaction holds no lock the sealer needs
      await writer.query('COMMIT');
      expect(await seal()).toBe(1);
      const order = await asOwner<{ action: string; audit_id: string }>(
        t.config.databaseUrl,
        `SELECT action, audit_id::text FROM audit_chain ORDER BY seq DESC LIMIT 2`,
      );
      expect(order).toEqual([
        { action: 'test.slow', audit_id: slowId },
        { action: 'test.fast', audit_id: expect.any(String) },
      ]);
      expect(Number(order[1].audit_id)).toBeGreaterThan(Number(slowId));
      expect((await verify()).ok).toBe(true);
    } finally {
      await writer.end();
    }
  });

  it('passes `npm run audit:verify` after a pg_dump and restore into a new database', async () => {
    const source = new URL(ownerUrlOf(t.config.databaseUrl));
    const name = `${TEST_DB_PREFIX}${testRunId()}_audit_restored`;
    const dump = `/tmp/${name}.dump`;
    run('pg_dump', ['-Fc', '-f', dump, '-d', source.toString()]);
    await asOwner(t.config.databaseUrl, `CREATE DATABASE "${name}"`);
    restoredUrl = appDatabaseUrlFor(name);
    run('pg_restore', ['--exit-on-error', '-d', databaseUrlFor(name), dump]);
    rmSync(dump, { force: true });
    const r = verifyCli(restoredUrl); // as the application's role: reading is enough
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Audit chain intact: 15 records sealed \(head seq 15, hash [0-9a-f]{64}\)/);
    expect(r.status).toBe(0);
  });

  it('names a record whose payload was changed behind the trigger, and exits non-zero', async () => {
    const [target] = await asOwner<{ id: string; changes: string }>(
      t.config.databaseUrl,
      `SELECT id::text, changes::text FROM audit_log WHERE action = 'test.japanese' ORDER BY id OFFSET 1 LIMIT 1`,
    );
    const tamper = (changes: string) =>
      asOwner(
        t.config.databaseUrl,
        `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; UPDATE audit_log SET changes = '${changes.replace(/'/g, "''")}'::jsonb WHERE id = ${Number(target.id)}; ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only; COMMIT`,
      );
    await tamper(target.changes.replace('株式会社テスト', '株式会社ニセモノ'));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ kind: 'changed', auditId: target.id, action: 'test.japanese' });
    const r = verifyCli(t.config.databaseUrl);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`BROKEN: record id ${target.id} \\(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, test\\.japanese\\), chain seq \\d+: its content differs`),
    );

    await tamper(target.changes); // put back exactly: the chain holds again
    expect((await verify()).ok).toBe(true);
  });

  it('names a record deleted behind the trigger by its sealed time and action', async () => {
    const [target] = await asOwner<{ id: string; at: string }>(
      t.config.databaseUrl,
      `SELECT id::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM audit_log WHERE action = 'test.escapes' ORDER BY id LIMIT 1`,
    );
    await asOwner(
      t.config.databaseUrl,
      `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; DELETE FROM audit_log WHERE id = ${Number(target.id)}; ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only; COMMIT`,
    );
    expect((await verify()).broken).toEqual({ kind: 'removed', seq: expect.any(String), auditId: target.id, occurredAt: target.at, action: 'test.escapes' });
    const r = verifyCli(t.config.databaseUrl);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`BROKEN: record id ${target.id} (${target.at}, test.escapes)`);
  });

  it('flags a record taken out of the sealing queue (the app role can), so it cannot escape the chain unnoticed', async () => {
    await t.app.get(AuditService).record({ action: 'test.unqueued' });
    const app = new Client({ connectionString: t.config.databaseUrl });
    await app.connect();
    try {
      await app.query(`DELETE FROM audit_seal_queue`);
      await expect(app.query(`DELETE FROM audit_chain`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE audit_chain SET hash = hash`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
    const result = await verify();
    expect(result.unsealed.unqueued).toMatchObject({ action: 'test.unqueued' });
    expect(result.report.join('\n')).toMatch(/BROKEN: 1 record\(s\) are neither sealed nor queued/);
  });
});
