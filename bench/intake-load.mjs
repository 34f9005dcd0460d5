#!/usr/bin/env node
/**
 * Intake load test: deadline-day traffic against the real, built API.
 *
 * Starts the API (apps/api/dist/cli/start.js, production mode, worker off) on a free port against a
 * fresh database `jimukyoku_bench_<timestamp>` and its own Redis prefix, sets up an intake channel and
 * an open round through the HTTP API as the initial administrator, uploads the attachments every
 * submission needs, then fires the submissions concurrently:
 *
 *   single            one submission                                    → 201
 *   retry-after       the portal resends the same key and body at once → 201, same 受付番号, replayed
 *   retry-concurrent  the resend races the original                    → both 201, one row
 *   duplicate         a new key for a 法人番号 already accepted         → 409 naming the first 受付番号
 *   race              two keys, one 法人番号, at the same moment         → one 201, one 409
 *   key-reuse         the same key with another body                    → 422 IDEMPOTENCY_KEY_REUSED
 *   invalid           a payload that must be refused                     → 422
 *
 * Afterwards it checks the database against every answer (one row per accepted key, unique 受付番号,
 * nothing lost, nothing doubled), prints throughput and latency, stops the API and drops the database.
 * Exit code: 0 all checks passed, 1 a check failed, 2 the run itself failed (setup, timeout).
 *
 *   npm run build && node bench/intake-load.mjs --n 2000 --concurrency 50
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { appRoleUrl } from './lib/app-role.mjs';
import { startStatementCounter } from './lib/pg-statement-counter.mjs';
import { productionEnv } from './lib/production-env.mjs';
import { eventLoopBusy, eventLoopTotals, peakRssMiB, postgresCpuSeconds, postgresCpuSince, processCpuSeconds, table } from './lib/measure.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { REDIS_URL, cleanUpOnExit, createDatabase, dropDatabase, removeRedisKeys } from './lib/run-resources.mjs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

// ---------------------------------------------------------------------------------------------------
// Options

const OPTIONS = {
  n: { type: 'string', default: '2000', help: 'applications to submit (each a distinct 法人番号; every one must be accepted exactly once)' },
  concurrency: { type: 'string', default: '50', help: 'concurrent clients in the timed phase' },
  'retry-share': {
    type: 'string',
    default: '0.2',
    help: 'share of applications resent with the same Idempotency-Key and body (half right after the answer, half at the same moment)',
  },
  'dup-share': { type: 'string', default: '0.02', help: 'share followed by a second application of the same 法人番号 under a new key (must be 409)' },
  'race-share': { type: 'string', default: '0.01', help: 'share sent twice at once under two keys, same 法人番号 (one 201, one 409)' },
  'reuse-share': { type: 'string', default: '0.005', help: 'share followed by the same key with another body (must be 422)' },
  'invalid-share': { type: 'string', default: '0.01', help: 'invalid payloads, as a share of n, added to the mix (must be 422)' },
  'upload-concurrency': { type: 'string', default: '16', help: 'concurrent uploads while preparing attachments (untimed)' },
  timeout: { type: 'string', default: '300', help: 'hard limit for the whole run, in seconds' },
  seed: { type: 'string', default: '20220324', help: 'seed of the mix and its order (same seed, same plan)' },
  statements: {
    type: 'string',
    default: '5',
    help: 'after the checks, submissions sent one at a time whose SQL statements are counted (by a second API started for it, connected through a counting pass-through proxy, lib/pg-statement-counter.mjs; the timed API connects directly); 0: nothing counted',
  },
  'baseline-n': {
    type: 'string',
    default: '',
    help: 'submissions to the raw baseline (lib/raw-intake-server.mjs: node:http + pg, the same three inserts in one transaction), after the checks, at the same concurrency; empty: as many as the timed phase sent; 0: no baseline',
  },
  'warm-up': {
    type: 'string',
    default: '1',
    help: "seconds at the start of each timed phase (intake and raw baseline) whose requests are left out of the steady-state latency rows: the first clients' requests meet code that runs for the first time",
  },
  'cpu-prof': {
    type: 'string',
    default: '',
    help: "a folder: write a V8 CPU profile of the API's timed phase there (lib/cpu-profile.cjs) and print where its time went",
  },
  keep: { type: 'boolean', default: false, help: 'keep the database, storage and API log for inspection (the API is still stopped)' },
  help: { type: 'boolean', default: false, help: 'this text' },
};

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([k, v]) => [k, { type: v.type, default: v.default }])),
    strict: true,
  });
  if (values.help) {
    console.log('Usage: node bench/intake-load.mjs [options]\n');
    for (const [k, v] of Object.entries(OPTIONS)) console.log(`  --${k.padEnd(20)} ${v.help}${v.type === 'string' ? ` (default ${v.default})` : ''}`);
    process.exit(0);
  }
  const num = (name, min, max, int = false) => {
    const x = Number(values[name]);
    if (!Number.isFinite(x) || x < min || x > max || (int && !Number.isInteger(x)))
      throw new UsageError(`--${name} must be ${int ? 'an integer' : 'a number'} between ${min} and ${max}, got "${values[name]}"`);
    return x;
  };
  const o = {
    n: num('n', 1, 1_000_000, true),
    concurrency: num('concurrency', 1, 1000, true),
    retryShare: num('retry-share', 0, 1),
    dupShare: num('dup-share', 0, 1),
    raceShare: num('race-share', 0, 1),
    reuseShare: num('reuse-share', 0, 1),
    invalidShare: num('invalid-share', 0, 1),
    uploadConcurrency: num('upload-concurrency', 1, 200, true),
    timeoutSeconds: num('timeout', 10, 3600),
    seed: num('seed', 0, 2 ** 32 - 1, true),
    statements: num('statements', 0, 100, true),
    baselineN: values['baseline-n'] === '' ? null : num('baseline-n', 0, 1_000_000, true),
    warmUpS: num('warm-up', 0, 3600),
    cpuProf: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
    keep: values.keep,
  };
  if (o.retryShare + o.dupShare + o.raceShare + o.reuseShare > 1)
    throw new UsageError('--retry-share + --dup-share + --race-share + --reuse-share must not exceed 1');
  return o;
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const elapsedMs = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const log = (line) => console.log(`[bench] ${line}`);

/** mulberry32: a small seeded PRNG, so the mix and its order are reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, rnd) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Nearest-rank percentile of an ascending array. */
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] : NaN);

function latencyStats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { count: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.length ? s[s.length - 1] : NaN };
}

/**
 * Latency of the requests sent once the phase has warmed up (`startedMs`, since the phase began, at least
 * `warmUpS` seconds): the steady state. At the start every client sends at once to a process whose code runs
 * for the first time; those first requests make most of a short run's p99 (bench/README.md "intake", 2026-12-04).
 */
function steadyLatencyStats(records, warmUpS) {
  return latencyStats(records.filter((r) => r.startedMs >= warmUpS * 1000).map((r) => r.ms));
}

const fmtMs = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Runs `worker(item)` over `items` with at most `limit` at a time. */
async function pool(items, limit, worker) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await worker(items[i], i);
    }
  });
  await Promise.all(runners);
}

/** A JST wall-clock instant with its offset, as the API wants it (2022-03-24T18:00:00+09:00). */
const jst = (date) => `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;

// ---------------------------------------------------------------------------------------------------
// The run: resources to clean up, whatever happens

const run = {
  dbName: null,
  adminUrl: null,
  dbCreated: false,
  redisUrl: REDIS_URL,
  redisPrefix: null,
  workDir: null,
  child: null,
  childExited: null,
  baseline: null,
  statementCounter: null,
  abort: new AbortController(),
  keep: false,
  cleaning: null,
};

// one listener per request in flight (requestSignal); more than Node's warning threshold at high concurrency
setMaxListeners(10_000, run.abort.signal);

async function stopApi() {
  if (run.child && run.child.exitCode === null && run.child.signalCode === null) {
    run.child.kill('SIGTERM');
    const exited = await Promise.race([run.childExited.then(() => true), sleep(10_000).then(() => false)]);
    if (!exited) {
      run.child.kill('SIGKILL');
      await Promise.race([run.childExited, sleep(2_000)]);
    }
    log('API stopped');
  }
}

function cleanup() {
  run.cleaning ??= (async () => {
    run.abort.abort();
    await stopApi();
    if (run.baseline && run.baseline.exitCode === null && run.baseline.signalCode === null) run.baseline.kill('SIGTERM');
    if (run.statementCounter) await run.statementCounter.close();
    if (run.keep) {
      log(`kept: database ${run.dbName}, Redis prefix ${run.redisPrefix}, files in ${run.workDir}`);
      return;
    }
    if (run.dbCreated) await dropDatabase(run.adminUrl, run.dbName);
    if (run.redisPrefix) await removeRedisKeys(run.redisUrl, [run.redisPrefix]);
    if (run.workDir) rmSync(run.workDir, { recursive: true, force: true });
  })();
  return run.cleaning;
}

cleanUpOnExit(cleanup, () => [run.child, run.baseline].filter(Boolean));

// ---------------------------------------------------------------------------------------------------
// Setup: database, API, administrator, channel, round

async function createRunDatabase() {
  const db = await createDatabase('intake');
  Object.assign(run, { dbName: db.name, adminUrl: db.adminUrl, dbCreated: true });
  return db.url;
}

/**
 * Starts the built API on the bench database; `viaCounter`: connected through the statement-counting proxy
 * (the count phase's API only: the proxy relays every message in this process, so the timed phase's API
 * connects directly, as the raw baseline does). A second start reuses the first's Redis prefix and files.
 */
async function startApi(databaseUrl, o, { viaCounter = false } = {}) {
  const appUrl = await appRoleUrl(ROOT, databaseUrl);
  if (viaCounter) run.statementCounter = await startStatementCounter(appUrl);
  const port = await freePort();
  run.initialAdminPassword ??= `bench-first-${randomBytes(12).toString('base64url')}`;
  run.redisPrefix ??= `jimukyoku_bench_${Date.now()}_${randomBytes(2).toString('hex')}`;
  run.workDir ??= mkdtempSync(join(tmpdir(), 'jimukyoku-bench-'));
  const logPath = join(run.workDir, viaCounter ? 'api-counted.log' : 'api.log');
  const logFile = createWriteStream(logPath);
  const env = {
    ...process.env,
    ...productionEnv(), // reference catalogue + initial administrator, no demo data
    INITIAL_ADMIN_PASSWORD: run.initialAdminPassword, // production has no fixed initial password
    DATABASE_URL: run.statementCounter?.url ?? appUrl,
    DATABASE_MIGRATION_URL: databaseUrl,
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.redisPrefix,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    STORAGE_DIR: join(run.workDir, 'storage'),
    ...(o.cpuProf ? { BENCH_CPU_PROFILE_DIR: o.cpuProf } : {}),
    BENCH_EVENT_LOOP_FILE: join(run.workDir, viaCounter ? 'api-counted-event-loop.json' : 'api-event-loop.json'),
  };
  const t0 = process.hrtime.bigint();
  const preloads = ['-r', join(ROOT, 'bench/lib/event-loop.cjs'), ...(o.cpuProf ? ['-r', join(ROOT, 'bench/lib/cpu-profile.cjs')] : [])];
  if (o.cpuProf) mkdirSync(o.cpuProf, { recursive: true });
  const child = spawn(process.execPath, [...preloads, join(ROOT, 'apps/api/dist/cli/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  run.eventLoopFile = env.BENCH_EVENT_LOOP_FILE;
  run.child = child;
  run.childExited = new Promise((r) => child.once('exit', r));
  let ready = false;
  const seen = new Promise((resolveReady, reject) => {
    child.stdout.on('data', (chunk) => {
      logFile.write(chunk);
      if (chunk.toString().includes('cpu profile written')) run.profileWritten?.();
      if (!ready && chunk.toString().includes('is running')) {
        ready = true;
        resolveReady();
      }
    });
    child.stderr.on('data', (chunk) => logFile.write(chunk));
    child.once('exit', (code, signal) => reject(new Error(`the API exited during startup (code ${code}, signal ${signal}); log:\n${tail(logPath)}`)));
  });
  await Promise.race([seen, sleep(120_000).then(() => Promise.reject(new Error(`the API did not start within 120 s; log:\n${tail(logPath)}`)))]);
  const base = `http://127.0.0.1:${port}`;
  const health = await fetch(`${base}/api/health`);
  if (health.status !== 200) throw new Error(`GET /api/health answered ${health.status}: ${await health.text()}`);
  log(`API up on ${base} (pid ${child.pid}) in ${(elapsedMs(t0) / 1000).toFixed(1)} s; reference catalogue and initial administrator loaded`);
  return { base, logPath, appUrl };
}

/** The API's error-level log lines, grouped by message (the log is pino JSON). */
function summariseServerErrors(path) {
  let lines = [];
  try {
    lines = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => /"level":(50|60)/.test(l));
  } catch {
    return;
  }
  if (!lines.length) return;
  const groups = new Map();
  for (const line of lines) {
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    const what = `${e.req?.method ?? ''} ${e.req?.url ?? ''}: ${e.err?.message ?? e.msg}`;
    const g = groups.get(what) ?? { count: 0, stack: e.err?.stack?.split('\n').slice(0, 3).join(' | ') };
    g.count++;
    groups.set(what, g);
  }
  console.log(`API error log: ${lines.length} error lines`);
  for (const [what, g] of groups) console.log(`  ${g.count} × ${what}\n      ${g.stack ?? ''}`);
}

function tail(path, lines = 30) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function api(base, method, path, { token, body, expect } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: run.abort.signal,
  });
  const text = await res.text();
  if (expect && res.status !== expect) throw new Error(`${method} ${path} answered ${res.status} (expected ${expect}): ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

async function setUp(base) {
  // The initial administrator of the seed (apps/api/src/seed/staff-accounts.seed.ts) must change the password first.
  const initial = { email: 'admin@jimukyoku.example.jp', password: run.initialAdminPassword };
  const session = await api(base, 'POST', '/api/auth/login', { body: initial, expect: 200 });
  const token = session.accessToken;
  if (session.user.mustChangePassword) {
    await api(base, 'POST', '/api/auth/password', {
      token,
      body: { currentPassword: initial.password, newPassword: `bench-${randomBytes(12).toString('hex')}` },
      expect: 204,
    });
  }
  const channel = await api(base, 'POST', '/api/intake-channels', { token, body: { name: '負荷試験 (bench/intake-load.mjs)' }, expect: 201 });
  const ruleSets = await api(base, 'GET', `/api/rule-sets?filter=${encodeURIComponent(JSON.stringify({ q: 'restructuring.r3-sup' }))}`, { token, expect: 200 });
  const ruleSet = ruleSets.filter((r) => r.code === 'restructuring.r3-sup').sort((a, b) => b.version - a.version)[0];
  if (!ruleSet) throw new Error('rule set restructuring.r3-sup not found (was the reference catalogue loaded?)');
  const now = Date.now();
  const open = (number, name) =>
    api(base, 'POST', '/api/rounds', {
      token,
      expect: 201,
      body: {
        programId: ruleSet.programId,
        ruleSetId: ruleSet.id,
        number,
        name,
        opensAt: jst(new Date(now - 86_400_000)),
        closesAt: jst(new Date(now + 86_400_000)),
      },
    });
  const round = await open(99, '第99回公募 (負荷試験)');
  // the raw baseline writes its rows into a round of its own, so the checks of the bench round see none of them
  const baselineRound = await open(98, '第98回公募 (負荷試験の比較用)');
  log(`channel ${channel.keyPrefix}… and round ${round.code} (${round.id}) open until ${jst(new Date(now + 86_400_000))}`);
  return { apiKey: channel.apiKey, channelId: channel.id, roundId: round.id, baselineRoundId: baselineRound.id };
}

// ---------------------------------------------------------------------------------------------------
// The plan: which requests, in which order, expecting what

const REQUIRED_KINDS = ['businessPlan', 'advisorConfirmation', 'salesEvidence'];

/** Sales fell 20% in 2020-04..06 against 2019 (the 10% decline test passes); as in apps/api/test/intake-fixtures.ts. */
const DECLINING_SALES = ['04', '05', '06', '07', '08', '09'].flatMap((m) => [
  { month: `2019-${m}`, amount: 10_000_000 },
  { month: `2020-${m}`, amount: 8_000_000 },
]);

const { corporateNumberCheckDigit } = require('@jimukyoku/domain');
/** A valid 法人番号 from a 12-digit base (leading check digit, per the official formula). */
const corporateNumber = (base12) => `${corporateNumberCheckDigit(base12)}${base12}`;

function payload(roundId, corp, attachmentIds, i) {
  return {
    roundId,
    categoryCode: 'restructuring.standard',
    applicant: {
      kind: 'corporation',
      name: `株式会社負荷試験${i}`,
      corporateNumber: corp,
      sizeClass: 'sme',
      employeeCount: 30,
      capital: 30_000_000,
      prefecture: '北海道',
      industry: 'manufacturing',
      email: `bench${i}@example.jp`,
      contactPerson: '負荷 太郎',
      monthlySales: DECLINING_SALES,
    },
    plan: { title: 'EV向け部品への新分野展開', summary: 'ガソリン車向け部品から電気自動車向け部品へ' },
    certifiedAdvisor: { name: '北海道経営支援センター', id: '106213000000' },
    expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '5軸加工機' }],
    requestedAmount: 20_000_000,
    attachmentIds,
  };
}

/** Payloads that must be refused with 422, one of each kind in turn: a valid payload with one defect. */
const INVALID = [
  ['negative employee count (DTO validation)', (p) => ({ ...p, applicant: { ...p.applicant, employeeCount: -1 } })],
  [
    'wrong 法人番号 check digit',
    (p) => ({
      ...p,
      applicant: { ...p.applicant, corporateNumber: `${(Number(p.applicant.corporateNumber[0]) + 1) % 10}${p.applicant.corporateNumber.slice(1)}` },
    }),
  ],
  ['requested amount above the cap', (p) => ({ ...p, requestedAmount: 90_000_000 })],
  ['no attachments', (p) => ({ ...p, attachmentIds: [] })],
  ['category the round does not offer', (p) => ({ ...p, categoryCode: 'monozukuri.standard' })],
];

/**
 * Jobs, each one application (a distinct 法人番号) or one invalid payload. A job's requests run one
 * after the other or at once, as its kind says; jobs are shuffled and run by `concurrency` clients.
 */
function makePlan(o) {
  const rnd = prng(o.seed);
  const count = (share) => Math.round(o.n * share);
  const retries = count(o.retryShare);
  const kinds = [
    ...Array(Math.ceil(retries / 2)).fill('retry-after'),
    ...Array(Math.floor(retries / 2)).fill('retry-concurrent'),
    ...Array(count(o.dupShare)).fill('duplicate'),
    ...Array(count(o.raceShare)).fill('race'),
    ...Array(count(o.reuseShare)).fill('key-reuse'),
  ];
  kinds.push(...Array(o.n - kinds.length).fill('single'));
  shuffle(kinds, rnd);
  const stamp = Date.now().toString(36); // keys differ between runs, as a portal's would
  const jobs = kinds.map((kind, i) => ({ kind, i, corp: corporateNumber(`5${String(i).padStart(11, '0')}`), key: `bench-${stamp}-${i}` }));
  for (let j = 0; j < count(o.invalidShare); j++) {
    const i = o.n + j;
    jobs.push({
      kind: 'invalid',
      i,
      invalid: INVALID[j % INVALID.length],
      corp: corporateNumber(`6${String(j).padStart(11, '0')}`),
      key: `bench-${stamp}-invalid-${j}`,
    });
  }
  shuffle(jobs, rnd);
  // attachment sets: one per submission that must find unused attachments
  for (const job of jobs) job.sets = { duplicate: 2, race: 2 }[job.kind] ?? 1;
  return jobs;
}

// ---------------------------------------------------------------------------------------------------
// HTTP

function pdf(n) {
  return Buffer.from(`%PDF-1.4\n% jimukyoku bench attachment ${n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}

async function uploadAll(base, apiKey, jobs, o) {
  const tasks = [];
  for (const job of jobs) {
    job.attachmentSets = Array.from({ length: job.sets }, () => []);
    job.attachmentSets.forEach((set, s) => REQUIRED_KINDS.forEach((kind) => tasks.push({ set, kind, n: `${job.i}.${s}.${kind}` })));
  }
  const ms = [];
  const t0 = process.hrtime.bigint();
  await pool(tasks, o.uploadConcurrency, async (task) => {
    const form = new FormData();
    form.set('kind', task.kind);
    form.set('file', new Blob([pdf(task.n)], { type: 'application/pdf' }), `${task.kind}.pdf`);
    const s = process.hrtime.bigint();
    const { signal, done } = requestSignal(30_000);
    let res;
    let body;
    try {
      res = await fetch(`${base}/api/intake/attachments`, { method: 'POST', headers: { 'X-Api-Key': apiKey }, body: form, signal });
      body = await res.json();
    } finally {
      done();
    }
    ms.push(elapsedMs(s));
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    task.set.push(body.id);
  });
  const elapsed = elapsedMs(t0) / 1000;
  return { count: tasks.length, elapsed, ...latencyStats(ms) };
}

/**
 * A signal for one request: aborted after `ms`, or when the run stops. (Not AbortSignal.any: that
 * leaves a listener on the run's signal per request until garbage collection.)
 */
function requestSignal(ms) {
  const c = new AbortController();
  const onStop = () => c.abort(run.abort.signal.reason);
  run.abort.signal.addEventListener('abort', onStop, { once: true });
  const timer = setTimeout(() => c.abort(new Error(`no answer within ${ms} ms`)), ms);
  return { signal: c.signal, done: () => (clearTimeout(timer), run.abort.signal.removeEventListener('abort', onStop)) };
}

/** One intake request; never throws: transport failures are recorded as status 0. */
async function submit(ctx, rec) {
  const s = process.hrtime.bigint();
  rec.startedMs = Number(s - ctx.t0) / 1e6;
  const { signal, done } = requestSignal(30_000);
  try {
    const res = await fetch(`${ctx.base}/api/intake/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': ctx.apiKey, 'Idempotency-Key': rec.key },
      body: JSON.stringify(rec.body),
      signal,
    });
    const text = await res.text();
    rec.ms = elapsedMs(s);
    rec.status = res.status;
    rec.replayed = res.headers.get('idempotent-replayed') === 'true';
    try {
      rec.answer = JSON.parse(text);
    } catch {
      rec.answer = { raw: text.slice(0, 500) };
    }
  } catch (e) {
    rec.ms = elapsedMs(s);
    rec.status = 0;
    rec.answer = { transportError: `${e.name}: ${e.message}${e.cause ? ` (${e.cause.message ?? e.cause})` : ''}` };
  } finally {
    done();
  }
  ctx.records.push(rec);
  return rec;
}

/** The requests of one job, with what each must answer. */
async function runJob(ctx, job) {
  const body = (set) => payload(ctx.roundId, job.corp, job.attachmentSets[set], job.i);
  const req = (role, key, b, expect) => ({ job, role, key, body: b, expect });
  switch (job.kind) {
    case 'single':
      await submit(ctx, req('original', job.key, body(0), [201]));
      return;
    case 'retry-after': {
      const b = body(0);
      await submit(ctx, req('original', job.key, b, [201]));
      await submit(ctx, req('retry', job.key, b, [201]));
      return;
    }
    case 'retry-concurrent': {
      const b = body(0);
      await Promise.all([submit(ctx, req('original', job.key, b, [201])), submit(ctx, req('retry', job.key, b, [201]))]);
      return;
    }
    case 'duplicate': {
      // when the original failed (a 5xx, reported on its own), the "duplicate" is in fact the first
      const first = await submit(ctx, req('original', job.key, body(0), [201]));
      await submit(ctx, req('duplicate', `${job.key}-dup`, body(1), first.status === 201 ? [409] : [201, 409]));
      return;
    }
    case 'race':
      await Promise.all([submit(ctx, req('race', job.key, body(0), [201, 409])), submit(ctx, req('race', `${job.key}-race`, body(1), [201, 409]))]);
      return;
    case 'key-reuse': {
      // a failed original stored no answer under the key, so the other body is then simply processed
      const first = await submit(ctx, req('original', job.key, body(0), [201]));
      await submit(ctx, req('key-reuse', job.key, { ...body(0), requestedAmount: 19_000_000 }, first.status === 201 ? [422] : [201, 422]));
      return;
    }
    case 'invalid':
      await submit(ctx, req('invalid', job.key, job.invalid[1](body(0)), [422])); // one defect each, attachments included
      return;
    default:
      throw new Error(`unknown job kind ${job.kind}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Verification against PostgreSQL

/**
 * The SQL statements of one submission (the issue-13 measure of the intake path): `n` valid
 * submissions with an Idempotency-Key, one at a time once the load is over, each counted at the
 * proxy from the request to its answer (API key, idempotency claim, the round's context, 受付番号,
 * checks, writes, transaction control). Attachments are uploaded before each, outside the count.
 */
async function countStatements(ctx, n) {
  const counts = [];
  for (let i = 0; i < n; i++) {
    const ids = [];
    for (const kind of REQUIRED_KINDS) {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', new Blob([pdf(`statements.${i}.${kind}`)], { type: 'application/pdf' }), `${kind}.pdf`);
      const res = await fetch(`${ctx.base}/api/intake/attachments`, {
        method: 'POST',
        headers: { 'X-Api-Key': ctx.apiKey },
        body: form,
        signal: run.abort.signal,
      });
      const body = await res.json();
      if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      ids.push(body.id);
    }
    const body = payload(ctx.roundId, corporateNumber(`7${String(i).padStart(11, '0')}`), ids, `statements-${i}`);
    const before = run.statementCounter.counter.statements;
    const res = await fetch(`${ctx.base}/api/intake/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': ctx.apiKey, 'Idempotency-Key': `statements-${i}` },
      body: JSON.stringify(body),
      signal: run.abort.signal,
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`counted submission answered ${res.status}: ${text.slice(0, 300)}`);
    counts.push(run.statementCounter.counter.statements - before);
  }
  return counts;
}

/**
 * The raw baseline (lib/raw-intake-server.mjs, its own process, the API's pool size and database role):
 * `n` valid submissions of the same payload at the same concurrency, after the API's timed phase and
 * checks. Returns its figures and the check that it wrote exactly its rows.
 */
async function runBaseline(ctx, n, o, appUrl, databaseUrl) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [{ category_id: categoryId }] = (await db.query(`SELECT category_id FROM application WHERE round_id = $1 LIMIT 1`, [ctx.roundId])).rows;
    const eventLoopFile = join(run.workDir, 'baseline-event-loop.json');
    const child = spawn(process.execPath, ['-r', join(ROOT, 'bench/lib/event-loop.cjs'), join(ROOT, 'bench/lib/raw-intake-server.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_EVENT_LOOP_FILE: eventLoopFile,
        DATABASE_URL: appUrl,
        POOL_SIZE: String(ctx.poolSize),
        ROUND_ID: ctx.baselineRoundId,
        CATEGORY_ID: categoryId,
        CHANNEL_ID: ctx.channelId,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    run.baseline = child;
    const exited = new Promise((r) => child.once('exit', r));
    const port = await Promise.race([
      new Promise((resolvePort) =>
        child.stdout.on('data', (c) => /listening (\d+)/.test(c.toString()) && resolvePort(/listening (\d+)/.exec(c.toString())[1])),
      ),
      exited.then(() => Promise.reject(new Error('the raw baseline server exited at startup'))),
      sleep(10_000).then(() => Promise.reject(new Error('the raw baseline server did not start within 10 s'))),
    ]);
    const url = `http://127.0.0.1:${port}/applications`;
    const bodies = Array.from({ length: n }, (_, i) => payload(ctx.baselineRoundId, corporateNumber(`8${String(i).padStart(11, '0')}`), [], `baseline-${i}`));
    const records = [];
    await sleep(200); // lib/event-loop.cjs has written its first reading (every 100 ms)
    log(`raw baseline up (pid ${child.pid}); firing ${n} submissions with ${o.concurrency} clients`);
    const cpu0 = {
      server: processCpuSeconds(child.pid),
      db: postgresCpuSeconds(run.dbName),
      bench: process.cpuUsage(),
      load: loadavg()[0],
      eventLoop: eventLoopTotals(eventLoopFile),
    };
    const t0 = process.hrtime.bigint();
    await pool(bodies, o.concurrency, async (body, i) => {
      const s = process.hrtime.bigint();
      const { signal, done } = requestSignal(30_000);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Api-Key': ctx.apiKey, 'Idempotency-Key': `baseline-${i}` },
          body: JSON.stringify(body),
          signal,
        });
        const answer = await res.json();
        records.push({ ms: elapsedMs(s), startedMs: Number(s - t0) / 1e6, status: res.status, answer });
      } catch (e) {
        records.push({ ms: elapsedMs(s), startedMs: Number(s - t0) / 1e6, status: 0, answer: { transportError: `${e.name}: ${e.message}` } });
      } finally {
        done();
      }
    });
    const elapsedS = elapsedMs(t0) / 1000;
    const benchCpu = process.cpuUsage(cpu0.bench);
    const serverCpu = processCpuSeconds(child.pid);
    const figures = {
      requests: records.length,
      elapsedS,
      latency: latencyStats(records.map((r) => r.ms)),
      steady: steadyLatencyStats(records, o.warmUpS),
      cpu: {
        process: serverCpu === null || cpu0.server === null ? null : serverCpu - cpu0.server,
        db: postgresCpuSince(cpu0.db, run.dbName),
        bench: (benchCpu.user + benchCpu.system) / 1e6,
      },
      peakRssMiB: peakRssMiB(child.pid),
      loadBefore: cpu0.load,
      eventLoopBusy: eventLoopBusy(cpu0.eventLoop, eventLoopTotals(eventLoopFile)),
    };
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
    const [written] = (
      await db.query(
        `SELECT count(*)::int AS applications,
                (SELECT count(*)::int FROM audit_log l JOIN application a ON l.entity_id = a.id::text WHERE a.round_id = $1) AS audits,
                (SELECT count(*)::int FROM notification x JOIN application a ON x.application_id = a.id WHERE a.round_id = $1) AS notices
           FROM application WHERE round_id = $1`,
        [ctx.baselineRoundId],
      )
    ).rows;
    const failed = records.filter((r) => r.status !== 201);
    const problems = [
      ...failed.slice(0, 5).map((r) => `answered ${r.status}: ${JSON.stringify(r.answer).slice(0, 200)}`),
      ...(failed.length > 5 ? [`… ${failed.length} answers other than 201`] : []),
      ...(written.applications !== n || written.audits !== n || written.notices !== n
        ? [`${written.applications} applications, ${written.audits} audit records, ${written.notices} notifications for ${n} submissions`]
        : []),
    ];
    return {
      ...figures,
      check: { name: `raw baseline: ${n} submissions answered 201, each wrote one application, one audit record and one notification`, problems },
    };
  } finally {
    await db.end();
  }
}

async function verify(databaseUrl, ctx, jobs) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async (sql, params = []) => (await db.query(sql, params)).rows;
    const rows = await q(`SELECT id, receipt_number, corporate_number, channel_id, status, received_at FROM application WHERE round_id = $1`, [ctx.roundId]);
    const allRows = (await q(`SELECT count(*)::int AS n FROM application`))[0].n;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byCorp = new Map();
    for (const r of rows) byCorp.set(r.corporate_number, [...(byCorp.get(r.corporate_number) ?? []), r]);
    const records = ctx.records;
    const ok201 = records.filter((r) => r.status === 201);
    const checks = [];
    const check = (name, problems) => checks.push({ name, problems });
    const show = (r) => `${r.job.kind}/${r.role} key=${r.key} → ${r.status} ${JSON.stringify(r.answer).slice(0, 300)}`;

    check('no transport error, no 5xx', records.filter((r) => r.status === 0 || r.status >= 500).map(show));
    check('every request got the answer its role expects', records.filter((r) => !r.expect.includes(r.status)).map(show));

    check(
      'every 201 answer has exactly one application row (same id, 受付番号, 法人番号, channel)',
      ok201.flatMap((r) => {
        const row = byId.get(r.answer.id);
        if (!row) return [`no row for ${show(r)}`];
        const bad = [];
        if (row.receipt_number !== r.answer.receiptNumber) bad.push(`row ${row.id} has 受付番号 ${row.receipt_number}, answer said ${r.answer.receiptNumber}`);
        if (row.corporate_number !== r.body.applicant.corporateNumber)
          bad.push(`row ${row.id} has 法人番号 ${row.corporate_number}, sent ${r.body.applicant.corporateNumber}`);
        if (row.channel_id !== ctx.channelId) bad.push(`row ${row.id} has channel ${row.channel_id}`);
        if ((byCorp.get(row.corporate_number) ?? []).length !== 1)
          bad.push(`法人番号 ${row.corporate_number} has ${byCorp.get(row.corporate_number).length} rows`);
        return bad;
      }),
    );

    const byKey = new Map();
    for (const r of records) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    check(
      'every answer of one key names the same application; exactly one of them was processed (the others replayed)',
      [...byKey.entries()].flatMap(([key, rs]) => {
        const accepted = rs.filter((r) => r.status === 201);
        if (accepted.length === 0) return [];
        const ids = new Set(accepted.map((r) => `${r.answer.id}/${r.answer.receiptNumber}`));
        const fresh = accepted.filter((r) => !r.replayed).length;
        const bad = [];
        if (ids.size !== 1) bad.push(`key ${key}: ${accepted.length} answers name ${[...ids].join(', ')}`);
        if (fresh !== 1) bad.push(`key ${key}: ${fresh} of ${accepted.length} 201 answers were not replays`);
        return bad;
      }),
    );

    const dupReceipts = await q(
      `SELECT receipt_number, count(*)::int AS n FROM application WHERE receipt_number IS NOT NULL GROUP BY receipt_number HAVING count(*) > 1`,
    );
    const answeredReceipts = new Map();
    for (const r of ok201) {
      const other = answeredReceipts.get(r.answer.receiptNumber);
      if (other && other !== r.answer.id) dupReceipts.push({ receipt_number: r.answer.receiptNumber, n: `answered for ${other} and ${r.answer.id}` });
      answeredReceipts.set(r.answer.receiptNumber, r.answer.id);
    }
    check('受付番号 are unique and well-formed', [
      ...dupReceipts.map((d) => `受付番号 ${d.receipt_number}: ${d.n} rows`),
      ...rows.filter((r) => !/^[A-Z0-9]+-\d{8}$/.test(r.receipt_number ?? '')).map((r) => `row ${r.id} has 受付番号 ${r.receipt_number}`),
    ]);

    const acceptedIds = new Set(ok201.map((r) => r.answer.id));
    const acceptedKeys = new Set(ok201.map((r) => r.key));
    const expected = jobs.filter((j) => j.kind !== 'invalid').length;
    check(`rows in the round == distinct accepted keys == applications planned (${expected})`, [
      ...(rows.length !== acceptedKeys.size ? [`${rows.length} rows, ${acceptedKeys.size} accepted keys`] : []),
      ...(acceptedIds.size !== acceptedKeys.size ? [`${acceptedIds.size} accepted ids, ${acceptedKeys.size} accepted keys`] : []),
      ...(rows.length !== expected ? [`${rows.length} rows, ${expected} applications planned`] : []),
      ...(allRows !== rows.length ? [`${allRows - rows.length} application rows outside the bench round`] : []),
      ...rows.filter((r) => !acceptedIds.has(r.id)).map((r) => `row ${r.id} (${r.receipt_number}) was never answered with 201`),
    ]);

    const idem = await q(`SELECT key, response_status, response_body FROM idempotency_record WHERE channel_id = $1`, [ctx.channelId]);
    const idemByKey = new Map(idem.map((r) => [r.key, r]));
    check(
      `every planned application (${expected} 法人番号) has exactly one row`,
      jobs
        .filter((j) => j.kind !== 'invalid')
        .filter((j) => (byCorp.get(j.corp) ?? []).length !== 1)
        .map(
          (j) =>
            `${j.kind} ${j.key}: 法人番号 ${j.corp} has ${(byCorp.get(j.corp) ?? []).length} rows (answers: ${records
              .filter((r) => r.job === j)
              .map((r) => r.status)
              .join(', ')})`,
        ),
    );
    check('no accepted request lost: every accepted key has its row and its stored answer', [
      ...[...acceptedKeys].flatMap((key) => {
        const stored = idemByKey.get(key);
        const answer = byKey.get(key).find((r) => r.status === 201).answer;
        if (!stored) return [`key ${key}: no idempotency record`];
        if (stored.response_status !== 201 || stored.response_body.id !== answer.id || stored.response_body.receiptNumber !== answer.receiptNumber) {
          return [`key ${key}: stored ${stored.response_status} ${JSON.stringify(stored.response_body).slice(0, 200)}`];
        }
        return [];
      }),
      ...idem.filter((r) => r.response_status === 0).map((r) => `key ${r.key}: claimed but never answered (response_status 0)`),
    ]);

    const acceptedCorps = new Set(ok201.map((r) => r.body.applicant.corporateNumber));
    check(
      'a refused or failed request left nothing behind (no stored answer under its key, no row for its 法人番号)',
      records
        .filter((r) => r.status !== 201 && !acceptedKeys.has(r.key))
        .flatMap((r) => [
          ...(idemByKey.has(r.key) ? [`${show(r)}: key has a stored answer ${idemByKey.get(r.key).response_status}`] : []),
          ...(!acceptedCorps.has(r.body.applicant?.corporateNumber) && byCorp.has(r.body.applicant?.corporateNumber)
            ? [`${show(r)}: 法人番号 has a row nobody was told about`]
            : []),
        ]),
    );

    const receiptOfCorp = (corp) => byCorp.get(corp)?.[0]?.receipt_number;
    check(
      '409 for every second application of a 法人番号, naming the first 受付番号',
      records
        .filter((r) => r.role === 'duplicate' || (r.role === 'race' && r.status === 409))
        .filter((r) => !(r.status === 201 && r.expect.includes(201))) // its original failed: it was the first
        .flatMap((r) =>
          r.status === 409 && r.answer.code === 'DUPLICATE_APPLICATION' && r.answer.receiptNumber === receiptOfCorp(r.body.applicant.corporateNumber)
            ? []
            : [show(r)],
        ),
    );
    check(
      'each race: exactly one 201 and one 409',
      jobs
        .filter((j) => j.kind === 'race')
        .flatMap((j) => {
          const st = records
            .filter((r) => r.job === j)
            .map((r) => r.status)
            .sort();
          return st.join() === '201,409' ? [] : [`race ${j.key}: ${st.join(', ')}`];
        }),
    );
    check(
      '422 for every invalid payload and every reused key, and no row for them',
      records
        .filter((r) => r.role === 'invalid' || r.role === 'key-reuse')
        .filter((r) => !(r.status === 201 && r.expect.includes(201))) // its original failed: nothing was stored under the key
        .flatMap((r) => {
          if (r.status !== 422) return [show(r)];
          if (r.role === 'key-reuse' && r.answer.code !== 'IDEMPOTENCY_KEY_REUSED') return [show(r)];
          if (r.role === 'invalid' && byCorp.has(r.job.corp)) return [`invalid ${r.key} (${r.job.invalid[0]}) has a row`];
          return [];
        }),
    );

    // The same transaction wrote the rest: attachments linked, one audit record, one 受付 notification.
    const sentAttachments = new Map(ok201.filter((r) => !r.replayed).map((r) => [r.answer.id, [...r.body.attachmentIds].sort().join()]));
    const linked = await q(
      `SELECT a.id AS application_id, att.ids AS attachments, coalesce(aud.n, 0)::int AS audits, coalesce(note.n, 0)::int AS notices
         FROM application a
         LEFT JOIN (SELECT application_id, string_agg(id::text, ',' ORDER BY id::text COLLATE "C") AS ids FROM attachment GROUP BY application_id) att ON att.application_id = a.id
         LEFT JOIN (SELECT entity_id, count(*) AS n FROM audit_log WHERE action = 'application.submit' GROUP BY entity_id) aud ON aud.entity_id = a.id::text
         LEFT JOIN (SELECT application_id, count(*) AS n FROM notification WHERE template = 'received' GROUP BY application_id) note ON note.application_id = a.id
        WHERE a.round_id = $1`,
      [ctx.roundId],
    );
    check(
      'each application: status submitted, its 3 attachments linked, one audit record, one 受付 notification',
      linked.flatMap((l) => {
        const bad = [];
        if (byId.get(l.application_id).status !== 'submitted') bad.push(`${l.application_id}: status ${byId.get(l.application_id).status}`);
        if (sentAttachments.has(l.application_id) && l.attachments !== sentAttachments.get(l.application_id))
          bad.push(`${l.application_id}: attachments ${l.attachments} ≠ sent ${sentAttachments.get(l.application_id)}`);
        if ((l.attachments ?? '').split(',').filter(Boolean).length !== REQUIRED_KINDS.length) bad.push(`${l.application_id}: ${l.attachments} linked`);
        if (l.audits !== 1) bad.push(`${l.application_id}: ${l.audits} audit records`);
        if (l.notices !== 1) bad.push(`${l.application_id}: ${l.notices} 受付 notifications`);
        return bad;
      }),
    );

    // Information, not a check: concurrent transactions take their now() and their nextval in either order.
    const ordered = [...rows].sort((a, b) => (a.receipt_number < b.receipt_number ? -1 : 1));
    let inversions = 0;
    let maxSkewMs = 0;
    let latest = -Infinity;
    for (const r of ordered) {
      const t = r.received_at.getTime();
      if (t < latest) {
        inversions++;
        maxSkewMs = Math.max(maxSkewMs, latest - t);
      }
      latest = Math.max(latest, t);
    }
    return { checks, info: { rows: rows.length, inversions, maxSkewMs } };
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// Report

function gitDescription() {
  try {
    const head = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs', 'migrations'], { cwd: ROOT, encoding: 'utf8' }).trim();
    let built = '?';
    try {
      built = statSync(join(ROOT, 'apps/api/dist/main.js')).mtime.toISOString();
    } catch {
      // not built: the run would not have got here
    }
    return `HEAD ${head}; working tree ${dirty ? `has ${dirty.split('\n').length} uncommitted changes under apps/ libs/ migrations/` : 'clean'}; apps/api/dist built ${built}`;
  } catch {
    return 'unknown (no git)';
  }
}

function report(o, ctx, jobs, upload, elapsedS, result) {
  const rs = ctx.records;
  const is = (f) => rs.filter(f).length;
  const accepted = is((r) => r.status === 201 && !r.replayed);
  const replayed = is((r) => r.status === 201 && r.replayed);
  const conflict = is((r) => r.status === 409);
  const unprocessable = is((r) => r.status === 422);
  const errors = rs.length - accepted - replayed - conflict - unprocessable;
  const all = latencyStats(rs.map((r) => r.ms));
  const steady = steadyLatencyStats(rs, o.warmUpS);
  const kinds = {};
  for (const j of jobs) kinds[j.kind] = (kinds[j.kind] ?? 0) + 1;
  const pct = (share) => (share === null ? '-' : `${(100 * share).toFixed(0)}%`);

  console.log('');
  console.log(
    `Intake load test: ${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'})  load average before the timed phase ${ctx.cpu.loadBefore.toFixed(2)}`,
  );
  console.log(`code: ${gitDescription()}`);
  console.log(
    `plan: n=${o.n} applications, concurrency=${o.concurrency}, seed=${o.seed}; jobs: ${Object.entries(kinds)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `untimed: ${upload.count} attachment uploads in ${upload.elapsed.toFixed(1)} s (${(upload.count / upload.elapsed).toFixed(0)}/s, p50 ${fmtMs(upload.p50)} ms, p99 ${fmtMs(upload.p99)} ms)`,
  );
  if (ctx.statements)
    console.log(
      `SQL statements per submission: ${Math.min(...ctx.statements)} (each of ${ctx.statements.length} submissions sent alone after the checks: ${ctx.statements.join(', ')})`,
    );
  console.log('');
  console.log(
    table(
      [
        ['timed phase', 'value'],
        ['total requests', rs.length],
        ['accepted (201, new)', accepted],
        ['replayed (201, Idempotent-Replayed)', replayed],
        ['409 duplicate 法人番号', conflict],
        ['422 refused', unprocessable],
        ['errors (other status, 5xx, transport)', errors],
        ['elapsed (s)', elapsedS.toFixed(2)],
        ['throughput (req/s)', (rs.length / elapsedS).toFixed(1)],
        ['accepted applications/s', (accepted / elapsedS).toFixed(1)],
        ['latency p50 (ms)', fmtMs(all.p50)],
        ['latency p90 (ms)', fmtMs(all.p90)],
        ['latency p99 (ms)', fmtMs(all.p99)],
        ['latency max (ms)', fmtMs(all.max)],
        [`requests sent after the first ${o.warmUpS} s`, steady.count],
        [`  their latency p50 (ms)`, fmtMs(steady.p50)],
        [`  their latency p99 (ms)`, fmtMs(steady.p99)],
        [`  their latency max (ms)`, fmtMs(steady.max)],
        ['API process CPU (s, % of elapsed)', ctx.cpu.api === null ? '-' : `${ctx.cpu.api.toFixed(1)} (${((100 * ctx.cpu.api) / elapsedS).toFixed(0)}%)`],
        ['PostgreSQL backends CPU (s, % of elapsed)', `${ctx.cpu.db.toFixed(1)} (${((100 * ctx.cpu.db) / elapsedS).toFixed(0)}%)`],
        ['load generator CPU (s, % of elapsed)', `${ctx.cpu.bench.toFixed(1)} (${((100 * ctx.cpu.bench) / elapsedS).toFixed(0)}%)`],
        ['API event loop busy (% of elapsed)', pct(ctx.cpu.eventLoopBusy)],
        ['API process peak RSS (MiB)', ctx.apiPeakRssMiB === null ? '-' : ctx.apiPeakRssMiB.toFixed(0)],
      ],
      ['l', 'r'],
    ),
  );
  console.log('');
  if (ctx.baseline) {
    const b = ctx.baseline;
    const perReq = (cpu, n) => (cpu === null ? '-' : ((1000 * cpu) / n).toFixed(2));
    console.log(
      table(
        [
          ['intake vs raw baseline', 'intake API', 'raw baseline'],
          ['machine load average before (1 min)', ctx.cpu.loadBefore.toFixed(2), b.loadBefore.toFixed(2)],
          ['requests', rs.length, b.requests],
          ['elapsed (s)', elapsedS.toFixed(2), b.elapsedS.toFixed(2)],
          ['throughput (req/s)', (rs.length / elapsedS).toFixed(1), (b.requests / b.elapsedS).toFixed(1)],
          ['latency p50 (ms)', fmtMs(all.p50), fmtMs(b.latency.p50)],
          ['latency p90 (ms)', fmtMs(all.p90), fmtMs(b.latency.p90)],
          ['latency p99 (ms)', fmtMs(all.p99), fmtMs(b.latency.p99)],
          ['latency max (ms)', fmtMs(all.max), fmtMs(b.latency.max)],
          [`after the first ${o.warmUpS} s: requests`, steady.count, b.steady.count],
          [`  latency p50 (ms)`, fmtMs(steady.p50), fmtMs(b.steady.p50)],
          [`  latency p99 (ms)`, fmtMs(steady.p99), fmtMs(b.steady.p99)],
          [`  latency max (ms)`, fmtMs(steady.max), fmtMs(b.steady.max)],
          ['server event loop busy (% of elapsed)', pct(ctx.cpu.eventLoopBusy), pct(b.eventLoopBusy)],
          ['server process CPU per request (ms)', perReq(ctx.cpu.api, rs.length), perReq(b.cpu.process, b.requests)],
          ['PostgreSQL CPU per request (ms)', perReq(ctx.cpu.db, rs.length), perReq(b.cpu.db, b.requests)],
          ['load generator CPU per request (ms)', perReq(ctx.cpu.bench, rs.length), perReq(b.cpu.bench, b.requests)],
          ['server process peak RSS (MiB)', ctx.apiPeakRssMiB?.toFixed(0) ?? '-', b.peakRssMiB?.toFixed(0) ?? '-'],
        ],
        ['l', 'r', 'r'],
      ),
    );
    const ratio = rs.length / elapsedS / (b.requests / b.elapsedS);
    console.log(
      `\nintake throughput = ${(100 * ratio).toFixed(0)}% of the raw baseline (issue 17 target: at least 40%); intake p99 ${fmtMs(all.p99)} ms, ${fmtMs(steady.p99)} ms after the first ${o.warmUpS} s (target: under 250 ms)`,
    );
    // Little's law: with every client always waiting for an answer, the mean latency is clients ÷ throughput
    const meanMs = (rps) => (1000 * o.concurrency) / rps;
    console.log(
      `mean latency at ${o.concurrency} clients = clients ÷ throughput: intake ${meanMs(rs.length / elapsedS).toFixed(0)} ms, raw baseline ${meanMs(b.requests / b.elapsedS).toFixed(0)} ms; a p99 under 250 ms needs more than ${((1000 * o.concurrency) / 250).toFixed(0)} requests/s`,
    );
    // Throughput follows whatever else the machine runs during each phase; CPU per request much less so.
    if (ctx.cpu.api !== null && b.cpu.process !== null) {
      const cost = (ctx.cpu.api + ctx.cpu.db) / rs.length;
      const baseCost = (b.cpu.process + b.cpu.db) / b.requests;
      console.log(
        `CPU per request, server process + PostgreSQL: intake ${(1000 * cost).toFixed(2)} ms, raw baseline ${(1000 * baseCost).toFixed(2)} ms → intake at ${((100 * baseCost) / cost).toFixed(0)}% of the baseline's efficiency`,
      );
    }
    console.log('');
  }
  if (ctx.profile) {
    const { total, byPackage, topSelf } = summariseProfile(ctx.profile, { top: 20 });
    const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
    console.log(`API CPU profile of the timed phase: ${ctx.profile} (busy ${(total / 1000).toFixed(1)} s; node bench/lib/profile-summary.mjs <file> for more)`);
    console.log('  inclusive, by package or app folder:');
    for (const [k, v] of byPackage) console.log(`  ${pct(v)}  ${k}`);
    console.log('  self time, by function:');
    for (const [k, v] of topSelf) console.log(`  ${pct(v)}  ${k}`);
    console.log('');
  }
  const groups = [
    ['201 new', (r) => r.status === 201 && !r.replayed],
    ['201 replayed', (r) => r.status === 201 && r.replayed],
    ['409', (r) => r.status === 409],
    ['422', (r) => r.status === 422],
    ['other', (r) => ![201, 409, 422].includes(r.status)],
  ];
  console.log(
    table(
      [
        ['latency by answer', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
        ...groups.map(([name, f]) => {
          const s = latencyStats(rs.filter(f).map((r) => r.ms));
          return [name, s.count, fmtMs(s.p50), fmtMs(s.p90), fmtMs(s.p99), fmtMs(s.max)];
        }),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log('');
  for (const c of result.checks) {
    console.log(`${c.problems.length ? 'FAIL' : 'ok  '}  ${c.name}${c.problems.length ? ` (${c.problems.length})` : ''}`);
    for (const p of c.problems.slice(0, 10)) console.log(`        ${p}`);
    if (c.problems.length > 10) console.log(`        … and ${c.problems.length - 10} more`);
  }
  console.log(
    `info  受付番号 order vs received_at: ${result.info.inversions} of ${result.info.rows} later numbers carry an earlier received_at (largest gap ${result.info.maxSkewMs} ms)`,
  );
  console.log('');
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  let o;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`[bench] ${e.message} (see --help)`);
    return 2;
  }
  run.keep = o.keep;
  const hardStop = setTimeout(() => {
    console.error(`[bench] hard timeout of ${o.timeoutSeconds} s reached: stopping`);
    cleanup().finally(() => process.exit(2));
  }, o.timeoutSeconds * 1000);
  hardStop.unref();

  try {
    require.resolve(join(ROOT, 'apps/api/dist/cli/start.js'));
  } catch {
    console.error('[bench] apps/api/dist is missing: run `npm run build` (or `npx nx run @jimukyoku/api:build`) first');
    return 2;
  }

  let logPath;
  try {
    const databaseUrl = await createRunDatabase();
    const started = await startApi(databaseUrl, o);
    logPath = started.logPath;
    const setup = await setUp(started.base);
    const ctx = { base: started.base, ...setup, records: [], poolSize: Number(process.env.DATABASE_POOL_SIZE || 20) };

    const jobs = makePlan(o);
    const upload = await uploadAll(started.base, setup.apiKey, jobs, o);
    log(`uploaded ${upload.count} attachments in ${upload.elapsed.toFixed(1)} s; firing ${jobs.length} jobs with ${o.concurrency} clients`);

    if (o.cpuProf) run.child.kill('SIGWINCH'); // lib/cpu-profile.cjs: start
    const cpu0 = {
      api: processCpuSeconds(run.child.pid),
      db: postgresCpuSeconds(run.dbName),
      bench: process.cpuUsage(),
      load: loadavg()[0],
      eventLoop: eventLoopTotals(run.eventLoopFile),
    };
    const t0 = process.hrtime.bigint();
    ctx.t0 = t0;
    let done = 0;
    const progress = setInterval(() => log(`${done}/${jobs.length} jobs, ${ctx.records.length} requests answered`), 5_000);
    try {
      await pool(jobs, o.concurrency, async (job) => {
        await runJob(ctx, job);
        done++;
      });
    } finally {
      clearInterval(progress);
    }
    const elapsedS = elapsedMs(t0) / 1000;
    const benchCpu = process.cpuUsage(cpu0.bench);
    const apiCpu = processCpuSeconds(run.child.pid);
    const dbCpu = postgresCpuSince(cpu0.db, run.dbName);
    ctx.cpu = {
      api: apiCpu === null || cpu0.api === null ? null : apiCpu - cpu0.api,
      db: dbCpu,
      bench: (benchCpu.user + benchCpu.system) / 1e6,
      loadBefore: cpu0.load,
      eventLoopBusy: eventLoopBusy(cpu0.eventLoop, eventLoopTotals(run.eventLoopFile)),
    };
    ctx.apiPeakRssMiB = peakRssMiB(run.child.pid);
    if (o.cpuProf) {
      const written = new Promise((r) => (run.profileWritten = r));
      run.child.kill('SIGWINCH'); // stop and write
      await Promise.race([written, sleep(30_000)]);
      ctx.profile = join(o.cpuProf, `api-${run.child.pid}.cpuprofile`);
    }
    log(`timed phase done: ${ctx.records.length} requests in ${elapsedS.toFixed(1)} s; verifying against PostgreSQL`);

    const result = await verify(databaseUrl, ctx, jobs);
    const baselineN = o.baselineN ?? ctx.records.length;
    if (baselineN > 0) {
      ctx.baseline = await runBaseline(ctx, baselineN, o, started.appUrl, databaseUrl);
      result.checks.push(ctx.baseline.check);
    }
    // after the checks, so these applications are not among the ones they count; by an API of its own
    // connected through the counting proxy, so that the proxy was in none of the timed figures
    if (o.statements > 0) {
      await stopApi();
      const counted = await startApi(databaseUrl, o, { viaCounter: true });
      ctx.statements = await countStatements({ ...ctx, base: counted.base }, o.statements);
    }
    report(o, ctx, jobs, upload, elapsedS, result);
    const failed = result.checks.filter((c) => c.problems.length);
    if (failed.length) {
      console.log(`RESULT: FAIL (${failed.length} of ${result.checks.length} checks)`);
      summariseServerErrors(logPath);
      return 1;
    }
    console.log(`RESULT: PASS (${result.checks.length} checks)`);
    return 0;
  } catch (e) {
    if (run.abort.signal.aborted) return 2; // the hard timeout or a signal stopped the run; already said so
    console.error(`[bench] run failed: ${e.stack ?? e}`);
    if (logPath) console.error(`[bench] API log tail:\n${tail(logPath)}`);
    return 2;
  } finally {
    await cleanup();
  }
}

process.exit(await main());
