import { BuiltProcess, startBuiltProcess } from './built-process';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { openRound } from './application-fixtures';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { DEMO_EMAIL, login, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { IMPORT_HEADER, importRow } from './import-fixtures';
import { tempStorageDir } from './intake-fixtures';

// The worker runs as users run it: the built entry point in its own process (`npm test` builds first).
const WORKER = join(__dirname, '..', 'dist', 'worker.js');
const SUPERVISOR = join(__dirname, '..', 'dist', 'cli', 'import-worker-process.js');
const ROWS = 300;
/** every 25th row is wrong (an expense that is not an amount): refused, reported, never imported */
const refused = (i: number) => i % 25 === 24;
/** the first worker is killed once this many rows are imported */
const KILL_AFTER = 40;

const startWorker = (env: Record<string, string>): BuiltProcess => startBuiltProcess(WORKER, env);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Fault suite: the worker is killed (SIGKILL) in the middle of a bulk import and a second one started.
 * Every row ends imported exactly once (or refused, and reported), each application has one 受付
 * notification, and the report's counts are the database's. Prints its totals on the last line:
 *   [faults:import] requests=… faults=1 5xx=0 lost=0 duplicated=0
 * (requests: the suite's HTTP requests; lost: valid rows not imported; duplicated: applications or
 * 受付 notifications beyond one per row).
 */
describe('faults: the worker killed during an import', () => {
  let t: TestApp;
  let db: DataSource;
  const workers: BuiltProcess[] = [];
  const totals = { requests: 0, faults: 0, serverErrors: 0, lost: 0, duplicated: 0 };
  const counted = <T extends { status: number }>(res: T) => {
    totals.requests++;
    if (res.status >= 500 && res.status !== 503) totals.serverErrors++;
    return res;
  };

  const workerEnv = () => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: t.config.databaseUrl,
    REDIS_URL: t.config.redisUrl,
    REDIS_PREFIX: t.config.redisPrefix,
    STORAGE_DIR: t.config.storageDir,
    WORKER_QUEUES: 'imports',
  });

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error('apps/api/dist/worker.js is missing: run `npm run build` first (npm test does)');
    t = await startTestApp({ label: 'import_kill', overrides: { workerEnabled: false, storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    console.log(
      `[faults:import] requests=${totals.requests} faults=${totals.faults} 5xx=${totals.serverErrors} lost=${totals.lost} duplicated=${totals.duplicated}`,
    );
    await t?.close();
  });

  interface StartedImport {
    importId: string;
    token: string;
  }

  /** Uploads `rows` (CSV lines under the header) as a manager into a fresh open round; the import waits for a worker. */
  async function startImport(mode: 'validRows' | 'allOrNothing', rows: string[], filename: string): Promise<StartedImport> {
    const round = await openRound(t);
    const manager = await login(t, DEMO_EMAIL.manager, DEMO_PASSWORD);
    const file = [IMPORT_HEADER, ...rows].join('\n');
    const created = counted(
      await t
        .http()
        .post('/api/imports')
        .set({ Authorization: `Bearer ${manager.token}` })
        .field('roundId', round.id)
        .field('mode', mode)
        .attach('file', Buffer.from(file), { filename }),
    );
    expect(created.status).toBe(201);
    return { importId: created.body.id, token: manager.token };
  }

  /** Starts a worker, SIGKILLs it once `progress()` reaches KILL_AFTER (or after 60 s), and checks it died of the kill. */
  async function killMidImport(progress: () => Promise<number>): Promise<void> {
    const first = startWorker(workerEnv());
    workers.push(first);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && first.child.exitCode === null && (await progress()) < KILL_AFTER) await sleep(5);
    first.child.kill('SIGKILL');
    totals.faults++;
    const death = await first.exited;
    expect({ death, output: first.output.join('').slice(-3000) }).toMatchObject({ death: { signal: 'SIGKILL' } });
  }

  /** Starts a second worker and waits (up to 120 s) until it reports the import done; returns the report and the worker. */
  async function restartAndFinish({ importId, token }: StartedImport): Promise<{ report: Record<string, unknown>; second: BuiltProcess }> {
    const second = startWorker(workerEnv());
    workers.push(second);
    let report: Record<string, unknown> = {};
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const res = counted(
        await t
          .http()
          .get(`/api/imports/${importId}`)
          .set({ Authorization: `Bearer ${token}` }),
      );
      report = res.body;
      if (report.status === 'done' || report.status === 'failed') break;
      await sleep(250);
    }
    expect({ status: report.status, output: report.status === 'done' ? '' : second.output.join('').slice(-3000) }).toMatchObject({ status: 'done' });
    return { report, second };
  }

  it('imports every row exactly once after a SIGKILL mid-import and a restart', async () => {
    const names = Array.from({ length: ROWS }, (_, i) => `個人事業者 取込${String(i + 1).padStart(3, '0')}`);
    // 個人事業者: no 法人番号, so nothing but the import itself keeps a row from being imported twice
    const started = await startImport(
      'validRows',
      names.map((n, i) => importRow(n, null, refused(i) ? 'machinery:abc' : 'machinery:30000000')),
      'kill.csv',
    );
    const { importId } = started;
    const imported = async () => (await db.query(`SELECT count(*)::int AS n FROM application WHERE import_id = $1`, [importId]))[0].n as number;

    await killMidImport(imported);
    const atKill = await imported();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ROWS - names.filter((_, i) => refused(i)).length);

    const { report, second } = await restartAndFinish(started);
    const apps: { applicant_name: string; n: number }[] = await db.query(
      `SELECT applicant_name, count(*)::int AS n FROM application WHERE import_id = $1 GROUP BY applicant_name`,
      [importId],
    );
    const notices: { application_id: string; n: number }[] = await db.query(
      `SELECT a.id AS application_id, count(n.id)::int AS n FROM application a LEFT JOIN notification n ON n.application_id = a.id AND n.template = 'received'
        WHERE a.import_id = $1 GROUP BY a.id`,
      [importId],
    );
    const valid = names.filter((_, i) => !refused(i));
    const importedNames = new Set(apps.map((a) => a.applicant_name));
    totals.lost += valid.filter((n) => !importedNames.has(n)).length + notices.filter((x) => x.n === 0).length;
    totals.duplicated += apps.reduce((sum, a) => sum + a.n - 1, 0) + notices.reduce((sum, x) => sum + Math.max(0, x.n - 1), 0);
    expect({ lost: totals.lost, duplicated: totals.duplicated, serverErrors: totals.serverErrors }).toEqual({ lost: 0, duplicated: 0, serverErrors: 0 });
    expect(apps.filter((a) => names.filter((_, i) => refused(i)).includes(a.applicant_name))).toEqual([]);

    // the report counts what is in the database
    const inDb = apps.reduce((sum, a) => sum + a.n, 0);
    expect(report).toMatchObject({ totalRows: ROWS, processedRows: ROWS, importedRows: inDb, errorRows: ROWS - valid.length });
    expect(inDb).toBe(valid.length);
    expect((report.errors as { row: number }[]).map((e) => e.row)).toEqual(names.flatMap((_, i) => (refused(i) ? [i + 2] : [])));
    second.child.kill('SIGTERM');
    await second.exited;
  }, 240_000);

  it('starts an allOrNothing import over after a SIGKILL: the kill rolled back every row', async () => {
    const names = Array.from({ length: ROWS }, (_, i) => `個人事業者 一括${String(i + 1).padStart(3, '0')}`);
    const started = await startImport(
      'allOrNothing',
      names.map((n) => importRow(n, null)),
      'all.csv',
    );
    const { importId } = started;
    const progress = async () => (await db.query(`SELECT processed_rows FROM application_import WHERE id = $1`, [importId]))[0].processed_rows as number;
    const imported = async () => (await db.query(`SELECT count(*)::int AS n FROM application WHERE import_id = $1`, [importId]))[0].n as number;

    await killMidImport(progress);
    const atKill = await progress();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ROWS);
    expect(await imported()).toBe(0); // one transaction: nothing of the killed run is left

    const { report } = await restartAndFinish(started);
    const apps: { applicant_name: string; n: number; notices: number }[] = await db.query(
      `SELECT a.applicant_name, count(DISTINCT a.id)::int AS n, count(n.id)::int AS notices
         FROM application a LEFT JOIN notification n ON n.application_id = a.id AND n.template = 'received'
        WHERE a.import_id = $1 GROUP BY a.applicant_name`,
      [importId],
    );
    const importedNames = new Set(apps.map((a) => a.applicant_name));
    const lost = names.filter((n) => !importedNames.has(n)).length + apps.filter((a) => a.notices === 0).length;
    const duplicated = apps.reduce((sum, a) => sum + (a.n - 1) + Math.max(0, a.notices - a.n), 0);
    totals.lost += lost;
    totals.duplicated += duplicated;
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(report).toMatchObject({ totalRows: ROWS, processedRows: ROWS, importedRows: ROWS, errorRows: 0 });
  }, 240_000);
  it('stops the import worker npm start supervises when npm start itself is killed (it lived on as an orphan)', async () => {
    // a process standing in for npm start: it supervises the worker as start.ts does
    const supervisor = spawn(
      process.execPath,
      ['-e', `require(${JSON.stringify(SUPERVISOR)}).superviseImportWorker(() => undefined); setInterval(() => undefined, 1000);`],
      { env: { ...process.env, ...workerEnv() }, stdio: 'ignore' },
    );
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // ps exits 1 while the process has no child yet
    const childOf = (pid: number) => {
      try {
        return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
          .toString()
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      } catch {
        return [];
      }
    };
    let worker: number | undefined;
    for (let i = 0; i < 100 && worker === undefined; i++) {
      await sleep(100);
      worker = childOf(supervisor.pid!)[0];
    }
    expect(worker).toBeDefined();
    await sleep(3000); // the worker has started (or is starting: it goes either way)
    totals.faults++;
    supervisor.kill('SIGKILL');
    for (let i = 0; i < 100 && alive(worker!); i++) await sleep(100);
    expect(alive(worker!)).toBe(false);
  }, 30_000);
});
