#!/usr/bin/env node
/**
 * Adoption simulator benchmark: how long the manager waits for the ranking of a round × category
 * with 20,000 scored applications when moving the budget (GET /api/rounds/:id/ranking).
 *
 * Starts the built API (apps/api/dist/cli/start.js, production mode, worker off) on a free port
 * against a fresh database `jimukyoku_bench_sim_<epoch ms>` and its own Redis prefix, creates a
 * manager and an open round through the HTTP API, then loads the scored round directly with SQL
 * (applications in 審査完了, 3 review assignments each among 30 reviewers, one submitted score sheet
 * per assignment with its weighted total — the rows the scoring API writes). It then asks for the
 * ranking `--requests` times with a different budget each time (the what-if), after `--warmup`
 * untimed requests, and reports wall-clock latency as the browser sees it (request to last byte),
 * plus the pure libs/domain part (aggregate, rank, simulate) measured in this process on the same
 * scores. Checks: every application ranked once, the adopted amounts within each budget, a larger
 * budget never adopts fewer. Then it stops the API, drops the database and removes its Redis keys.
 * With `--others`, that many more applications are loaded into four other rounds first
 * (lib/load-applications.mjs, each round at another point of its life), so the ranking is measured in
 * a table of realistic size: the memory and the answers of a round's simulator should depend on the
 * round, not on the table.
 *
 *   npm run build && node bench/review-simulator.mjs --n 20000
 *   node bench/review-simulator.mjs --n 20000 --others 1000000     # the same round beside a million others
 *
 * Exit code: 0 checks passed, 1 a check failed, 2 the run itself failed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appRoleUrl } from './lib/app-role.mjs';
import { productionEnv } from './lib/production-env.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { REDIS_URL, cleanUpOnExit, createDatabase, dropDatabase, removeRedisKeys, stopChild } from './lib/run-resources.mjs';
import { createLoaderRounds, loadApplications } from './lib/load-applications.mjs';
import { loadScoredRound, REVIEWERS } from './lib/scored-round.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    others: { type: 'string', default: '0' },
    requests: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('Usage: node bench/review-simulator.mjs [--n 20000] [--others 0] [--requests 20] [--warmup 3] [--keep] [--cpu-prof <dir>]');
  console.log('  --n         scored applications in the round × category (3 submitted score sheets each)');
  console.log('  --others    applications in four other rounds of the table (lib/load-applications.mjs), loaded first');
  console.log('  --cpu-prof  a folder: write a V8 CPU profile of the API over the timed requests there (lib/cpu-profile.cjs) and print where its time went');
  process.exit(0);
}
const N = Number(args.n);
const OTHERS = Number(args.others);
if (!Number.isInteger(OTHERS) || OTHERS < 0) throw new Error(`--others must be a whole number, got "${args.others}"`);
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const CPU_PROF = args['cpu-prof'] ? resolve(args['cpu-prof']) : null;

const run = {
  child: null,
  dbUrl: null,
  adminUrl: null,
  dbName: null,
  dbCreated: false,
  workDir: null,
  redisPrefix: `jimukyoku_bench_sim_${Date.now()}`,
  cleaning: null,
  profileWritten: null,
  initialAdminPassword: `bench-first-${randomBytes(12).toString('base64url')}`,
};
const log = (m) => console.log(`[bench] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  const { Client } = require('pg');
  const database = await createDatabase('sim');
  Object.assign(run, { dbName: database.name, dbUrl: database.url, adminUrl: database.adminUrl, dbCreated: true });

  const api = await startApi();
  const adminToken = await loginChanging(api, 'admin@jimukyoku.example.jp', run.initialAdminPassword);
  const managerPassword = `bench-${randomBytes(8).toString('hex')}`;
  const created = await call(api, 'POST', '/api/users', {
    token: adminToken,
    body: { email: 'bench-manager@example.jp', name: '試験 管理者', role: 'manager' },
    expect: 201,
  });
  const managerToken = await loginChanging(api, 'bench-manager@example.jp', created.temporaryPassword ?? created.password, managerPassword);
  const ruleSets = await call(api, 'GET', `/api/rule-sets?filter=${encodeURIComponent(JSON.stringify({ q: 'restructuring.r3-sup' }))}`, {
    token: adminToken,
    expect: 200,
  });
  const ruleSet = ruleSets.filter((r) => r.code === 'restructuring.r3-sup').sort((a, b) => b.version - a.version)[0];
  const now = Date.now();
  const round = await call(api, 'POST', '/api/rounds', {
    token: managerToken,
    expect: 201,
    body: {
      programId: ruleSet.programId,
      ruleSetId: ruleSet.id,
      number: 98,
      name: '第98回公募 (シミュレーター性能試験)',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    },
  });
  const rubrics = await call(api, 'GET', `/api/review-rubrics?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`, {
    token: managerToken,
    expect: 200,
  });
  const rubric = rubrics.find((r) => r.categoryCode === 'restructuring.standard');

  const db = new Client({ connectionString: run.dbUrl });
  // dropping the database on Ctrl-C ends this connection: the clean-up goes on
  db.on('error', (e) => log(`bench connection: ${e.message}`));
  await db.connect();
  const t0 = process.hrtime.bigint();
  await loadScoredRound(db, { n: N, roundId: round.id, rubric });
  log(`loaded ${N.toLocaleString()} scored applications (${(3 * N).toLocaleString()} score sheets) in ${(ms(t0) / 1000).toFixed(1)} s`);
  if (OTHERS > 0) {
    const t1 = process.hrtime.bigint();
    const roundIds = await createLoaderRounds(
      (method, path, body) => call(api, method, path, { token: managerToken, body, expect: method === 'POST' ? 201 : 200 }),
      'シミュレーター性能試験の他の回',
    );
    await loadApplications(db, { n: OTHERS, roundIds, log });
    log(`loaded ${OTHERS.toLocaleString()} applications into four other rounds in ${(ms(t1) / 1000).toFixed(1)} s`);
  }
  const [{ tableSize }] = (await db.query(`SELECT count(*)::int AS "tableSize" FROM application`)).rows;
  const [{ total }] = (await db.query(`SELECT sum(quoted_amount)::bigint AS total FROM application WHERE round_id = $1`, [round.id])).rows;

  const rssBefore = memoryOf(run.child.pid);
  let rssFirst = rssBefore;
  if (CPU_PROF) run.child.kill('SIGWINCH'); // lib/cpu-profile.cjs: start

  // what-if: budgets from 10% to 60% of the quoted total
  const budgets = Array.from({ length: WARMUP + REQUESTS }, (_, i) => Math.floor(Number(total) * (0.1 + (0.5 * i) / (WARMUP + REQUESTS))));
  const timings = [];
  const cold = [];
  const failures = [];
  let previousAdopted = -1;
  let bytes = 0;
  for (const [i, budget] of budgets.entries()) {
    const t = process.hrtime.bigint();
    const res = await fetch(`${api}/api/rounds/${round.id}/ranking?categoryId=${rubric.categoryId}&budget=${budget}&waitlistCount=100`, {
      headers: { Authorization: `Bearer ${managerToken}` },
    });
    const text = await res.text();
    const elapsed = ms(t);
    if (res.status !== 200) throw new Error(`ranking answered ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text);
    if (i === 0) {
      cold.push(elapsed);
      rssFirst = memoryOf(run.child.pid);
    }
    if (i >= WARMUP) timings.push(elapsed);
    bytes = text.length;
    if (body.entryCount !== N || body.chart.finalScores.length !== N) failures.push(`ranked ${body.entryCount} of ${N}`);
    if (body.entries.some((e, k) => e.rank !== k + 1)) failures.push('ranks of the first page are not 1, 2, 3, …');
    if (body.simulation.totals.adoptedAmount > budget) failures.push(`adopted ${body.simulation.totals.adoptedAmount} > budget ${budget}`);
    if (body.simulation.totals.adopted < previousAdopted) failures.push(`budget ${budget} adopted fewer than a smaller budget`);
    previousAdopted = body.simulation.totals.adopted;
  }

  const rssWhatIf = memoryOf(run.child.pid);

  // a score changes (a manager reopens a sheet, the reviewer resubmits): the next answer is computed anew
  for (let k = 0; k < 3; k++) {
    await db.query(
      `UPDATE review_score SET total = total, updated_at = now() WHERE assignment_id = (SELECT assignment_id FROM review_score WHERE rubric_id = $1 LIMIT 1 OFFSET $2)`,
      [rubric.id, k],
    );
    const t = process.hrtime.bigint();
    const res = await fetch(`${api}/api/rounds/${round.id}/ranking?categoryId=${rubric.categoryId}&budget=${budgets[0]}`, {
      headers: { Authorization: `Bearer ${managerToken}` },
    });
    await res.text();
    cold.push(ms(t));
  }
  const rssAfter = memoryOf(run.child.pid);
  let profile = null;
  if (CPU_PROF) {
    const written = new Promise((r) => (run.profileWritten = r));
    run.child.kill('SIGWINCH'); // stop and write
    await Promise.race([written, sleep(30_000)]);
    profile = join(CPU_PROF, `api-${run.child.pid}.cpuprofile`);
  }

  // the pure part alone, on the same scores
  const domain = require('@jimukyoku/domain');
  const sheets = (await db.query(`SELECT application_id, reviewer_id, total::float8 AS total FROM review_score WHERE rubric_id = $1`, [rubric.id])).rows;
  const apps = (
    await db.query(`SELECT id, receipt_number, quoted_amount, prefecture, size_class, received_at FROM application WHERE round_id = $1`, [round.id])
  ).rows;
  const pure = [];
  for (let k = 0; k < 5; k++) {
    const t = process.hrtime.bigint();
    const byApp = new Map();
    for (const s of sheets)
      (byApp.get(s.application_id) ?? byApp.set(s.application_id, []).get(s.application_id)).push({ reviewerId: s.reviewer_id, total: s.total });
    const agg = domain.aggregateScores(
      [...byApp].map(([applicationId, reviews]) => ({ applicationId, reviews, bonus: 0 })),
      { normalise: true, disagreementThreshold: 10 },
    );
    const score = new Map(agg.map((a) => [a.applicationId, a]));
    const ranked = domain.rankApplications(
      apps.map((a) => ({
        applicationId: a.id,
        receiptNumber: a.receipt_number,
        finalScore: score.get(a.id).final,
        mean: score.get(a.id).mean,
        bonus: 0,
        receivedAt: a.received_at.toISOString(),
        quotedAmount: Number(a.quoted_amount),
        prefecture: a.prefecture,
        sizeClass: a.size_class,
      })),
    );
    domain.simulateAdoption(ranked, { budget: Math.floor(Number(total) * 0.4), waitlistCount: 100 });
    pure.push(ms(t));
  }
  await db.end();

  const sorted = [...timings].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  console.log('\n== adoption simulator: GET /api/rounds/:id/ranking ==');
  console.log(`machine            ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(
    `applications       ${N.toLocaleString()} in one round × category, ${(3 * N).toLocaleString()} submitted score sheets, ${REVIEWERS} reviewers, per-reviewer normalisation off (the rubric default)`,
  );
  console.log(`table              ${tableSize.toLocaleString()} applications in all (${OTHERS.toLocaleString()} in four other rounds)`);
  console.log(`requests           ${REQUESTS} timed (after ${WARMUP} warm-up), each a different budget`);
  console.log(
    `what-if (ms)       budget changed, scores unchanged (${REQUESTS}): min ${sorted[0].toFixed(0)}  p50 ${pct(50).toFixed(0)}  p95 ${pct(95).toFixed(0)}  max ${sorted[sorted.length - 1].toFixed(0)}`,
  );
  console.log(`recomputed (ms)    first request and after a score changed: ${cold.map((c) => c.toFixed(0)).join(', ')}  (max ${Math.max(...cold).toFixed(0)})`);
  const mib = (kb) => (kb === null ? '?' : `${(kb / 1024).toFixed(0)} MiB`);
  console.log(
    `API RSS            before the requests ${mib(rssBefore.rss)}; after the first (computed) ${mib(rssFirst.rss)} (peak ${mib(rssFirst.peak)}); after the what-ifs ${mib(rssWhatIf.rss)} (peak ${mib(rssWhatIf.peak)}); after the recomputations ${mib(rssAfter.rss)} (peak ${mib(rssAfter.peak)})`,
  );
  console.log(`response           ${(bytes / 1024).toFixed(0)} KiB JSON (every final score for the chart, the first 500 ranked applications)`);
  console.log(`libs/domain only   aggregate (normalised) + rank + simulate: p50 ${[...pure].sort((a, b) => a - b)[2].toFixed(0)} ms`);
  console.log(
    `checks             ${failures.length ? `FAILED: ${[...new Set(failures)].join('; ')}` : 'every application ranked; adopted within budget; larger budget never adopts fewer'}`,
  );
  // issue 17's targets for the what-if: p95 under 200 ms at 20,000 scored applications, under 1 s at 100,000
  const target = N <= 20_000 ? 200 : 1000;
  console.log(
    `verdict            what-if p95 ${pct(95).toFixed(0)} ms ${pct(95) < target ? 'under' : 'NOT under'} the ${target} ms target (issue 17: 200 ms at 20,000, 1 s at 100,000); recomputation max ${Math.max(...cold).toFixed(0)} ms (no target)`,
  );
  if (profile) {
    const { total: busy, byPackage, topSelf } = summariseProfile(profile, { top: 20 });
    const share = (v) => `${((100 * v) / busy).toFixed(1).padStart(5)}%`;
    console.log(`\nAPI CPU profile of the timed requests: ${profile} (busy ${(busy / 1000).toFixed(1)} s; node bench/lib/profile-summary.mjs <file> for more)`);
    console.log('  inclusive, by package or app folder:');
    for (const [k, v] of byPackage) console.log(`  ${share(v)}  ${k}`);
    console.log('  self time, by function:');
    for (const [k, v] of topSelf) console.log(`  ${share(v)}  ${k}`);
  }
  return failures.length ? 1 : 0;
}

async function startApi() {
  const port = await new Promise((r) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => r(p));
    });
  });
  run.workDir = mkdtempSync(join(tmpdir(), 'jimukyoku-bench-sim-'));
  const logPath = join(run.workDir, 'api.log');
  const logFile = createWriteStream(logPath);
  const env = {
    ...process.env,
    // what production refuses to start without, as sample values (lib/production-env.mjs)
    ...productionEnv(),
    INITIAL_ADMIN_PASSWORD: run.initialAdminPassword, // production has no fixed initial password
    DATABASE_URL: await appRoleUrl(ROOT, run.dbUrl),
    DATABASE_MIGRATION_URL: run.dbUrl,
    REDIS_PREFIX: run.redisPrefix,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WORKER_ENABLED: 'false',
    STORAGE_DIR: join(run.workDir, 'storage'),
  };
  if (CPU_PROF) {
    mkdirSync(CPU_PROF, { recursive: true });
    env.BENCH_CPU_PROFILE_DIR = CPU_PROF;
  }
  const profiling = CPU_PROF ? ['-r', join(ROOT, 'bench/lib/cpu-profile.cjs')] : [];
  run.child = spawn(process.execPath, [...profiling, join(ROOT, 'apps/api/dist/cli/start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolveReady, reject) => {
    run.child.stdout.on('data', (c) => {
      logFile.write(c);
      if (c.toString().includes('is running')) resolveReady();
      if (c.toString().includes('cpu profile written')) run.profileWritten?.();
    });
    run.child.stderr.on('data', (c) => logFile.write(c));
    run.child.once('exit', (code) => reject(new Error(`the API exited during startup (code ${code}); log:\n${readFileSync(logPath, 'utf8').slice(-3000)}`)));
    setTimeout(() => reject(new Error('the API did not start within 120 s')), 120_000).unref();
  });
  log(`API up on port ${port}`);
  return `http://127.0.0.1:${port}`;
}

/** The API process's resident set now and at its peak (kB, from /proc; null where unavailable). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') || null, peak: kb('VmHWM') || null };
  } catch {
    return { rss: null, peak: null };
  }
}

async function call(base, method, path, { token, body, expect } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (expect && res.status !== expect) throw new Error(`${method} ${path} answered ${res.status} (expected ${expect}): ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

async function loginChanging(base, email, password, newPassword = `bench-${randomBytes(12).toString('hex')}`) {
  const first = await call(base, 'POST', '/api/auth/login', { body: { email, password }, expect: 200 });
  if (!first.user.mustChangePassword) return first.accessToken;
  await call(base, 'POST', '/api/auth/password', { token: first.accessToken, body: { currentPassword: password, newPassword }, expect: 204 });
  return (await call(base, 'POST', '/api/auth/login', { body: { email, password: newPassword }, expect: 200 })).accessToken;
}

/** Once, however many ask (Ctrl-C stops the API, and the failing request then asks again). */
function cleanup() {
  run.cleaning ??= (async () => {
    if (run.child) await stopChild(run.child);
    // the queues' keys the API made at start-up, under its own prefix
    if (!args.keep) await removeRedisKeys(REDIS_URL, [run.redisPrefix]);
    if (run.dbCreated && !args.keep) await dropDatabase(run.adminUrl, run.dbName);
    if (run.workDir && !args.keep) rmSync(run.workDir, { recursive: true, force: true });
    if (args.keep) log(`kept: database ${run.dbName}, Redis prefix ${run.redisPrefix}, files in ${run.workDir}`);
  })();
  return run.cleaning;
}

cleanUpOnExit(cleanup, () => [run.child].filter(Boolean));

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`[bench] failed: ${e.stack ?? e}`);
    await cleanup().catch(() => undefined);
    process.exit(2);
  });
