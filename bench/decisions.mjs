#!/usr/bin/env node
/**
 * Decision benchmark (issue 17, target 4): the manager commits the 採択/補欠/不採択 decision of one round ×
 * category with `--n` scored applications through the HTTP API, then the 採択発表 releases the held notices.
 *
 *   1. a fresh database `jimukyoku_bench_dec_<epoch ms>`, the built API (apps/api/dist/cli/start.js,
 *      production mode, worker off), a manager and an open round created through the HTTP API;
 *   2. `--n` applications in 審査完了 with 3 submitted score sheets each, loaded by bulk SQL (the rows the
 *      scoring API writes, by lib/scored-round.mjs as for bench/review-simulator.mjs);
 *   3. the 応募締切 moved to now (PUT /api/rounds/:id: a decision waits for it); timed: GET the ranking
 *      (budget half the quoted total, 10 % 補欠), then POST /api/rounds/:id/decisions
 *      with its fingerprint, as the admin screen does — request to answer;
 *   4. checks in PostgreSQL: every application once in the state of its outcome, one decision audit record
 *      each, one held notice each (that record's, not released), the 採択 within the budget, the decision
 *      row and its own audit record;
 *   5. the 採択発表 (`--mail`, default `queued`): the built worker (apps/api/dist/worker.js) starts with a
 *      local SMTP sink and MAIL_RATE_PER_SECOND = `--rate`, announcementFrom is moved to now through the API
 *      (PUT /api/rounds/:id) and the dispatcher releases the held notices; timed until none is held and until
 *      every one is queued (`--mail sent`: until every one is sent, each Message-ID exactly once at the sink);
 *      the mails/s reached beside the rate; the audit chain sealed by the worker verified (audit:verify);
 *   6. clean-up, also on failure, Ctrl-C and the hard timeout: processes, database, Redis keys, temp folder.
 *
 *   npm run build && npm run bench -- decisions                 # 20,000 applications
 *   npm run bench -- decisions --n 3400 --cpu-prof /tmp/prof    # with a CPU profile of the API's commit
 *
 * Exit code: 0 every check passed, 1 a check failed, 2 the run itself failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appRoleUrl } from './lib/app-role.mjs';
import { peakRssMiB, postgresCpuSeconds, postgresCpuSince, processCpuSeconds, table } from './lib/measure.mjs';
import { productionEnv } from './lib/production-env.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { REDIS_URL, cleanUpOnExit, createDatabase, dropDatabase, removeRedisKeys, stopChild } from './lib/run-resources.mjs';
import { loadScoredRound } from './lib/scored-round.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

const OPTIONS = {
  n: { type: 'string', default: '20000', help: 'scored applications in the round × category the decision commits' },
  target: { type: 'string', default: '20', help: 'seconds the commit must take at most (issue 17: 20 s for 20,000)' },
  mail: {
    type: 'string',
    default: 'queued',
    help: 'the 採択発表: off (no release), queued (until every notice is queued), sent (until every mail is at the SMTP sink)',
  },
  rate: { type: 'string', default: '50', help: "the worker's MAIL_RATE_PER_SECOND (the app's default 50; 0 = unlimited)" },
  concurrency: { type: 'string', default: '10', help: "the worker's MAIL_CONCURRENCY" },
  'cpu-prof': {
    type: 'string',
    default: '',
    help: "a folder: write a V8 CPU profile of the API's commit there (lib/cpu-profile.cjs) and print where its time went",
  },
  timeout: { type: 'string', default: '1200', help: 'hard limit for the whole run, in seconds' },
  keep: { type: 'boolean', default: false, help: 'keep the database, Redis keys and logs for inspection' },
  help: { type: 'boolean', default: false, help: 'this text' },
};

class UsageError extends Error {}

function parseOptions(argv) {
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(Object.entries(OPTIONS).map(([k, v]) => [k, { type: v.type, default: v.default }])) });
  if (values.help) {
    console.log('Usage: npm run bench -- decisions [options]\n');
    for (const [k, v] of Object.entries(OPTIONS))
      console.log(`  --${k.padEnd(12)} ${v.help}${v.type === 'string' && v.default ? ` (default ${v.default})` : ''}`);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const x = Number(values[name]);
    if (!Number.isInteger(x) || x < min || x > max) throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got "${values[name]}"`);
    return x;
  };
  if (!['off', 'queued', 'sent'].includes(values.mail)) throw new UsageError(`--mail must be off, queued or sent, got "${values.mail}"`);
  return {
    n: int('n', 10, 200_000),
    target: Number(values.target),
    mail: values.mail,
    rate: int('rate', 0, 100_000),
    concurrency: int('concurrency', 1, 200),
    cpuProf: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
    timeoutSeconds: int('timeout', 30, 7200),
    keep: values.keep,
  };
}

/** The state each ranking outcome ends in, and the notice it holds (subsidy@1's adopt / waitlist / reject). */
const OUTCOME_STATE = { adopted: 'adopted', waitlisted: 'waitlisted', rejected: 'rejected' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => console.log(`[bench] ${line}`);
const now = () => performance.now();
const jst = (date) => `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;

// ---------------------------------------------------------------------------------------------------
// What the run created, removed whatever happens

const run = {
  dbName: null,
  adminUrl: null,
  dbCreated: false,
  redisUrl: REDIS_URL,
  prefix: `jimukyoku_bench_dec_${Date.now()}_${randomBytes(2).toString('hex')}`,
  children: [],
  workDir: null,
  keep: false,
  cleaning: null,
  sink: null,
  profileWritten: null,
};

function cleanup() {
  run.cleaning ??= (async () => {
    await Promise.all(run.children.map(stopChild));
    await run.sink?.close();
    if (run.keep) {
      log(`kept: database ${run.dbName}, Redis prefix ${run.prefix}, logs in ${run.workDir}`);
      return;
    }
    if (run.dbCreated) await dropDatabase(run.adminUrl, run.dbName);
    await removeRedisKeys(run.redisUrl, [run.prefix]);
    if (run.workDir) rmSync(run.workDir, { recursive: true, force: true });
  })();
  return run.cleaning;
}

cleanUpOnExit(cleanup, () => run.children);

// ---------------------------------------------------------------------------------------------------
// Database, processes, HTTP

async function createRunDatabase() {
  const db = await createDatabase('dec');
  Object.assign(run, { dbName: db.name, adminUrl: db.adminUrl, dbCreated: true });
  return db.url;
}

const freePort = () =>
  new Promise((r) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => r(p));
    });
  });

/** Starts a node script and resolves once it printed `readyText` (its output goes to a log file). */
async function startProcess(name, args, env, readyText, onLine) {
  const logPath = join(run.workDir, `${name}.log`);
  const logFile = createWriteStream(logPath);
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  run.children.push(child);
  const ready = new Promise((resolveReady, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      logFile.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(readyText)) resolveReady();
      onLine?.(chunk.toString());
    });
    child.stderr.on('data', (chunk) => logFile.write(chunk));
    child.once('exit', (code, signal) => reject(new Error(`${name} exited during startup (code ${code}, signal ${signal}); see ${logPath}`)));
  });
  await Promise.race([ready, sleep(120_000).then(() => Promise.reject(new Error(`${name} did not start within 120 s; see ${logPath}`)))]);
  return child;
}

async function call(base, method, path, { token, body, expect } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(900_000),
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

/** Polls until `done()` returns something truthy or the deadline passes; returns it. */
async function until(done, deadlineMs, what) {
  const deadline = now() + deadlineMs;
  for (;;) {
    const value = await done();
    if (value) return value;
    if (now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------------
// Checks after the commit

async function checkDecision(db, roundId, decision, budget) {
  const checks = [];
  const q = async (sql, params) => (await db.query(sql, params)).rows;
  const [{ entries, distinct }] = await q(
    `SELECT count(*)::int AS entries, count(DISTINCT r."applicationId")::int AS distinct
       FROM adoption_decision d CROSS JOIN LATERAL jsonb_to_recordset(d.ranking) AS r("applicationId" uuid) WHERE d.id = $1`,
    [decision.id],
  );
  const [{ apps }] = await q(`SELECT count(*)::int AS apps FROM application WHERE round_id = $1`, [roundId]);
  checks.push([
    entries === apps && distinct === apps,
    `the decision's ranking names every application of the round once (${distinct} distinct of ${entries} entries, ${apps} applications)`,
  ]);
  const [{ wrong }] = await q(
    `SELECT count(*)::int AS wrong
       FROM adoption_decision d CROSS JOIN LATERAL jsonb_to_recordset(d.ranking) AS r("applicationId" uuid, outcome text)
       JOIN application a ON a.id = r."applicationId"
      WHERE d.id = $1 AND a.status IS DISTINCT FROM ($2::jsonb ->> r.outcome)`,
    [decision.id, JSON.stringify(OUTCOME_STATE)],
  );
  const byState = Object.fromEntries(
    (await q(`SELECT status, count(*)::int AS n FROM application WHERE round_id = $1 GROUP BY status`, [roundId])).map((r) => [r.status, r.n]),
  );
  checks.push([
    wrong === 0 &&
      byState.adopted === decision.totals.adopted &&
      (byState.waitlisted ?? 0) === decision.totals.waitlisted &&
      (byState.rejected ?? 0) === decision.totals.rejected &&
      Object.keys(byState).length <= 3,
    `every application in the state of its outcome (${JSON.stringify(byState)}; ${wrong} differ from the ranking)`,
  ]);
  // one decision audit record per application, from 審査完了 to the state it is in, with its rank
  const [audit] = await q(
    `SELECT count(*)::int AS records, count(DISTINCT l.entity_id)::int AS apps,
            count(*) FILTER (WHERE l.to_status IS DISTINCT FROM a.status OR l.from_status <> 'reviewed' OR (l.changes->>'rank') IS NULL)::int AS wrong
       FROM audit_log l JOIN application a ON a.id::text = l.entity_id
      WHERE l.entity_type = 'application' AND a.round_id = $1 AND l.changes->>'decision' = 'adoption.commit'`,
    [roundId],
  );
  checks.push([
    audit.records === apps && audit.apps === apps && audit.wrong === 0,
    `one decision audit record per application (${audit.records} records for ${audit.apps} applications, ${audit.wrong} wrong)`,
  ]);
  const [{ own }] = await q(`SELECT count(*)::int AS own FROM audit_log WHERE action = 'adoption.commit' AND entity_id = $1`, [decision.id]);
  checks.push([own === 1, `one adoption.commit audit record for the decision itself (${own})`]);
  // one held notice per application, carrying that audit record, of the outcome's template
  const [notes] = await q(
    `SELECT count(*)::int AS notes, count(DISTINCT n.application_id)::int AS apps,
            count(*) FILTER (WHERE n.status <> 'held' OR NOT n.held_until_announcement)::int AS released,
            count(*) FILTER (WHERE l.id IS NULL OR l.entity_id <> n.application_id::text OR n.template <> a.status)::int AS wrong
       FROM notification n JOIN application a ON a.id = n.application_id LEFT JOIN audit_log l ON l.id = n.audit_id
      WHERE a.round_id = $1`,
    [roundId],
  );
  checks.push([
    notes.notes === apps && notes.apps === apps && notes.released === 0 && notes.wrong === 0,
    `one held notice per application, none released (${notes.notes} notices for ${notes.apps} applications, ${notes.released} not held, ${notes.wrong} not of their audit record or outcome)`,
  ]);
  const [{ adoptedAmount }] = await q(
    `SELECT coalesce(sum(quoted_amount), 0)::bigint::text AS "adoptedAmount" FROM application WHERE round_id = $1 AND status = 'adopted'`,
    [roundId],
  );
  checks.push([
    Number(adoptedAmount) <= budget && Number(adoptedAmount) === decision.totals.adoptedAmount,
    `the 採択 within the budget (${Number(adoptedAmount).toLocaleString()} of ${budget.toLocaleString()} yen)`,
  ]);
  return { checks, notices: notes.notes };
}

// ---------------------------------------------------------------------------------------------------

async function main(o) {
  for (const f of ['apps/api/dist/cli/start.js', 'apps/api/dist/worker.js', 'apps/api/dist/database/migrate.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  console.log(
    `Decision benchmark: ${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cores (${cpu})  load average ${loadavg()[0].toFixed(2)}`,
  );
  console.log(
    `plan: ${o.n} scored applications in one round × category; the decision through the API; 採択発表 ${o.mail === 'off' ? 'skipped' : `until ${o.mail}, MAIL_RATE_PER_SECOND=${o.rate}`}\n`,
  );
  run.workDir = mkdtempSync(join(tmpdir(), 'jimukyoku-bench-dec-'));
  const databaseUrl = await createRunDatabase();
  const appUrl = await appRoleUrl(ROOT, databaseUrl);
  const initialAdminPassword = `bench-first-${randomBytes(12).toString('base64url')}`;
  const env = {
    ...productionEnv(),
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: databaseUrl,
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.prefix,
    STORAGE_DIR: join(run.workDir, 'storage'),
  };
  const port = await freePort();
  if (o.cpuProf) mkdirSync(o.cpuProf, { recursive: true });
  const api = await startProcess(
    'api',
    [...(o.cpuProf ? ['-r', join(ROOT, 'bench/lib/cpu-profile.cjs')] : []), join(ROOT, 'apps/api/dist/cli/start.js')],
    {
      ...env,
      ...(o.cpuProf ? { BENCH_CPU_PROFILE_DIR: o.cpuProf } : {}),
      INITIAL_ADMIN_PASSWORD: initialAdminPassword,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      WORKER_ENABLED: 'false',
    },
    'is running',
    (text) => {
      if (text.includes('cpu profile written')) run.profileWritten?.();
    },
  );
  const base = `http://127.0.0.1:${port}`;
  log(`API up on port ${port} (pid ${api.pid})`);

  const adminToken = await loginChanging(base, 'admin@jimukyoku.example.jp', initialAdminPassword);
  const created = await call(base, 'POST', '/api/users', {
    token: adminToken,
    body: { email: 'bench-manager@example.jp', name: '試験 管理者', role: 'manager' },
    expect: 201,
  });
  const managerToken = await loginChanging(base, 'bench-manager@example.jp', created.temporaryPassword ?? created.password);
  const ruleSets = await call(base, 'GET', `/api/rule-sets?filter=${encodeURIComponent(JSON.stringify({ q: 'restructuring.r3-sup' }))}`, {
    token: adminToken,
    expect: 200,
  });
  const ruleSet = ruleSets.filter((r) => r.code === 'restructuring.r3-sup').sort((a, b) => b.version - a.version)[0];
  if (!ruleSet) throw new Error('rule set restructuring.r3-sup not found (was the reference catalogue loaded?)');
  const t = Date.now();
  const round = await call(base, 'POST', '/api/rounds', {
    token: managerToken,
    expect: 201,
    body: {
      programId: ruleSet.programId,
      ruleSetId: ruleSet.id,
      number: 96,
      name: '第96回公募 (採択確定の性能試験)',
      opensAt: jst(new Date(t - 86_400_000)),
      closesAt: jst(new Date(t + 86_400_000)),
    },
  });
  const rubrics = await call(base, 'GET', `/api/review-rubrics?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`, {
    token: managerToken,
    expect: 200,
  });
  const rubric = rubrics.find((r) => r.categoryCode === 'restructuring.standard');
  if (!rubric) throw new Error('no review rubric for restructuring.standard in the bench round');

  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const loadT0 = now();
    await loadScoredRound(db, { n: o.n, roundId: round.id, rubric });
    const [{ amount }] = (await db.query(`SELECT sum(quoted_amount)::bigint::text AS amount FROM application WHERE round_id = $1`, [round.id])).rows;
    log(`loaded ${o.n.toLocaleString()} scored applications (${(3 * o.n).toLocaleString()} score sheets) in ${((now() - loadT0) / 1000).toFixed(1)} s`);

    // ---- the decision, as the admin screen commits it after the 応募締切: the ranking it shows, then the commit with its fingerprint
    await call(base, 'PUT', `/api/rounds/${round.id}`, { token: managerToken, body: { closesAt: jst(new Date(Date.now() - 1_000)) }, expect: 200 });
    const limits = { categoryId: rubric.categoryId, budget: Math.floor(Number(amount) / 2), quota: null, waitlistCount: Math.floor(o.n / 10) };
    const rankingT0 = now();
    const ranking = await call(
      base,
      'GET',
      `/api/rounds/${round.id}/ranking?categoryId=${limits.categoryId}&budget=${limits.budget}&quota=null&waitlistCount=${limits.waitlistCount}&limit=1`,
      { token: managerToken, expect: 200 },
    );
    const rankingS = (now() - rankingT0) / 1000;
    const load0 = loadavg()[0];
    const apiCpu0 = processCpuSeconds(api.pid);
    const pg0 = postgresCpuSeconds(run.dbName);
    if (o.cpuProf) api.kill('SIGWINCH'); // lib/cpu-profile.cjs: start
    log(`committing the decision of ${o.n.toLocaleString()} applications through POST /api/rounds/:id/decisions`);
    const commitT0 = now();
    const decision = await call(base, 'POST', `/api/rounds/${round.id}/decisions`, {
      token: managerToken,
      body: { ...limits, fingerprint: ranking.fingerprint },
      expect: 201,
    });
    const commitS = (now() - commitT0) / 1000;
    const commitCpu = { api: processCpuSeconds(api.pid) - apiCpu0, pg: postgresCpuSince(pg0, run.dbName) };
    let profile = null;
    if (o.cpuProf) {
      const written = new Promise((r) => (run.profileWritten = r));
      api.kill('SIGWINCH'); // stop and write
      await Promise.race([written, sleep(30_000)]);
      profile = join(o.cpuProf, `api-${api.pid}.cpuprofile`);
    }
    const apiPeak = peakRssMiB(api.pid);
    log(
      `committed in ${commitS.toFixed(1)} s: ${decision.totals.adopted} 採択, ${decision.totals.waitlisted} 補欠, ${decision.totals.rejected} 不採択; checking in PostgreSQL`,
    );
    const { checks, notices } = await checkDecision(db, round.id, decision, limits.budget);
    checks.push([commitS <= o.target, `the commit within ${o.target} s (${commitS.toFixed(1)} s)`]);

    // ---- the 採択発表: the worker's dispatcher releases the held notices once announcementFrom has come
    let release = null;
    if (o.mail !== 'off') {
      const sink = (run.sink = await startSmtpSink());
      const worker = await startProcess(
        'worker',
        [join(ROOT, 'apps/api/dist/worker.js')],
        { ...env, LOG_LEVEL: 'info', SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: String(o.rate), MAIL_CONCURRENCY: String(o.concurrency) },
        'worker started',
      );
      log(`worker up (pid ${worker.pid}), SMTP sink on ${sink.url}; the 採択発表: announcementFrom moved to now through the API`);
      const workerCpu0 = processCpuSeconds(worker.pid);
      const announceT0 = now();
      await call(base, 'PUT', `/api/rounds/${round.id}`, { token: managerToken, body: { announcementFrom: jst(new Date(Date.now() - 1_000)) }, expect: 200 });
      const counts = async () =>
        Object.fromEntries(
          (
            await db.query(
              `SELECT n.status, count(*)::int AS c FROM notification n JOIN application a ON a.id = n.application_id WHERE a.round_id = $1 GROUP BY n.status`,
              [round.id],
            )
          ).rows.map((r) => [r.status, r.c]),
        );
      let lastReport = now();
      const progress = (c) => {
        if (now() - lastReport > 10_000) {
          lastReport = now();
          log(`採択発表: ${JSON.stringify(c)}, ${sink.total} at the sink`);
        }
      };
      const deadline = o.timeoutSeconds * 1000;
      await until(async () => ((await counts()).held ?? 0) === 0, deadline, 'the held notices to be released');
      const releasedS = (now() - announceT0) / 1000;
      await until(
        async () => {
          const c = await counts();
          progress(c);
          return (c.held ?? 0) + (c.pending ?? 0) === 0;
        },
        deadline,
        'every released notice to be queued',
      );
      const queuedS = (now() - announceT0) / 1000;
      const sentAtQueued = sink.total;
      let sentS = null;
      let final = await counts();
      if (o.mail === 'sent') {
        final = await until(
          async () => {
            const c = await counts();
            progress(c);
            return (c.sent ?? 0) + (c.failed ?? 0) >= notices && sink.total >= (c.sent ?? 0) ? c : null;
          },
          deadline,
          'every mail to be sent',
        );
        sentS = (sink.lastAt - announceT0) / 1000;
      }
      // the worker seals the audit chain on its schedule: wait for the queue to empty, then verify it
      await until(async () => (await db.query(`SELECT count(*)::int AS n FROM audit_seal_queue`)).rows[0].n === 0, deadline, 'the audit seal queue to empty');
      const verify = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/cli/audit-verify.js'), appUrl], { encoding: 'utf8' });
      const workerCpu = processCpuSeconds(worker.pid) - workerCpu0;
      const workerPeak = peakRssMiB(worker.pid);
      const [dup] = (
        await db.query(
          `SELECT count(*)::int AS notes, count(DISTINCT n.application_id)::int AS apps, count(DISTINCT n.message_id)::int AS ids
             FROM notification n JOIN application a ON a.id = n.application_id WHERE a.round_id = $1`,
          [round.id],
        )
      ).rows;
      checks.push([
        (final.held ?? 0) === 0 && dup.notes === notices && dup.apps === notices && dup.ids === notices,
        `the 採択発表 released each notice exactly once (${JSON.stringify(final)}; ${dup.ids} distinct Message-IDs for ${dup.notes} notices)`,
      ]);
      if (o.mail === 'sent') {
        const twice = [...sink.counts.values()].filter((c) => c > 1).length;
        checks.push([
          sink.counts.size === notices && twice === 0 && sink.withoutId === 0 && (final.sent ?? 0) === notices,
          `every mail at the sink exactly once and recorded sent (${sink.counts.size} Message-IDs, ${twice} twice, ${final.sent ?? 0} sent)`,
        ]);
      }
      checks.push([
        verify.status === 0,
        `audit hash chain intact after the worker sealed the decision's records (audit:verify exit ${verify.status}${verify.status ? `: ${(verify.stderr || verify.stdout).trim().slice(0, 300)}` : ''})`,
      ]);
      release = {
        releasedS,
        queuedS,
        sentAtQueued,
        sentS,
        workerCpu,
        workerPeak,
        firstMailS: sink.firstAt ? (sink.firstAt - announceT0) / 1000 : null,
        sent: sink.total,
      };
    }

    // ---- report
    const f = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));
    console.log('');
    console.log(
      table(
        [
          ['', 'figure'],
          ['applications decided', o.n],
          ['採択 / 補欠 / 不採択', `${decision.totals.adopted} / ${decision.totals.waitlisted} / ${decision.totals.rejected}`],
          ['GET ranking before the commit (s)', f(rankingS, 2)],
          ['POST decisions: request to answer (s)', f(commitS, 2)],
          ['  per application (ms)', f((1000 * commitS) / o.n, 2)],
          ['  API CPU / PostgreSQL CPU (s)', `${f(commitCpu.api)} / ${f(commitCpu.pg)}`],
          ['  load average before', f(load0, 2)],
          ['API peak RSS, VmHWM (MiB)', f(apiPeak, 0)],
          ...(release
            ? [
                ['採択発表: none held any more (s)', f(release.releasedS, 2)],
                ['採択発表: every notice queued (s)', f(release.queuedS, 2)],
                ['  mails at the sink by then', release.sentAtQueued],
                [
                  '  mails/s so far (first mail to every notice queued)',
                  release.firstMailS === null ? '-' : f(release.sentAtQueued / (release.queuedS - release.firstMailS), 0),
                ],
                ['採択発表: first mail at the sink (s)', f(release.firstMailS, 2)],
                ...(release.sentS !== null
                  ? [
                      ['採択発表: last mail at the sink (s)', f(release.sentS, 1)],
                      [`  mails/s (MAIL_RATE_PER_SECOND ${o.rate || 'unlimited'})`, f(notices / release.sentS, 0)],
                      ['  at the mail rate it would take (s)', o.rate ? f(notices / o.rate, 0) : '-'],
                    ]
                  : [[`  at MAIL_RATE_PER_SECOND ${o.rate || 'unlimited'} all would be sent after (s)`, o.rate ? f(notices / o.rate, 0) : '-']]),
                ['worker CPU during the 採択発表 (s)', f(release.workerCpu)],
                ['worker peak RSS, VmHWM (MiB)', f(release.workerPeak, 0)],
              ]
            : []),
        ],
        ['l', 'r'],
      ),
    );
    if (profile) {
      const { total, byPackage, topSelf } = summariseProfile(profile, { top: 20 });
      const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
      console.log(`\nAPI CPU profile of the commit: ${profile} (busy ${(total / 1000).toFixed(1)} s; node bench/lib/profile-summary.mjs <file> for more)`);
      console.log('  inclusive, by package or app folder:');
      for (const [k, v] of byPackage) console.log(`  ${pct(v)}  ${k}`);
      console.log('  self time, by function:');
      for (const [k, v] of topSelf) console.log(`  ${pct(v)}  ${k}`);
    }
    console.log('');
    for (const [ok, what] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
    const failed = checks.filter(([ok]) => !ok).length;
    console.log(failed ? `\nRESULT: FAIL (${failed} of ${checks.length} checks)` : `\nRESULT: PASS (${checks.length} checks)`);
    return failed ? 1 : 0;
  } finally {
    await db.end();
  }
}

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
run.keep = options.keep;
const hard = setTimeout(() => {
  console.error(`[bench] hard timeout (${options.timeoutSeconds} s): stopping`);
  cleanup().finally(() => process.exit(2));
}, options.timeoutSeconds * 1000);
hard.unref();
main(options)
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`[bench] failed: ${e.stack ?? e}`);
    await cleanup().catch(() => undefined);
    process.exit(2);
  });
