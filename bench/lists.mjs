#!/usr/bin/env node
/**
 * Lists at a million: the application list (GET /api/applications) and the managers' dashboard
 * (GET /api/pipeline) on 1,000,000 applications, each case timed through HTTP beside exactly the
 * same SQL run directly.
 *
 * Creates a fresh database `jimukyoku_bench_lists_<epoch ms>`, migrates it, starts the built API
 * (apps/api/dist/cli/start.js, production mode, worker off), creates four rounds of 事業再構築補助金
 * through the HTTP API, loads the applications with bench/lib/load-applications.mjs (set-based SQL),
 * and then, for every case (first page, each filter, each sortable column both ways, deep pages, searches,
 * the dashboard): one untimed request to a second API process, which reaches PostgreSQL through a
 * statement-capturing proxy (bench/lib/pg-statement-counter.mjs), records the SQL the API sends for it;
 * then `--requests` timed requests (after `--warmup`) to the API that connects directly, each followed by a
 * timed run of the recorded statements, in order, on one direct pg connection. Prints p50/p95 of both, the
 * ratio API/SQL, and checks the targets: API p95 under `--target-ms` (300) and within `--ratio` (2) × the
 * SQL's p95 — or, where the SQL takes a few milliseconds, at most as much more than the SQL as the first
 * case, GET /api/auth/me, takes more than its own SQL: what HTTP, the token check and JSON cost any
 * request, measured in the same run. Also the peak RSS of the timed API process (VmHWM).
 *
 *   npm run build && npm run bench -- lists                 # 1,000,000 rows, fresh database, dropped after
 *   npm run bench -- lists --n 200000 --keep                 # smaller, keep the database (its name is printed)
 *   npm run bench -- lists --database jimukyoku_bench_lists_1790000000000   # re-measure a kept database (migrates it first)
 *   npm run bench -- lists --database <kept> --only "filter status paid" --requests 500 --cpu-prof /tmp/prof   # where the API's time goes
 *
 * Exit code: 0 targets met, 1 a target missed, 2 the run itself failed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appRoleUrl } from './lib/app-role.mjs';
import { createLoaderRounds, loadApplications } from './lib/load-applications.mjs';
import { table } from './lib/measure.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { startStatementCounter } from './lib/pg-statement-counter.mjs';
import { REDIS_URL, dropDatabase, removeRedisKeys, stopChild } from './lib/run-resources.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
    'target-ms': { type: 'string', default: '300' },
    ratio: { type: 'string', default: '2' },
    database: { type: 'string' },
    only: { type: 'string' },
    sql: { type: 'boolean', default: false },
    // a folder: a V8 CPU profile of the timed API over the timed requests (lib/cpu-profile.cjs), summarised at the end
    'cpu-prof': { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(
    'Usage: node bench/lists.mjs [--n 1000000] [--requests 20] [--warmup 2] [--target-ms 300] [--ratio 2] [--only <case prefix>] [--sql] [--cpu-prof <dir>] [--keep] [--database <kept bench database>]',
  );
  process.exit(0);
}
const N = Number(args.n);
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const TARGET_MS = Number(args['target-ms']);
const RATIO = Number(args.ratio);
const CPU_PROF = args['cpu-prof'] ? resolve(args['cpu-prof']) : null;
const MANAGER = { email: 'bench-lists-manager@example.jp', password: `bench-${randomBytes(12).toString('hex')}` };

const run = {
  children: [],
  proxy: null,
  dbUrl: null,
  adminUrl: null,
  dbName: null,
  created: false,
  workDir: null,
  jwtSecret: randomBytes(32).toString('hex'),
  redisPrefix: `jimukyoku_bench_lists_${Date.now()}`,
};
const log = (m) => console.log(`[bench] ${m}`);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  if (!existsSync(join(ROOT, 'apps/api/dist/cli/start.js'))) throw new Error('apps/api/dist is missing: run `npm run build` first');
  const { Client } = require('pg');
  const { ensureDatabase, runMigrations } = require(join(ROOT, 'apps/api/dist/database/migrate.js'));
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  run.dbName = args.database ?? `jimukyoku_bench_lists_${Date.now()}`;
  const url = new URL(base);
  url.pathname = `/${run.dbName}`;
  run.dbUrl = url.toString();
  const admin = new URL(base);
  admin.pathname = '/postgres';
  run.adminUrl = admin.toString();
  if (args.database) {
    if (await ensureDatabase(run.dbUrl)) throw new Error(`database ${run.dbName} did not exist (it is created now; drop it, or leave out --database)`);
  } else {
    if (!(await ensureDatabase(run.dbUrl))) throw new Error(`database ${run.dbName} already exists`);
    run.created = true;
  }
  const ran = await runMigrations(run.dbUrl);
  log(`database ${run.dbName} ${run.created ? 'created and migrated' : `migrated (${ran.length ? ran.join(', ') : 'nothing to run'})`}`);

  const db = new Client({ connectionString: run.dbUrl });
  await db.connect();
  await upsertManager(db);
  // two processes of the built API with the same secret: the timed one connects to PostgreSQL directly;
  // the other through the capturing proxy, asked once per case for the statements it sends
  run.workDir = mkdtempSync(join(tmpdir(), 'jimukyoku-bench-lists-'));
  run.proxy = await startStatementCounter(await appRoleUrl(ROOT, run.dbUrl));
  const { base: api, child: timed } = await startApi('timed', await appRoleUrl(ROOT, run.dbUrl), { profile: Boolean(CPU_PROF) });
  const { base: capturing } = await startApi('capturing', run.proxy.url);
  const token = await login(api);

  if (run.created) {
    const roundIds = await createLoaderRounds(async (method, path, body) => {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text);
    }, '一覧性能試験');
    const t0 = process.hrtime.bigint();
    await loadApplications(db, { n: N, roundIds, log });
    log(`loaded ${N.toLocaleString()} applications in ${(ms(t0) / 1000).toFixed(1)} s`);
  }
  if (!run.created && ran.length) {
    // a migration of a loaded table (a rewrite, new indexes) leaves it as autovacuum would find it later:
    // vacuum it now, as the loader does, so index-only scans see an all-visible table
    await db.query('VACUUM ANALYZE application');
    log('VACUUM ANALYZE application (migrations ran on the loaded table)');
  }
  const [{ total }] = (await db.query(`SELECT count(*)::int AS total FROM application`)).rows;
  const facts = await dataFacts(db);
  const cases = listCases(facts, total).filter((c) => c.baseline || !args.only || c.name.startsWith(args.only));
  log(`${total.toLocaleString()} applications; ${cases.length} cases, ${REQUESTS} timed requests each after ${WARMUP} warm-up`);

  const results = [];
  const failures = [];
  const load0 = loadavg()[0];
  if (CPU_PROF) timed.kill('SIGWINCH'); // lib/cpu-profile.cjs: start
  /** what the API adds to the SQL of any request (HTTP, the token check, JSON): the baseline case's API p95 − SQL p95 */
  let floor = 0;
  for (const c of cases) {
    // the SQL the API sends for this request, recorded once
    run.proxy.counter.capture = [];
    const first = await get(capturing, token, c.path);
    const statements = run.proxy.counter.capture;
    run.proxy.counter.capture = null;
    if (first.status !== 200) throw new Error(`${c.name}: GET ${c.path} answered ${first.status}: ${first.text.slice(0, 300)}`);
    if (args.sql) for (const st of statements) log(`${c.name} SQL: ${st.text} -- ${JSON.stringify(st.values)}`);
    const apiTimes = [];
    const sqlTimes = [];
    // one request, then one run of its SQL, in turn: both meet the same caches and the same machine (with all the
    // requests first and all the SQL after, a case's SQL once measured 26 ms while PostgreSQL's own log gave its
    // main statement 55–60 ms, sent by the API and by the bench alike)
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const t = process.hrtime.bigint();
      const res = await get(api, token, c.path);
      const elapsed = ms(t);
      if (res.status !== 200) throw new Error(`${c.name}: answered ${res.status}`);
      const u = process.hrtime.bigint();
      for (const s of statements) await db.query({ text: s.text, values: s.values });
      if (i >= WARMUP) {
        apiTimes.push(elapsed);
        sqlTimes.push(ms(u));
      }
    }
    const r = {
      name: c.name,
      rows: first.rows,
      range: first.range,
      estimated: first.estimated,
      statements: statements.length,
      api: percentiles(apiTimes),
      sql: percentiles(sqlTimes),
    };
    r.ratio = r.api.p95 / r.sql.p95;
    if (c.check) {
      const problem = c.check(first);
      if (problem) failures.push(`${c.name}: ${problem}`);
    }
    if (r.api.p95 >= TARGET_MS) failures.push(`${c.name}: API p95 ${r.api.p95.toFixed(0)} ms ≥ ${TARGET_MS} ms`);
    if (c.baseline) floor = Math.max(0, r.api.p95 - r.sql.p95);
    else if (r.ratio > RATIO && r.api.p95 - r.sql.p95 > floor)
      failures.push(
        `${c.name}: API p95 is ${r.ratio.toFixed(2)} × the SQL's (> ${RATIO}), ${(r.api.p95 - r.sql.p95).toFixed(0)} ms more (any request: ${floor.toFixed(0)} ms)`,
      );
    results.push(r);
    log(`${c.name}: API p50 ${r.api.p50.toFixed(0)} p95 ${r.api.p95.toFixed(0)} ms, SQL p50 ${r.sql.p50.toFixed(0)} p95 ${r.sql.p95.toFixed(0)} ms`);
  }
  const rss = peakRss(timed.pid);
  await db.end();
  const profile = CPU_PROF ? await stopProfile(timed) : null;

  console.log('\n== lists at a million: GET /api/applications and GET /api/pipeline ==');
  console.log(
    `machine       ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average before the timed phase ${load0.toFixed(2)}`,
  );
  console.log(`data          ${total.toLocaleString()} applications in ${facts.rounds.length} rounds, ${facts.assignments.toLocaleString()} assignments`);
  console.log(
    `requests      ${REQUESTS} timed per case after ${WARMUP} warm-up, one at a time; SQL = the statements the API sent for it, run in order on one direct connection\n`,
  );
  console.log(
    table(
      [
        ['case', 'rows', 'Content-Range', 'stmts', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'API/SQL'],
        ...results.map((r) => [
          r.name,
          r.rows,
          `${r.range ?? '-'}${r.estimated ? ' (est.)' : ''}`,
          r.statements,
          r.api.p50.toFixed(1),
          r.api.p95.toFixed(1),
          r.sql.p50.toFixed(1),
          r.sql.p95.toFixed(1),
          r.ratio.toFixed(2),
        ]),
      ],
      ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  console.log(`\nAPI peak RSS  ${rss ? `${(rss / 1024).toFixed(0)} MiB (VmHWM)` : 'unknown'}`);
  console.log(
    `targets       API p95 < ${TARGET_MS} ms and ≤ ${RATIO} × SQL p95, or at most ${floor.toFixed(1)} ms above it (what GET /api/auth/me adds to its SQL: HTTP, the token check, JSON), every case`,
  );
  if (profile) printProfile(profile);
  for (const f of failures) console.log(`FAIL  ${f}`);
  console.log(`\nRESULT: ${failures.length ? `FAIL (${failures.length} of ${results.length * 2} checks)` : `PASS (${results.length} cases)`}`);
  return failures.length ? 1 : 0;
}

function percentiles(times) {
  const s = [...times].sort((a, b) => a - b);
  const pct = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { p50: pct(50), p95: pct(95), max: s[s.length - 1] };
}

/** What the cases filter on: the rounds, a category, a 受付 day, a name and a 法人番号 that exist. */
async function dataFacts(db) {
  const rounds = (await db.query(`SELECT id, name FROM round WHERE EXISTS (SELECT 1 FROM application a WHERE a.round_id = round.id) ORDER BY closes_at DESC`))
    .rows;
  const [newest] = rounds;
  // the second most common 類型 of the newest round (the first when it has one)
  const categories = (await db.query(`SELECT category_id AS id FROM application WHERE round_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`, [newest.id]))
    .rows;
  const category = categories[1] ?? categories[0];
  const [sample] = (
    await db.query(
      `SELECT corporate_number, receipt_number, received_at FROM application WHERE round_id = $1 AND corporate_number IS NOT NULL AND receipt_number IS NOT NULL
        ORDER BY receipt_number LIMIT 1 OFFSET 1000`,
      [newest.id],
    )
  ).rows;
  const day = new Date(sample.received_at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [{ n: assignments }] = (await db.query(`SELECT count(*)::int AS n FROM application_assignment`)).rows;
  return { rounds, newest, category, sample, day, nextDay, assignments };
}

const q = (o) => new URLSearchParams(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, JSON.stringify(v)]))).toString();

/** The requests the admin sends: a page of 25, its filters and sorts, deep pages, searches; and the dashboard. */
function listCases(f, total) {
  const page = (extra = {}, range = [0, 24]) => `/api/applications?${q({ range, ...extra })}`;
  const admin = { sort: ['receivedAt', 'DESC'] }; // the admin's default
  const deep = Math.max(0, Math.floor(total / 2) - (Math.floor(total / 2) % 25));
  const last = Math.max(0, total - 25);
  const sameRows = (n) => (r) => (r.rows === n ? null : `expected ${n} rows, got ${r.rows}`);
  const cases = [
    { name: 'baseline: GET /api/auth/me (any request)', path: '/api/auth/me', baseline: true },
    { name: 'first page (API default: updatedAt DESC)', path: page(), check: sameRows(25) },
    { name: 'first page (admin: receivedAt DESC)', path: page(admin), check: sameRows(25) },
    { name: 'filter roundId (newest round)', path: page({ ...admin, filter: { roundId: f.newest.id } }) },
    { name: 'filter roundId (oldest round)', path: page({ ...admin, filter: { roundId: f.rounds[f.rounds.length - 1].id } }) },
    { name: 'filter categoryId', path: page({ ...admin, filter: { categoryId: f.category.id } }) },
    { name: 'filter status submitted', path: page({ ...admin, filter: { status: 'submitted' } }) },
    { name: 'filter status returned+resubmitted', path: page({ ...admin, filter: { status: ['returned', 'resubmitted'] } }) },
    { name: 'filter status paid', path: page({ ...admin, filter: { status: 'paid' } }) },
    { name: 'filter prefecture 東京都', path: page({ ...admin, filter: { prefecture: '東京都' } }) },
    { name: 'filter prefecture 高知県', path: page({ ...admin, filter: { prefecture: '高知県' } }) },
    { name: 'filter sizeClass midsize', path: page({ ...admin, filter: { sizeClass: 'midsize' } }) },
    {
      name: 'filter received on one day',
      path: page({ ...admin, filter: { receivedFrom: `${f.day}T00:00:00+09:00`, receivedTo: `${f.nextDay}T00:00:00+09:00` } }),
    },
    { name: 'filter round + status + prefecture', path: page({ ...admin, filter: { roundId: f.newest.id, status: 'submitted', prefecture: '大阪府' } }) },
  ];
  for (const field of ['receiptNumber', 'applicantName', 'status', 'prefecture', 'quotedAmount', 'receivedAt', 'createdAt', 'updatedAt'])
    for (const order of ['ASC', 'DESC']) cases.push({ name: `sort ${field} ${order}`, path: page({ sort: [field, order] }), check: sameRows(25) });
  cases.push(
    { name: `deep page [${deep}, ${deep + 24}] (API default sort)`, path: page({}, [deep, deep + 24]), check: sameRows(25) },
    { name: `deep page [${deep}, ${deep + 24}] (admin sort)`, path: page(admin, [deep, deep + 24]), check: sameRows(25) },
    { name: `last page [${last}, ${last + 24}] (admin sort)`, path: page(admin, [last, last + 24]) },
    { name: 'deep page of the newest round [100000, 100024]', path: page({ ...admin, filter: { roundId: f.newest.id } }, [100000, 100024]) },
    { name: 'search 事業者名 (山田製作所)', path: page({ ...admin, filter: { q: '山田製作所' } }) },
    { name: 'search 法人番号 (exact)', path: page({ ...admin, filter: { q: f.sample.corporate_number } }), check: (r) => (r.rows >= 1 ? null : 'not found') },
    { name: 'search 受付番号 (exact)', path: page({ ...admin, filter: { q: f.sample.receipt_number } }), check: (r) => (r.rows >= 1 ? null : 'not found') },
    { name: 'search in a round (佐藤)', path: page({ ...admin, filter: { roundId: f.newest.id, q: '佐藤' } }) },
    { name: 'dashboard GET /api/pipeline', path: '/api/pipeline' },
  );
  return cases;
}

async function get(api, token, path) {
  const res = await fetch(`${api}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  let rows = null;
  try {
    const body = JSON.parse(text);
    rows = Array.isArray(body) ? body.length : null;
  } catch {
    // not JSON: the status says what went wrong
  }
  return {
    status: res.status,
    text,
    rows,
    range: res.headers.get('content-range')?.replace(/^applications /, ''),
    estimated: res.headers.get('x-total-count-estimated') === 'true',
  };
}

/** The bench's manager, written directly (argon2id like the API's), so a kept database can be measured again. */
async function upsertManager(db) {
  const argon2 = require('argon2');
  const hash = await argon2.hash(MANAGER.password, { type: argon2.argon2id });
  await db.query(
    `INSERT INTO staff_user (email, name, role, organisation, password_hash, must_change_password) VALUES ($1, '試験 管理者', 'manager', '事務局', $2, false)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, must_change_password = false, active = true`,
    [MANAGER.email, hash],
  );
}

async function login(api) {
  const res = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(MANAGER) });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${JSON.stringify(body)}`);
  return body.accessToken;
}

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Stops the timed API's profiler (the second SIGWINCH) and waits for the profile: its path. */
async function stopProfile(child) {
  const written = new Promise((r) => (child.profileWritten = r));
  child.kill('SIGWINCH');
  await Promise.race([written, new Promise((r) => setTimeout(r, 30_000).unref())]);
  return join(CPU_PROF, `api-${child.pid}.cpuprofile`);
}

function printProfile(path) {
  const { total, byPackage, topSelf } = summariseProfile(path, { top: 20 });
  const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  console.log(`\nAPI CPU profile of the timed requests: ${path} (busy ${(total / 1000).toFixed(1)} s; node bench/lib/profile-summary.mjs <file> for more)`);
  console.log('  inclusive, by package or app folder:');
  for (const [k, v] of byPackage) console.log(`  ${pct(v)}  ${k}`);
  console.log('  self time, by function:');
  for (const [k, v] of topSelf) console.log(`  ${pct(v)}  ${k}`);
}

async function startApi(name, databaseUrl, { profile = false } = {}) {
  const port = await new Promise((r) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => r(p));
    });
  });
  const logPath = join(run.workDir, `api-${name}.log`);
  const logFile = createWriteStream(logPath);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    INITIAL_ADMIN_PASSWORD: `bench-first-${randomBytes(12).toString('base64url')}`,
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATION_URL: run.dbUrl,
    REDIS_URL,
    REDIS_PREFIX: run.redisPrefix,
    // production requires it; WORKER_ENABLED=false sends no mail
    SMTP_URL: 'smtp://127.0.0.1:1025',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    JWT_SECRET: run.jwtSecret,
    SECRETARIAT_NAME: 'ベンチマーク用 相談窓口',
    SECRETARIAT_PHONE: '0120-000-000',
    SECRETARIAT_EMAIL: 'soudan@bench.example.jp',
    MAIL_FROM: '事務局 <no-reply@bench.example.jp>',
    SECRETARIAT_HOURS: '9:30〜17:30',
    // production requires these; nothing here sends a link or a transfer file
    STATUS_LINK_SECRET: randomBytes(32).toString('base64'),
    PUBLIC_BASE_URL: 'https://bench.example.jp',
    PAYMENT_REQUESTER_CODE: '1234567890',
    PAYMENT_REQUESTER_NAME: 'ﾍﾞﾝﾁ',
    PAYMENT_REQUESTER_BANK_CODE: '0001',
    PAYMENT_REQUESTER_BRANCH_CODE: '001',
    PAYMENT_REQUESTER_DEPOSIT_TYPE: '1',
    PAYMENT_REQUESTER_ACCOUNT_NUMBER: '1234567',
    STORAGE_DIR: join(run.workDir, 'storage'),
    ...(profile ? { BENCH_CPU_PROFILE_DIR: CPU_PROF } : {}),
  };
  if (profile) mkdirSync(CPU_PROF, { recursive: true });
  const preload = profile ? ['-r', join(ROOT, 'bench/lib/cpu-profile.cjs')] : [];
  const child = spawn(process.execPath, [...preload, join(ROOT, 'apps/api/dist/cli/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  run.children.push(child);
  await new Promise((resolveReady, reject) => {
    child.stdout.on('data', (c) => {
      logFile.write(c);
      if (c.toString().includes('is running')) resolveReady();
      if (c.toString().includes('cpu profile written')) child.profileWritten?.();
    });
    child.stderr.on('data', (c) => logFile.write(c));
    child.once('exit', (code) => reject(new Error(`the API exited during startup (code ${code}); log:\n${readFileSync(logPath, 'utf8').slice(-3000)}`)));
    setTimeout(() => reject(new Error('the API did not start within 120 s')), 120_000).unref();
  });
  log(`API (${name}) up on port ${port} (pid ${child.pid})`);
  return { base: `http://127.0.0.1:${port}`, child };
}

async function cleanup() {
  await Promise.all(run.children.map(stopChild));
  await run.proxy?.close();
  // the queues' keys both API processes made under the run's prefix
  if (!args.keep) await removeRedisKeys(REDIS_URL, [run.redisPrefix]);
  if (run.dbName && run.created && !args.keep) await dropDatabase(run.adminUrl, run.dbName);
  else if (run.dbName) log(`kept database ${run.dbName} (drop it with: psql -U postgres -c 'DROP DATABASE "${run.dbName}" WITH (FORCE)')`);
  if (run.workDir && !args.keep) rmSync(run.workDir, { recursive: true, force: true });
}

let cleaning = null;
const cleanOnce = () => (cleaning ??= cleanup().catch((e) => console.error(`[bench] clean-up failed: ${e.message}`)));
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, async () => {
    console.error(`[bench] ${sig}: cleaning up`);
    await cleanOnce();
    process.exit(2);
  });

main()
  .then(async (code) => {
    await cleanOnce();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`[bench] failed: ${e.stack ?? e}`);
    await cleanOnce();
    process.exit(2);
  });
