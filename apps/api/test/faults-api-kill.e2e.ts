import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { loginAdmin, seedStaff } from './auth-helpers';
import { FaultTotals, freePort, inPool, sleep } from './faults-helpers';
import { dropTestDatabase, startTestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';
import { waitFor } from './smtp-sink';

// The API runs as users run it: the built entry point in its own process (`npm test` builds first).
const API = join(__dirname, '..', 'dist', 'main.js');
const N = 48;
/** the API is killed once this many submissions were acknowledged, with more in flight */
const KILL_AFTER = 16;

interface ApiProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<unknown>;
}

/**
 * The API killed (SIGKILL) in the middle of an intake burst and started again: portal clients resend
 * every key they got no answer for, and each key ends as exactly one application with a unique 受付番号
 * and one 受付 notification; every key acknowledged before the kill is still there. Killed and started
 * once more while Redis is unreachable, it starts degraded and accepts applications.
 */
describe('faults: the API killed during an intake burst', () => {
  const totals = new FaultTotals('api-kill');
  const storageDir = tempStorageDir();
  const processes: ApiProcess[] = [];
  let databaseUrl = '';
  let redisUrl = '';
  let redisPrefix = '';
  let port = 0;

  const startApi = async (overrides: Record<string, string> = {}): Promise<ApiProcess> => {
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: overrides.REDIS_URL ?? redisUrl,
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
      WORKER_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      STORAGE_DIR: storageDir,
    };
    const child = spawn(process.execPath, [API], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    const api = { child, output, exited: new Promise((r) => child.once('exit', r)) };
    processes.push(api);
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`the API exited at start:\n${output.join('')}`);
      return (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status === 200;
    }, 60_000);
    return api;
  };

  beforeAll(async () => {
    if (!existsSync(API)) throw new Error('apps/api/dist/main.js is missing: run `npm run build` first (npm test does)');
  });

  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    totals.print();
  });

  it('keeps every acknowledged key and makes each key one application, one 受付番号 and one 受付 mail after a SIGKILL and a restart; restarted without Redis it still accepts', async () => {
    // the data (staff, catalogue, round, channel, uploaded attachments) prepared by the app in-process;
    // its database is then handed to the built API
    const setup = await startTestApp({ label: 'faults_kill', overrides: { storageDir } });
    ({ databaseUrl, redisUrl, redisPrefix } = setup.config);
    await seedStaff(setup);
    await runSeed(setup.app.get(DataSource), { demo: false, steps: [referenceCatalogueSeed] });
    const admin = await loginAdmin(setup);
    const round = await openRound(setup);
    const { apiKey } = await createChannel(setup, admin.token);
    const payloads = [];
    for (let i = 0; i < N; i++)
      payloads.push(
        validPayload(round, await uploadRequired(setup, apiKey), {
          applicant: { ...validPayload(round, []).applicant, corporateNumber: corporateNumber(), email: `killed${i}@example.jp` },
        }),
      );
    const lateAttachments = await uploadRequired(setup, apiKey);
    setup.redis.disconnect();
    await setup.app.close();

    port = await freePort();
    const first = await startApi();
    const acknowledged = new Map<string, string>();
    let killed = false;

    /** the portal's client: resends the same key and body on 503 or no answer until it has an answer */
    const submit = async (key: string, payload: object) => {
      for (const giveUp = Date.now() + 90_000; Date.now() < giveUp;) {
        let status = 0;
        let body: any = null;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/intake/applications`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey, 'Idempotency-Key': key },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(10_000),
          });
          status = res.status;
          body = await res.json().catch(() => null);
        } catch {
          status = 0;
        }
        totals.answer(status, `POST /api/intake/applications ${key}`, body);
        if (status === 201) {
          acknowledged.set(key, body.receiptNumber);
          if (acknowledged.size === KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
            totals.faults++;
          }
          return;
        }
        if (status !== 503 && status !== 0) throw new Error(`${key}: ${status} ${JSON.stringify(body)}`);
        await sleep(100 + Math.random() * 200);
      }
      throw new Error(`${key}: no answer for 90 s`);
    };

    const burst = inPool(payloads, 8, (p, i) => submit(`kill-${i}`, p));
    await first.exited;
    expect(killed).toBe(true);
    await sleep(300);
    await startApi();
    await burst;
    const second = processes[processes.length - 1];

    // every key: one application, under the 受付番号 the client was given; 受付番号 unique; one 受付 mail each
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    try {
      const perKey: { key: string; receipt_number: string | null }[] = (
        await pg.query(
          `SELECT i.key, a.receipt_number FROM unnest($1::text[]) AS i(key)
             LEFT JOIN idempotency_record r ON r.key = i.key
             LEFT JOIN application a ON a.id::text = r.response_body->>'id'`,
          [payloads.map((_, i) => `kill-${i}`)],
        )
      ).rows;
      totals.lost = perKey.filter((r) => !r.receipt_number || (acknowledged.has(r.key) && acknowledged.get(r.key) !== r.receipt_number)).length;
      const apps: { id: string; receipt_number: string; corporate_number: string; received: number }[] = (
        await pg.query(
          `SELECT a.id, a.receipt_number, a.corporate_number, (SELECT count(*)::int FROM notification n WHERE n.application_id = a.id AND n.template = 'received') AS received FROM application a WHERE a.round_id = $1`,
          [round.id],
        )
      ).rows;
      totals.duplicated =
        apps.length -
        new Set(apps.map((a) => a.corporate_number)).size +
        (apps.length - new Set(apps.map((a) => a.receipt_number)).size) +
        apps.filter((a) => a.received !== 1).length;
      expect(acknowledged.size).toBe(N);
      expect(apps).toHaveLength(N);
    } finally {
      await pg.end();
    }

    // restarted again while Redis is away (deadline day must not depend on it): it starts degraded and accepts
    second.child.kill('SIGKILL');
    await second.exited;
    totals.faults++;
    await startApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect({ status: health.status, body: await health.json() }).toMatchObject({ status: 200, body: { status: 'degraded', down: ['redis'] } });
    const late = validPayload(round, lateAttachments, {
      applicant: { ...validPayload(round, []).applicant, corporateNumber: corporateNumber(), email: 'late@example.jp' },
    });
    await submit('kill-late', late);
    expect(acknowledged.get('kill-late')).toMatch(/^RES\d{2,}-\d{8}$/);

    expect(totals.samples).toEqual([]);
    expect(totals.serverErrors).toBe(0);
    expect(totals.lost).toBe(0);
    expect(totals.duplicated).toBe(0);
  }, 180_000); // three API processes booted one after another: a busy two-core machine took over a minute
});
