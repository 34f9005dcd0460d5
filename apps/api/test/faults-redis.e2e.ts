import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { corporateNumber, openRound } from './application-fixtures';
import { DEMO_EMAIL, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { FaultTotals, freePort, inPool, sleep, startRedis, stopProcess } from './faults-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';
import { waitFor } from './smtp-sink';

/**
 * Redis stopped while applications arrive and staff sign in (a private redis-server the test kills):
 * intake and login keep answering (rate limits count in-process), health says degraded, nothing is
 * lost or stored twice; once Redis is back, health is ok again.
 */
describe('faults: Redis stopped during intake and login', () => {
  const totals = new FaultTotals('redis');
  let t: TestApp;
  let db: DataSource;
  let redis: ChildProcess | null = null;
  let port: number;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  /** Idempotency-Key → 受付番号 of every submission the API acknowledged (2xx) */
  const acknowledged = new Map<string, string>();
  const storageDir = tempStorageDir();
  const storedFiles = () => readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

  const send = async (method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) => {
    let status = 0;
    let body: any = null;
    try {
      const res = await fetch(`${t.baseUrl}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      const text = await res.text();
      body = text ? JSON.parse(text) : null;
      if (status === 503) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    } catch {
      status = 0; // no answer: the client retries
    }
    totals.answer(status, `${method} ${path}`, body);
    return { status, body };
  };

  /** The portal's client: resends the same key and body on 503 or no answer, until it gets an answer. */
  const submit = async (key: string, payload: object) => {
    for (let attempt = 0; attempt < 30; attempt++) {
      const res = await send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': key }, body: payload });
      if (res.status === 201) {
        acknowledged.set(key, res.body.receiptNumber);
        return res;
      }
      if (res.status !== 503 && res.status !== 0) return res;
      await sleep(200);
    }
    throw new Error(`no answer for ${key}`);
  };

  const login = async (email: string) => {
    const res = await send('POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    // the fresh session works on a staff route
    const list = await send('GET', '/api/applications?range=[0,4]', { headers: { Authorization: `Bearer ${res.body.accessToken}` } });
    expect(list.status).toBe(200);
  };

  const health = () => send('GET', '/api/health');

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ label: 'faults_redis', listen: true, overrides: { redisUrl: `redis://127.0.0.1:${port}`, storageDir } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });

  afterAll(async () => {
    if (!redis) redis = await startRedis(port).catch(() => null); // lets the app close cleanly
    await t?.close();
    await stopProcess(redis);
    totals.print();
  });

  it('keeps intake and login answering while Redis is down, says degraded, and is ok again once it is back', async () => {
    const N = 24;
    const payloads = await Promise.all(
      Array.from({ length: N }, async () =>
        validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: corporateNumber() } }),
      ),
    );
    expect((await health()).body.status).toBe('ok');

    // a third of the submissions before the outage, the rest while Redis dies and stays down
    await inPool(payloads.slice(0, 8), 4, (p, i) => submit(`redis-fault-${i}`, p).then(() => undefined));
    const load = inPool(payloads.slice(8), 4, (p, i) => submit(`redis-fault-${i + 8}`, p).then(() => undefined));
    await stopProcess(redis);
    redis = null;
    totals.faults++;
    await load;
    for (const email of [DEMO_EMAIL.manager, DEMO_EMAIL.reviewer, DEMO_EMAIL.auditor]) await login(email);

    const degraded = await health();
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', down: ['redis'], details: { database: { status: 'up' }, redis: { status: 'down' } } });
    // a route that needs Redis refuses with a 503, never a 5xx of another kind
    const worker = await send('GET', '/api/health/worker');
    expect(worker.status).toBe(503);
    // queueing an import needs Redis: 503 with Retry-After, and neither the import nor its file is kept
    const filesBefore = storedFiles();
    const importing = await t
      .http()
      .post('/api/imports')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .field('roundId', round.id)
      .field('mode', 'validRows')
      .attach('file', Buffer.from('事業者名\n'), { filename: 'outage.csv' });
    totals.answer(importing.status, 'POST /api/imports', importing.body);
    expect({ status: importing.status, code: importing.body.code, retryAfter: importing.headers['retry-after'] }).toEqual({
      status: 503,
      code: 'QUEUE_UNAVAILABLE',
      retryAfter: '10',
    });
    expect(await db.query(`SELECT id FROM application_import`)).toEqual([]);
    expect(storedFiles()).toBe(filesBefore);

    // all acknowledged, each exactly once
    expect(acknowledged.size).toBe(N);
    const rows: { receipt_number: string; n: number }[] = await db.query(
      `SELECT receipt_number, count(*)::int AS n FROM application WHERE receipt_number = ANY($1) GROUP BY receipt_number`,
      [[...acknowledged.values()]],
    );
    totals.lost = N - rows.length;
    totals.duplicated = rows.filter((r) => r.n > 1).length + (new Set(acknowledged.values()).size === N ? 0 : 1);

    // Redis back: health ok again, without a restart; rate limits count in Redis again
    redis = await startRedis(port);
    await waitFor(async () => (await health()).body?.status === 'ok', 20_000);
    await login(DEMO_EMAIL.manager);
    expect(await t.redis.keys(`${t.config.redisPrefix}:throttle:*`)).not.toHaveLength(0);

    expect(totals.samples).toEqual([]);
    expect(totals.serverErrors).toBe(0);
    expect(totals.lost).toBe(0);
    expect(totals.duplicated).toBe(0);
  });
});
