import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { asRole, corporateNumber, openRound } from './application-fixtures';
import { DEMO_EMAIL, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { FaultTotals, inPool, sleep, startTcpProxy } from './faults-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, uploadRequired, validPayload } from './intake-fixtures';
import { baseDatabaseUrl, databaseUrlFor } from './test-run';
import { waitFor } from './smtp-sink';

/**
 * PostgreSQL backends terminated under load: while portal clients submit applications (each with its
 * Idempotency-Key, resent on 503 or no answer) and staff read lists, a superuser connection keeps
 * terminating the app's backends (pg_terminate_backend). The process must stay up, answer 503 with
 * Retry-After (never another 5xx, never a 401 that would log staff out), lose and double nothing, and
 * serve normally afterwards without a restart. Also: intake flooded while its transactions wait on a lock
 * (503 BUSY at once, staff still served), and PostgreSQL cut off behind a proxy (503 everywhere, then
 * back without a restart).
 */
const totals = new FaultTotals('pg');
afterAll(() => totals.print());

type Staff = Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;

/** A test app with staff signed in, an open round and an intake channel. */
async function boot(label: string, databaseUrlVia?: (url: string) => string, overrides: Partial<AppConfig> = {}) {
  const t = await startTestApp({ label, listen: true, overrides: { databasePoolSize: 6, ...overrides }, databaseUrlVia });
  const db = t.app.get(DataSource);
  await seedStaff(t);
  await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
  const s: Staff = await loginEveryRole(t);
  const round = await openRound(t);
  const apiKey = (await createChannel(t, s.admin.token)).apiKey;
  return { t, db, s, round, apiKey, databaseName: new URL(t.config.databaseUrl).pathname.slice(1) };
}

/** A test app that reaches PostgreSQL through a proxy the test cuts or freezes (a partition, a stopped or hung server). */
async function bootBehindProxy(label: string, overrides: Partial<AppConfig> = {}) {
  const server = new URL(baseDatabaseUrl());
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const via = (url: string) => Object.assign(new URL(url), { hostname: '127.0.0.1', port: String(proxy.port) }).toString();
  return { proxy, ...(await boot(label, via, overrides)) };
}

async function closeBehindProxy(t: TestApp | undefined, proxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined) {
  await proxy?.restore();
  await t?.close();
  await proxy?.close();
}

/** HTTP as the portal and staff clients do it, counted in the totals; 401s are collected (a fault must never be one). */
function clientOf(base: () => string, unauthorised: string[]) {
  const send = async (method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) => {
    let status = 0;
    let body: any = null;
    let retryAfter: string | null = null;
    try {
      const res = await fetch(`${base()}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      const text = await res.text();
      body = text ? JSON.parse(text) : null;
    } catch {
      status = 0;
    }
    totals.answer(status, `${method} ${path}`, body);
    if (status === 503 && !(retryAfter && /^\d+$/.test(retryAfter) && typeof body?.retryAfterSeconds === 'number' && typeof body?.code === 'string')) {
      totals.serverErrors++; // a 503 without its Retry-After or documented body does not count as the allowed answer
      totals.samples.push(`${method} ${path} → 503 without Retry-After/body: ${retryAfter} ${JSON.stringify(body)}`);
    }
    if (status === 401) unauthorised.push(`${method} ${path}: ${JSON.stringify(body)}`);
    return { status, body };
  };
  /** a client that resends on 503 or no answer (after a short pause), for up to a minute */
  const retrying = async (what: () => ReturnType<typeof send>) => {
    for (const giveUp = Date.now() + 60_000; Date.now() < giveUp;) {
      const res = await what();
      if (res.status !== 503 && res.status !== 0) return res;
      await sleep(50 + Math.random() * 150);
    }
    throw new Error('no answer for a minute');
  };
  return { send, retrying };
}

describe('faults: PostgreSQL backends terminated under load, and intake overload', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Staff;
  let round: Round;
  let apiKey: string;
  let databaseName: string;
  const acknowledged = new Map<string, string>();
  const unauthorised: string[] = [];
  const { send, retrying } = clientOf(() => t.baseUrl, unauthorised);

  const submit = async (key: string, payload: object) => {
    const res = await retrying(() => send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': key }, body: payload }));
    if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
    acknowledged.set(key, res.body.receiptNumber);
  };

  const readList = () =>
    retrying(() => send('GET', '/api/applications?range=[0,9]&sort=["createdAt","DESC"]', { headers: { Authorization: `Bearer ${s.manager.token}` } }));

  beforeAll(async () => {
    // connected straight to PostgreSQL: the terminations reach the app's sockets as they would in production
    ({ t, db, s, round, apiKey, databaseName } = await boot('faults_pg'));
  });
  afterAll(() => t?.close());

  it('stays up, answers 503 Retry-After to lost connections, loses and doubles nothing, and recovers without a restart', async () => {
    const N = 32;
    const payloads: object[] = [];
    await inPool(Array.from({ length: N }), 4, async () => {
      payloads.push(
        validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: corporateNumber() } }),
      );
    });

    // the fault injector: a superuser connection terminating the app's backends, again and again
    const admin = new Client({ connectionString: databaseUrlFor('postgres') });
    await admin.connect();
    let stop = false;
    /** faults for at most 20 s; then the clients finish their retries on a healthy database */
    const faultsUntil = Date.now() + 20_000;
    const injector = (async () => {
      for (let wave = 1; !stop && Date.now() < faultsUntil; wave++) {
        // every third wave is a storm: for 0.4 s the backends are terminated as fast as the pool opens them,
        // so some die just as they become ready (the moment a pg client had no 'error' listener)
        const until = Date.now() + (wave % 3 === 0 ? 400 : 0);
        do {
          const { rows } = await admin.query(
            `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
            [databaseName],
          );
          totals.faults += rows.filter((r) => r.done).length;
        } while (Date.now() < until);
        await sleep(250 + Math.random() * 350);
      }
    })();

    const deadline = Date.now() + 90_000;
    let reads = 0;
    const readers = Promise.all(
      [0, 1].map(async () => {
        while (!stop && Date.now() < deadline) {
          expect((await readList()).status).toBe(200);
          reads++;
        }
      }),
    );
    let replayMismatches = 0;
    try {
      const faultsAtLeastUntil = Date.now() + 8_000;
      await inPool(payloads, 8, (p, i) => submit(`pg-fault-${i}`, p));
      // until the fault window has lasted long enough, the portal resends keys already answered: each
      // resend must get the first answer (same 受付番号), never a second application
      await Promise.all(
        [0, 1, 2].map(async () => {
          while (Date.now() < faultsAtLeastUntil) {
            const i = Math.floor(Math.random() * N);
            const res = await retrying(() =>
              send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': `pg-fault-${i}` }, body: payloads[i] }),
            );
            if (res.status !== 201 || res.body.receiptNumber !== acknowledged.get(`pg-fault-${i}`)) replayMismatches++;
          }
        }),
      );
    } finally {
      stop = true;
      await injector;
      await readers;
      await admin.end();
    }

    expect(totals.faults).toBeGreaterThan(10);
    expect(reads).toBeGreaterThan(0);
    expect(unauthorised).toEqual([]);

    // every acknowledged key exists exactly once, under the 受付番号 it was given
    expect(acknowledged.size).toBe(N);
    const rows: { key: string; receipt_number: string | null; n: number }[] = await db.query(
      `SELECT i.key, a.receipt_number, count(a.id)::int AS n
         FROM unnest($1::text[]) AS i(key)
         LEFT JOIN idempotency_record r ON r.key = i.key
         LEFT JOIN application a ON a.id::text = r.response_body->>'id'
        GROUP BY i.key, a.receipt_number`,
      [[...acknowledged.keys()]],
    );
    totals.lost = rows.filter((r) => r.n === 0 || r.receipt_number !== acknowledged.get(r.key)).length;
    const perCorporate: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM application WHERE round_id = $1 GROUP BY corporate_number`, [
      round.id,
    ]);
    totals.duplicated = perCorporate.filter((r) => r.n > 1).length + (new Set(acknowledged.values()).size === N ? 0 : 1) + replayMismatches;
    expect(perCorporate).toHaveLength(N);

    // afterwards: the same process serves normally, without a restart
    const health = await send('GET', '/api/health');
    expect(health.body.status).toBe('ok');
    const after = await send('POST', '/api/intake/applications', {
      headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': 'pg-fault-after' },
      body: validPayload(round, await uploadRequired(t, apiKey)),
    });
    expect(after.status).toBe(201);
    expect((await send('GET', '/api/applications?range=[0,9]', { headers: { Authorization: `Bearer ${s.manager.token}` } })).status).toBe(200);

    expect(totals.samples).toEqual([]);
    expect(totals.serverErrors).toBe(0);
    expect(totals.lost).toBe(0);
    expect(totals.duplicated).toBe(0);
  });
  it('answers intake overload with 503 BUSY and Retry-After within about a second, and keeps connections for staff', async () => {
    const payloads = await Promise.all(
      Array.from({ length: 12 }, async () =>
        validPayload(round, await uploadRequired(t, apiKey), { applicant: { ...validPayload(round, []).applicant, corporateNumber: corporateNumber() } }),
      ),
    );
    // every submission that gets in waits on this lock, holding its pooled connection
    const blocker = new Client({ connectionString: databaseUrlFor(databaseName) });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE idempotency_record IN EXCLUSIVE MODE');
    const started = Date.now();
    const answers = payloads.map((p, i) =>
      send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': `overload-${i}` }, body: p }).then((r) => ({
        ...r,
        ms: Date.now() - started,
      })),
    );
    let busy: Awaited<(typeof answers)[number]>[] = [];
    try {
      await sleep(300);
      const read0 = Date.now();
      const read = await send('GET', '/api/applications?range=[0,9]', { headers: { Authorization: `Bearer ${s.manager.token}` } });
      expect(read.status).toBe(200);
      expect(Date.now() - read0).toBeLessThan(2_000);
      busy = (await Promise.all(answers.map((a) => Promise.race([a, sleep(3_000).then(() => null)])))).filter((a): a is NonNullable<typeof a> => a !== null);
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    // the pool holds 6: intake may use 5 of them; the other 7 were turned away promptly, not after the pool's 5 s
    expect(busy.length).toBeGreaterThanOrEqual(7);
    for (const b of busy) {
      expect({ status: b.status, code: b.body?.code }).toEqual({ status: 503, code: 'BUSY' });
      expect(b.ms).toBeLessThan(3_000);
    }
    const all = await Promise.all(answers);
    expect(all.filter((a) => a.status === 201)).toHaveLength(12 - busy.length);
    // the portal resends the turned-away ones with the same key
    for (const [i, p] of payloads.entries()) {
      if (all[i].status === 201) continue;
      expect(
        (await retrying(() => send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': `overload-${i}` }, body: p })))
          .status,
      ).toBe(201);
    }
  });
});

describe('faults: PostgreSQL hung (connections open, nothing answers)', () => {
  let t: TestApp;
  let s: Staff;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  const { send } = clientOf(() => t.baseUrl, []);

  beforeAll(async () => {
    ({ proxy, t, s } = await bootBehindProxy('faults_pg_hung', { databaseQueryTimeoutMs: 1_500 }));
  });
  afterAll(() => closeBehindProxy(t, proxy));

  it('answers 503 within the statement timeout instead of hanging on a pooled connection, and serves again without a restart', async () => {
    const staff = { Authorization: `Bearer ${s.manager.token}` };
    // every pooled connection has served (so the requests below meet open ones, which is where they hung)
    await Promise.all(Array.from({ length: 6 }, () => send('GET', '/api/applications?range=[0,9]', { headers: staff })));
    proxy.freeze();
    totals.faults++;
    try {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 3 }, () => send('GET', '/api/applications?range=[0,9]', { headers: staff })));
      // before: no answer at all (the client gave up after 15 s; the API held the connection for minutes)
      for (const res of answers) expect({ status: res.status, code: res.body?.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(8_000);
      // the timed-out connections are closed by the API (handed back to the pool, the next request would have
      // waited behind their statements): before, none of the connections open at the freeze was ever closed
      await waitFor(async () => proxy.closedWhileFrozen() >= 3, 5_000);
    } finally {
      await proxy.restore();
    }
    // the timed-out connections were dropped, not handed to the next request
    await waitFor(async () => (await send('GET', '/api/health')).body?.status === 'ok', 20_000);
    const after = await Promise.all(Array.from({ length: 8 }, () => send('GET', '/api/applications?range=[0,9]', { headers: staff })));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(200));
  });
});

describe('faults: PostgreSQL unreachable', () => {
  let t: TestApp;
  let s: Staff;
  let round: Round;
  let apiKey: string;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  const { send } = clientOf(() => t.baseUrl, []);

  beforeAll(async () => {
    ({ proxy, t, s, round, apiKey } = await bootBehindProxy('faults_pg_cut'));
  });
  afterAll(() => closeBehindProxy(t, proxy));

  it('answers 503 Retry-After (not 401, not 500) while PostgreSQL is unreachable, and serves again once it is back, without a restart', async () => {
    const staff = { Authorization: `Bearer ${s.manager.token}` };
    const payload = validPayload(round, await uploadRequired(t, apiKey));
    await proxy.cut();
    totals.faults++;
    try {
      for (const [method, path, init] of [
        ['GET', '/api/applications?range=[0,9]', { headers: staff }],
        ['GET', '/api/auth/me', { headers: staff }],
        ['POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': 'pg-outage' }, body: payload }],
        ['POST', '/api/auth/login', { body: { email: DEMO_EMAIL.reviewer, password: DEMO_PASSWORD } }],
      ] as const) {
        const res = await send(method, path, init);
        expect({ path, status: res.status, code: res.body?.code }).toEqual({ path, status: 503, code: 'DATABASE_UNAVAILABLE' });
        expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
      }
      // refreshing the session: 503, and the refresh cookie is kept (clearing it would sign the user out)
      const refresh = await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { Cookie: s.auditor.cookie } });
      totals.answer(refresh.status, 'POST /api/auth/refresh', null);
      expect({ status: refresh.status, clears: refresh.headers.getSetCookie().length }).toEqual({ status: 503, clears: 0 });
      const health = await send('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'error', down: ['database'] });
    } finally {
      await proxy.restore();
    }
    await waitFor(async () => (await send('GET', '/api/health')).body?.status === 'ok', 20_000);
    expect((await send('GET', '/api/applications?range=[0,9]', { headers: staff })).status).toBe(200);
    const refreshed = await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { Cookie: s.auditor.cookie } });
    totals.answer(refreshed.status, 'POST /api/auth/refresh', null);
    expect(refreshed.status).toBe(200);
    const accepted = await send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': 'pg-outage' }, body: payload });
    expect(accepted.status).toBe(201);
  });
});

describe('faults: an application held by another transaction', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Staff;
  let round: Round;
  let apiKey: string;
  let databaseName: string;
  const { send } = clientOf(() => t.baseUrl, []);

  beforeAll(async () => {
    ({ t, db, s, round, apiKey, databaseName } = await boot('faults_pg_locked', undefined, { databaseLockTimeoutMs: 4_000 }));
  });
  afterAll(() => t?.close());

  it('answers 503 LOCKED after DATABASE_LOCK_TIMEOUT_MS (not after the query timeout, not as a database gone), changes nothing, and a bulk step waits a second per held one and goes on with the others', async () => {
    const manager = { Authorization: `Bearer ${s.manager.token}` };
    const reason = { reason: '補助対象外の事業のため' };
    const ids: string[] = [];
    for (const key of ['locked-held', 'locked-held-2', 'locked-held-3', 'locked-free']) {
      const payload = validPayload(round, await uploadRequired(t, apiKey), {
        applicant: { ...validPayload(round, []).applicant, corporateNumber: corporateNumber() },
      });
      const res = await send('POST', '/api/intake/applications', { headers: { 'X-Api-Key': apiKey, 'Idempotency-Key': key }, body: payload });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
      await asRole(t, res.body.id, 'startFormalCheck', 'system');
    }
    const [held, held2, held3, free] = ids;
    const audits = async (id: string) =>
      (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'application.markIneligible'`, [id]))[0].n;
    const rowOf = async (id: string) => (await db.query(`SELECT status, version FROM application WHERE id = $1`, [id]))[0];
    const before = await rowOf(held);
    expect(before.status).toBe('formalCheck');
    // a maintenance session (or a long transaction of the app) holds the application's row
    const blocker = new Client({ connectionString: databaseUrlFor(databaseName) });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM application WHERE id = ANY($1) FOR UPDATE', [[held, held2, held3]]);
    try {
      totals.faults++;
      const started = Date.now();
      const single = await send('POST', `/api/applications/${held}/transitions/markIneligible`, { headers: manager, body: reason });
      // before: the request waited the whole DATABASE_QUERY_TIMEOUT_MS (60 s), then 503 DATABASE_UNAVAILABLE
      expect({ status: single.status, code: single.body?.code }).toEqual({ status: 503, code: 'LOCKED' });
      expect(single.body.message).toContain('別の処理が更新中');
      expect(single.body.retryAfterSeconds).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
      expect(Date.now() - started).toBeLessThan(10_000);

      // each held one waits BULK_ITEM_LOCK_WAIT_MS (1 s), not DATABASE_LOCK_TIMEOUT_MS: 3 s here, 12 s before
      const bulkStarted = Date.now();
      const bulk = await send('POST', '/api/applications/bulk-transitions', {
        headers: manager,
        body: { transition: 'markIneligible', ids: [held, held2, held3, free], ...reason },
      });
      expect(bulk.status).toBe(200);
      expect(Date.now() - bulkStarted).toBeLessThan(9_000);
      const byId = new Map(bulk.body.results.map((r: { id: string }) => [r.id, r]));
      for (const id of [held, held2, held3]) expect(byId.get(id)).toMatchObject({ ok: false, code: 'LOCKED' });
      expect(byId.get(free)).toMatchObject({ ok: true, status: 'ineligible' });
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    // nothing of the refused step was stored
    expect(await rowOf(held)).toEqual(before);
    expect(await audits(held)).toBe(0);
    // the lock released, the same request goes through
    const again = await send('POST', `/api/applications/${held}/transitions/markIneligible`, { headers: manager, body: reason });
    expect(again.status).toBeLessThan(300);
    expect(await audits(held)).toBe(1);
  });
});
