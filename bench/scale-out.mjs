#!/usr/bin/env node
/**
 * Scale-out test: the product on more than one process, as it runs past one machine.
 *
 *   HAProxy (Debian's `haproxy`, generated config: round robin, health check GET /api/health)
 *     → two API processes (apps/api/dist/main.js, WORKER_ENABLED=false, their own ports)
 *   two workers (apps/api/dist/worker.js), one PostgreSQL database and one Redis prefix for all four,
 *   one attachment folder (STORAGE_DIR) for both APIs, a local SMTP sink that also answers the
 *   workers' delivery lookup (SMTP_RECONCILE_URL, Mailpit's search API).
 *
 * (a) intake through the load balancer: `--n` submissions, each under its own Idempotency-Key, from
 *     `--concurrency` clients that resend the same key and body on a transport error, a 5xx or a 429,
 *     as a portal does; one API process is killed with SIGKILL mid-run and started again.
 * (b) a 採択発表: the round's applications (the intake's, plus `--extra` loaded directly as 審査完了)
 *     are scored, the manager commits the decision through the API (GET ranking → POST decisions,
 *     notices held), then moves the 採択発表 to now (PUT /api/rounds/:id): the dispatchers release the
 *     held notices and the two workers mail them; one worker is killed with SIGKILL mid-run and
 *     started again.
 *
 * Checks (exit 1 on a miss): no duplicate 受付番号; every key answered 201 has exactly one row, and
 * every submission was answered 201 in the end; no Message-ID delivered twice at the sink and every
 * notification `sent`; the BullMQ job schedulers ran once per tick for the whole installation (one
 * job per scheduler and tick in Redis, ticks `every` apart, not one per worker), a round that closed
 * during the run was closed (and audited) once, and the audit hash chain the two workers seal is intact.
 * Fresh database, Redis prefix and storage per run; all removed at the end, also on failure or Ctrl-C.
 * Exit code: 0 all checks passed, 1 a check failed, 2 the run itself failed (haproxy missing, setup).
 *
 *   apt-get install -y haproxy && npm run build && npm run bench -- scale-out
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appRoleUrl } from './lib/app-role.mjs';
import { peakRssMiB, postgresCpuSeconds, postgresCpuSince, processCpuSeconds, table } from './lib/measure.mjs';
import { productionEnv } from './lib/production-env.mjs';
import { REDIS_URL, cleanUpOnExit, createDatabase, dropDatabase, removeRedisKeys, stopChild } from './lib/run-resources.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

const OPTIONS = {
  n: { type: 'string', default: '400', help: 'intake submissions through the load balancer (each a distinct 法人番号 and key)' },
  concurrency: { type: 'string', default: '32', help: 'concurrent intake clients' },
  extra: {
    type: 'string',
    default: '3000',
    help: 'applications loaded directly as 審査完了 beside the intake ones, so the 採択発表 lasts long enough to kill a worker in it',
  },
  'mail-concurrency': { type: 'string', default: '10', help: 'MAIL_CONCURRENCY of each worker' },
  timeout: { type: 'string', default: '900', help: 'hard limit for the whole run, in seconds' },
  keep: { type: 'boolean', default: false, help: 'keep the database, Redis keys and logs for inspection' },
  help: { type: 'boolean', default: false, help: 'this text' },
};

class UsageError extends Error {}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([k, v]) => [k, { type: v.type, default: v.default }])),
    strict: true,
  });
  if (values.help) {
    console.log('Usage: node bench/scale-out.mjs [options]   (needs haproxy on PATH: apt-get install -y haproxy)\n');
    for (const [k, v] of Object.entries(OPTIONS)) console.log(`  --${k.padEnd(18)} ${v.help}${v.type === 'string' ? ` (default ${v.default})` : ''}`);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const x = Number(values[name]);
    if (!Number.isInteger(x) || x < min || x > max) throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got "${values[name]}"`);
    return x;
  };
  return {
    n: int('n', 20, 100_000),
    concurrency: int('concurrency', 1, 500),
    extra: int('extra', 0, 200_000),
    mailConcurrency: int('mail-concurrency', 1, 200),
    timeoutSeconds: int('timeout', 60, 7200),
    keep: values.keep,
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => console.log(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}`);
const now = () => performance.now();
/** A JST wall-clock instant with its offset, as the API wants it. */
const jst = (date) => `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;

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
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await worker(items[i], i);
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// What the run created, removed whatever happens

const run = {
  dbName: null,
  adminUrl: null,
  dbCreated: false,
  redisUrl: REDIS_URL,
  redisPrefix: null,
  children: new Set(),
  workDir: null,
  keep: false,
  cleaning: null,
  sink: null,
};

function cleanup() {
  run.cleaning ??= (async () => {
    await Promise.all([...run.children].map(stopChild));
    await run.sink?.close();
    if (run.keep) {
      log(`kept: database ${run.dbName}, Redis prefix ${run.redisPrefix}, logs and storage in ${run.workDir}`);
      return;
    }
    if (run.dbCreated) await dropDatabase(run.adminUrl, run.dbName);
    if (run.redisPrefix) await removeRedisKeys(run.redisUrl, [run.redisPrefix]);
    if (run.workDir) rmSync(run.workDir, { recursive: true, force: true });
  })();
  return run.cleaning;
}

cleanUpOnExit(cleanup, () => run.children);

// ---------------------------------------------------------------------------------------------------
// Processes

/** Spawns `cmd args` with its output in `<workDir>/<name>.log`; resolves once `ready()` says so. */
async function startProcess(name, cmd, args, env, ready, what = name) {
  const logPath = join(run.workDir, `${name}.log`);
  const logFile = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  run.children.add(child);
  child.once('exit', () => run.children.delete(child));
  let seen = '';
  child.stdout.on('data', (chunk) => {
    logFile.write(chunk);
    seen = (seen + chunk.toString()).slice(-8192);
  });
  child.stderr.on('data', (chunk) => logFile.write(chunk));
  const exited = new Promise((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`${what} exited during startup (code ${code}, signal ${signal}); see ${logPath}:\n${tail(logPath)}`)),
    ),
  );
  exited.catch(() => undefined);
  const deadline = now() + 120_000;
  for (;;) {
    if (await ready(() => seen)) break;
    if (child.exitCode !== null || child.signalCode !== null) await exited;
    if (now() > deadline) throw new Error(`${what} did not start within 120 s; see ${logPath}`);
    await Promise.race([sleep(200), exited]);
  }
  child.logPath = logPath;
  return child;
}

function tail(path, lines = 20) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const healthy = async (base) => {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
};

function startApi(name, port, env) {
  return startProcess(name, process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { ...env, PORT: String(port), WORKER_ENABLED: 'false' }, () =>
    healthy(`http://127.0.0.1:${port}`),
  );
}

function startWorker(name, env) {
  // info: the worker announces itself with 'worker started' at that level
  return startProcess(name, process.execPath, [join(ROOT, 'apps/api/dist/worker.js')], { ...env, LOG_LEVEL: 'info' }, (seen) =>
    seen().includes('worker started'),
  );
}

function haproxyConfig({ port, statsPort, apis }) {
  return `# generated by bench/scale-out.mjs
global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # a connection refused (a dead API) is tried again, on the other server: safe for a POST, nothing was sent
  retries 3
  option redispatch

frontend intake
  bind 127.0.0.1:${port}
  default_backend apis

backend apis
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
${apis.map((a) => `  server ${a.name} 127.0.0.1:${a.port} check`).join('\n')}

listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
}

/** Requests each API answered (HAProxy's per-server session totals) and its state. */
async function haproxyStats(statsPort) {
  const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
  const [header, ...lines] = csv.replace(/^# /, '').trim().split('\n');
  const cols = header.split(',');
  return lines
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])))
    .filter((r) => r.pxname === 'apis' && r.svname !== 'BACKEND' && r.svname !== 'FRONTEND')
    .map((r) => ({ name: r.svname, sessions: Number(r.stot), status: r.status, downs: Number(r.chkdown), responses5xx: Number(r.hrsp_5xx) }));
}

// ---------------------------------------------------------------------------------------------------
// HTTP through the load balancer

async function api(base, method, path, { token, body, expect } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  if (expect && res.status !== expect) throw new Error(`${method} ${path} answered ${res.status} (expected ${expect}): ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

async function loginChanging(base, email, password) {
  const first = await api(base, 'POST', '/api/auth/login', { body: { email, password }, expect: 200 });
  if (!first.user.mustChangePassword) return first.accessToken;
  const newPassword = `bench-${randomBytes(12).toString('hex')}`;
  await api(base, 'POST', '/api/auth/password', { token: first.accessToken, body: { currentPassword: password, newPassword }, expect: 204 });
  return (await api(base, 'POST', '/api/auth/login', { body: { email, password: newPassword }, expect: 200 })).accessToken;
}

const REQUIRED_KINDS = ['businessPlan', 'advisorConfirmation', 'salesEvidence'];
const DECLINING_SALES = ['04', '05', '06', '07', '08', '09'].flatMap((m) => [
  { month: `2019-${m}`, amount: 10_000_000 },
  { month: `2020-${m}`, amount: 8_000_000 },
]);

function payload(roundId, corporateNumber, attachmentIds, i) {
  return {
    roundId,
    categoryCode: 'restructuring.standard',
    applicant: {
      kind: 'corporation',
      name: `株式会社分散試験${i}`,
      corporateNumber,
      sizeClass: 'sme',
      employeeCount: 30,
      capital: 30_000_000,
      prefecture: '北海道',
      industry: 'manufacturing',
      email: `scale${i}@example.jp`,
      contactPerson: '分散 太郎',
      monthlySales: DECLINING_SALES,
    },
    plan: { title: 'EV向け部品への新分野展開', summary: 'ガソリン車向け部品から電気自動車向け部品へ' },
    certifiedAdvisor: { name: '北海道経営支援センター', id: '106213000000' },
    expenses: [{ expenseType: 'machinery', amount: 30_000_000, description: '5軸加工機' }],
    requestedAmount: 20_000_000,
    attachmentIds,
  };
}

async function uploadAttachments(base, apiKey, count) {
  const sets = Array.from({ length: count }, () => []);
  const tasks = sets.flatMap((set, i) => REQUIRED_KINDS.map((kind) => ({ set, kind, i })));
  await pool(tasks, 16, async (task) => {
    const form = new FormData();
    form.set('kind', task.kind);
    const pdf = Buffer.from(`%PDF-1.4\n% jimukyoku scale-out attachment ${task.i}.${task.kind}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
    form.set('file', new Blob([pdf], { type: 'application/pdf' }), `${task.kind}.pdf`);
    const res = await fetch(`${base}/api/intake/attachments`, {
      method: 'POST',
      headers: { 'X-Api-Key': apiKey },
      body: form,
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    task.set.push(body.id);
  });
  return sets;
}

/**
 * One submission as a portal sends it: resent under the same key and body after a transport error, a
 * 5xx (502 from the balancer while an API dies, 503 BUSY from the intake gate) or a 429, until it gets
 * an answer that is final (2xx or another 4xx). Every attempt is recorded.
 */
async function submitWithRetries(ctx, sub) {
  for (let attempt = 1; ; attempt++) {
    const t0 = now();
    let status = 0;
    let answer = null;
    let error = null;
    try {
      const res = await fetch(`${ctx.base}/api/intake/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': ctx.apiKey, 'Idempotency-Key': sub.key },
        body: JSON.stringify(sub.body),
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      const text = await res.text();
      try {
        answer = JSON.parse(text);
      } catch {
        answer = { raw: text.slice(0, 200) };
      }
      if (res.headers.get('idempotent-replayed') === 'true') sub.replayed = true;
    } catch (e) {
      error = `${e.name}: ${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
      answer = { transportError: error };
    }
    ctx.attempts.push({ status, ms: now() - t0, at: now(), error });
    if (status === 0 || status >= 500 || status === 429) {
      if (attempt >= 30) {
        sub.final = { status, answer };
        return;
      }
      await sleep(Math.min(2_000, 100 * attempt));
      continue;
    }
    sub.final = { status, answer };
    sub.attemptCount = attempt;
    ctx.done++;
    return;
  }
}

// ---------------------------------------------------------------------------------------------------

async function createRunDatabase() {
  const db = await createDatabase('scale');
  Object.assign(run, { dbName: db.name, adminUrl: db.adminUrl, dbCreated: true });
  return db.url;
}

/** The scoring the review module leaves behind, written in bulk: every application of the round 審査完了 with three submitted score sheets. */
async function scoreRound(db, roundId, categoryId, rubricId, extra) {
  const REVIEWERS = 30;
  await db.query(
    `INSERT INTO staff_user (email, name, role, organisation, password_hash)
     SELECT 'scale-reviewer' || g || '@example.jp', '審査員 ' || g, 'reviewer', '審査法人' || g, 'x' FROM generate_series(1, ${REVIEWERS}) g`,
  );
  await db.query(
    `INSERT INTO application (round_id, category_id, receipt_number, status, workflow_code, workflow_version, applicant_kind, applicant_name,
                              size_class, employee_count, prefecture, email, quoted_amount, received_at, claimed_bonus_items)
     SELECT $1, $2, 'SX' || lpad(g::text, 8, '0'), 'reviewed', 'subsidy', 1, 'corporation', '株式会社分散試験追加' || g,
            'sme', 10 + g % 90, '東京都', 'scale-extra' || g || '@example.jp',
            5000000 + (g * 7919 % 50) * 500000, now() - make_interval(secs => g), '[]'::jsonb
       FROM generate_series(1, $3::int) g`,
    [roundId, categoryId, extra],
  );
  await db.query(`UPDATE application SET status = 'reviewed' WHERE round_id = $1`, [roundId]);
  await db.query(
    `WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM staff_user WHERE role = 'reviewer' AND email LIKE 'scale-reviewer%'),
          a AS (SELECT id, row_number() OVER (ORDER BY receipt_number) AS n FROM application WHERE round_id = $1)
     INSERT INTO application_assignment (application_id, reviewer_id, purpose, submitted_at)
     SELECT a.id, r.id, 'review', now() FROM a CROSS JOIN generate_series(0, 2) j JOIN r ON r.k = (a.n + j * 7) % ${REVIEWERS}`,
    [roundId],
  );
  await db.query(
    `INSERT INTO review_score (assignment_id, application_id, reviewer_id, rubric_id, scores, confirmed_bonus, total, status, submitted_at)
     SELECT x.id, x.application_id, x.reviewer_id, $2, jsonb_build_object('commercialization', s.c1, 'restructuring', s.c2, 'policy', s.c3),
            '[]'::jsonb, s.c1 * 4 + s.c2 * 4 + s.c3 * 2, 'submitted', now()
       FROM application_assignment x JOIN application a ON a.id = x.application_id
      CROSS JOIN LATERAL (SELECT floor(random() * 6)::int AS c1, floor(random() * 6)::int AS c2, floor(random() * 6)::int AS c3 OFFSET 0) s
      WHERE a.round_id = $1`,
    [roundId, rubricId],
  );
  await db.query(`UPDATE review_rubric SET frozen_at = now() WHERE id = $1`, [rubricId]);
  await db.query('ANALYZE');
}

/** Polls until `done()` returns something truthy, or throws after `ms`. */
async function until(done, ms, what) {
  const deadline = now() + ms;
  for (;;) {
    const value = await done();
    if (value) return value;
    if (now() > deadline) throw new Error(`timed out after ${(ms / 1000).toFixed(0)} s waiting for ${what}`);
    await sleep(250);
  }
}

async function main() {
  let o;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  run.keep = o.keep;
  if (spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).error) {
    console.error(
      'haproxy is not on PATH: the scale-out test runs two APIs behind a real HAProxy. Install it (Debian/Ubuntu: `apt-get install -y haproxy`, the package `haproxy`) and run again.',
    );
    return 2;
  }
  for (const f of ['apps/api/dist/main.js', 'apps/api/dist/worker.js', 'apps/api/dist/cli/start.js', 'apps/api/dist/database/migrate.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const hard = setTimeout(() => {
    console.error(`[bench] hard timeout (${o.timeoutSeconds} s): stopping`);
    cleanup().finally(() => process.exit(2));
  }, o.timeoutSeconds * 1000);
  hard.unref();

  const haproxyVersion = spawnSync('haproxy', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0];
  console.log(
    `Scale-out: ${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cores (${cpus()[0]?.model?.trim() ?? '?'})  load average ${loadavg()[0].toFixed(2)}\n${haproxyVersion}`,
  );
  console.log(`plan: ${o.n} submissions from ${o.concurrency} clients, one API killed; a 採択発表 of ${o.n + o.extra} applications, one worker killed\n`);

  run.workDir = mkdtempSync(join(tmpdir(), 'jimukyoku-bench-scale-'));
  const databaseUrl = await createRunDatabase();
  const appUrl = await appRoleUrl(ROOT, databaseUrl);
  const sink = (run.sink = await startSmtpSink({ lookup: true }));
  log(`SMTP sink on ${sink.url}, delivery lookup on ${sink.lookupUrl}`);
  run.redisPrefix = `jimukyoku_bench_scale_${Date.now()}_${randomBytes(2).toString('hex')}`;
  const storage = join(run.workDir, 'storage');
  mkdirSync(storage);
  const initialAdminPassword = `bench-first-${randomBytes(12).toString('base64url')}`;
  // one environment for every process: the same secrets (a token one API signed, the other accepts), database, Redis prefix, storage
  const env = {
    ...productionEnv(),
    INITIAL_ADMIN_PASSWORD: initialAdminPassword,
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: databaseUrl,
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.redisPrefix,
    STORAGE_DIR: storage,
    LOG_LEVEL: 'warn',
    SMTP_URL: sink.url,
    SMTP_RECONCILE_URL: sink.lookupUrl,
    MAIL_RATE_PER_SECOND: '0',
    MAIL_CONCURRENCY: String(o.mailConcurrency),
  };

  // the reference catalogue and the first administrator: `npm start`'s seed, once, before the fleet starts
  const seedPort = await freePort();
  const seeder = await startProcess(
    'seed',
    process.execPath,
    [join(ROOT, 'apps/api/dist/cli/start.js')],
    { ...env, PORT: String(seedPort), WORKER_ENABLED: 'false' },
    (seen) => seen().includes('is running'),
    'the seeding start (cli/start.js)',
  );
  await stopChild(seeder);
  log('reference catalogue and initial administrator seeded (cli/start.js, stopped again)');

  const apis = [
    { name: 'api1', port: await freePort() },
    { name: 'api2', port: await freePort() },
  ];
  await Promise.all(apis.map(async (a) => (a.child = await startApi(a.name, a.port, env))));
  log(`APIs up: ${apis.map((a) => `${a.name} :${a.port} (pid ${a.child.pid})`).join(', ')}`);
  const lbPort = await freePort();
  const statsPort = await freePort();
  const cfg = join(run.workDir, 'haproxy.cfg');
  writeFileSync(cfg, haproxyConfig({ port: lbPort, statsPort, apis }));
  const check = spawnSync('haproxy', ['-c', '-f', cfg], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused the generated config:\n${check.stdout}${check.stderr}`);
  const base = `http://127.0.0.1:${lbPort}`;
  const lb = await startProcess(
    'haproxy',
    'haproxy',
    ['-db', '-f', cfg],
    {},
    async () => (await haproxyStats(statsPort).catch(() => [])).every((s) => s.status === 'UP') && healthy(base),
  );
  log(`HAProxy up on ${base} (pid ${lb.pid}), both servers UP; config ${cfg}`);
  const workers = [{ name: 'worker1' }, { name: 'worker2' }];
  await Promise.all(workers.map(async (w) => (w.child = await startWorker(w.name, env))));
  log(`workers up: ${workers.map((w) => `${w.name} (pid ${w.child.pid})`).join(', ')}`);

  // setup through the load balancer, as the administrator and a manager
  const adminToken = await loginChanging(base, 'admin@jimukyoku.example.jp', initialAdminPassword);
  const createdManager = await api(base, 'POST', '/api/users', {
    token: adminToken,
    body: { email: 'scale-manager@example.jp', name: '分散 管理者', role: 'manager' },
    expect: 201,
  });
  const managerToken = await loginChanging(base, 'scale-manager@example.jp', createdManager.temporaryPassword ?? createdManager.password);
  const channel = await api(base, 'POST', '/api/intake-channels', { token: adminToken, body: { name: '分散試験 (bench/scale-out.mjs)' }, expect: 201 });
  const ruleSets = await api(base, 'GET', `/api/rule-sets?filter=${encodeURIComponent(JSON.stringify({ q: 'restructuring.r3-sup' }))}`, {
    token: adminToken,
    expect: 200,
  });
  const ruleSet = ruleSets.filter((r) => r.code === 'restructuring.r3-sup').sort((a, b) => b.version - a.version)[0];
  if (!ruleSet) throw new Error('rule set restructuring.r3-sup not found (was the reference catalogue loaded?)');
  const t = Date.now();
  const round = await api(base, 'POST', '/api/rounds', {
    token: managerToken,
    expect: 201,
    body: {
      programId: ruleSet.programId,
      ruleSetId: ruleSet.id,
      number: 99,
      name: '第99回公募 (分散試験)',
      opensAt: jst(new Date(t - 86_400_000)),
      closesAt: jst(new Date(t + 86_400_000)),
    },
  });
  // a round whose 応募締切 passes during the run: the close-rounds schedule must close it once, whichever worker ticks
  const closing = await api(base, 'POST', '/api/rounds', {
    token: managerToken,
    expect: 201,
    body: {
      programId: ruleSet.programId,
      ruleSetId: ruleSet.id,
      number: 97,
      name: '第97回公募 (分散試験、途中で締切)',
      opensAt: jst(new Date(t - 86_400_000)),
      closesAt: jst(new Date(t + 40_000)),
    },
  });
  log(`round ${round.code} open; round ${closing.code} closes at ${jst(new Date(t + 40_000))}`);

  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // ---- (a) intake through the load balancer, one API killed mid-run
    const attachmentSets = await uploadAttachments(base, channel.apiKey, o.n);
    log(`uploaded ${o.n * REQUIRED_KINDS.length} attachments through the load balancer`);
    const stamp = Date.now().toString(36);
    const { corporateNumberCheckDigit } = require('@jimukyoku/domain');
    const subs = attachmentSets.map((set, i) => {
      const base12 = `4${String(i).padStart(11, '0')}`;
      return { i, key: `scale-${stamp}-${i}`, body: payload(round.id, `${corporateNumberCheckDigit(base12)}${base12}`, set, i) };
    });
    const ctx = { base, apiKey: channel.apiKey, attempts: [], done: 0 };
    const victimApi = apis[0];
    const intakeCpu0 = { apis: apis.map((a) => processCpuSeconds(a.child.pid)), pg: postgresCpuSeconds(run.dbName) };
    const killApi = (async () => {
      await until(() => ctx.done >= Math.floor(o.n / 3), o.timeoutSeconds * 1000, 'a third of the submissions');
      const at = now();
      victimApi.killedCpu = processCpuSeconds(victimApi.child.pid);
      victimApi.killedRss = peakRssMiB(victimApi.child.pid);
      victimApi.child.kill('SIGKILL');
      log(`intake: SIGKILL to ${victimApi.name} (pid ${victimApi.child.pid}) after ${ctx.done} answered submissions`);
      await sleep(3_000);
      victimApi.child = await startApi(`${victimApi.name}-restarted`, victimApi.port, env);
      log(`intake: ${victimApi.name} started again (pid ${victimApi.child.pid}) ${((now() - at) / 1000).toFixed(1)} s after the kill`);
      victimApi.restartedCpu0 = processCpuSeconds(victimApi.child.pid);
    })();
    const intakeT0 = now();
    await pool(subs, o.concurrency, (sub) => submitWithRetries(ctx, sub));
    const intakeS = (now() - intakeT0) / 1000;
    await killApi;
    const intakeCpu = {
      api:
        processCpuSeconds(apis[1].child.pid) -
        intakeCpu0.apis[1] +
        ((victimApi.killedCpu ?? 0) - intakeCpu0.apis[0]) +
        ((processCpuSeconds(victimApi.child.pid) ?? 0) - (victimApi.restartedCpu0 ?? 0)),
      pg: postgresCpuSince(intakeCpu0.pg, run.dbName),
    };
    const lbStats = await haproxyStats(statsPort);
    const byStatus = {};
    for (const a of ctx.attempts) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    log(`intake: ${o.n} submissions in ${intakeS.toFixed(1)} s, ${ctx.attempts.length} HTTP attempts ${JSON.stringify(byStatus)} (0 = transport error)`);

    // intake checks against PostgreSQL
    const rows = (await db.query(`SELECT id, receipt_number, corporate_number FROM application WHERE round_id = $1`, [round.id])).rows;
    const idem = new Map(
      (await db.query(`SELECT key, response_status, response_body FROM idempotency_record WHERE channel_id = $1`, [channel.id])).rows.map((r) => [r.key, r]),
    );
    const byCorp = new Map();
    for (const r of rows) byCorp.set(r.corporate_number, [...(byCorp.get(r.corporate_number) ?? []), r]);
    const accepted = subs.filter((s) => s.final?.status === 201);
    const notAccepted = subs.filter((s) => s.final?.status !== 201);
    const keyProblems = [];
    for (const s of accepted) {
      const mine = byCorp.get(s.body.applicant.corporateNumber) ?? [];
      if (mine.length !== 1) keyProblems.push(`key ${s.key}: ${mine.length} rows`);
      else if (mine[0].id !== s.final.answer.id || mine[0].receipt_number !== s.final.answer.receiptNumber)
        keyProblems.push(`key ${s.key}: answered ${s.final.answer.receiptNumber}, row has ${mine[0].receipt_number}`);
      const stored = idem.get(s.key);
      if (!stored || stored.response_status !== 201 || stored.response_body?.receiptNumber !== s.final.answer.receiptNumber)
        keyProblems.push(`key ${s.key}: idempotency record ${stored ? `${stored.response_status} ${stored.response_body?.receiptNumber}` : 'missing'}`);
    }
    const strays = rows.filter((r) => !accepted.some((s) => s.final.answer.id === r.id));
    const dupReceipts = (
      await db.query(`SELECT receipt_number, count(*)::int AS n FROM application WHERE receipt_number IS NOT NULL GROUP BY receipt_number HAVING count(*) > 1`)
    ).rows;
    const answeredReceipts = accepted.map((s) => s.final.answer.receiptNumber);
    const answeredTwice = answeredReceipts.length - new Set(answeredReceipts).size;

    // ---- (b) the 採択発表: decision through the API, announcement moved to now, one worker killed
    const rubrics = await api(base, 'GET', `/api/review-rubrics?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`, {
      token: managerToken,
      expect: 200,
    });
    const rubric = rubrics.find((r) => r.categoryCode === 'restructuring.standard');
    if (!rubric) throw new Error('no review rubric for restructuring.standard in the bench round');
    await scoreRound(db, round.id, rubric.categoryId, rubric.id, o.extra);
    const total = (await db.query(`SELECT count(*)::int AS n, sum(quoted_amount)::bigint AS amount FROM application WHERE round_id = $1`, [round.id])).rows[0];
    log(`decision: ${total.n} applications of the round scored (審査完了: ${accepted.length} from the intake, ${o.extra} loaded)`);
    // the intake is over: the 応募締切 passes (a decision waits for it)
    await api(base, 'PUT', `/api/rounds/${round.id}`, { token: managerToken, body: { closesAt: jst(new Date(Date.now() - 1_000)) }, expect: 200 });
    const query = `categoryId=${rubric.categoryId}&budget=${Math.floor(Number(total.amount) / 2)}&quota=null&waitlistCount=${Math.floor(total.n / 10)}`;
    const ranking = await api(base, 'GET', `/api/rounds/${round.id}/ranking?${query}&limit=1`, { token: managerToken, expect: 200 });
    const decisionT0 = now();
    const decision = await api(base, 'POST', `/api/rounds/${round.id}/decisions`, {
      token: managerToken,
      body: {
        categoryId: rubric.categoryId,
        budget: Math.floor(Number(total.amount) / 2),
        quota: null,
        waitlistCount: Math.floor(total.n / 10),
        fingerprint: ranking.fingerprint,
      },
    });
    const decisionS = (now() - decisionT0) / 1000;
    if (!decision?.totals) throw new Error(`the decision was not committed: ${JSON.stringify(decision).slice(0, 500)}`);
    const held = (
      await db.query(
        `SELECT count(*)::int AS n FROM notification n JOIN application a ON a.id = n.application_id WHERE a.round_id = $1 AND n.status = 'held'`,
        [round.id],
      )
    ).rows[0].n;
    log(
      `decision committed through the API in ${decisionS.toFixed(1)} s: ${decision.totals.adopted} 採択, ${decision.totals.waitlisted} 補欠, ${decision.totals.rejected} 不採択; ${held} notices held for the 採択発表`,
    );
    // the intake's 受付 mails first, so the announcement is timed on its own
    await until(
      async () => (await db.query(`SELECT count(*)::int AS n FROM notification WHERE status IN ('pending', 'queued', 'sending')`)).rows[0].n === 0,
      300_000,
      'the 受付 mails',
    );
    const sinkBefore = sink.total;
    const workerCpu0 = workers.map((w) => processCpuSeconds(w.child.pid));
    const pgMail0 = postgresCpuSeconds(run.dbName);
    const announceT0 = now();
    await api(base, 'PUT', `/api/rounds/${round.id}`, { token: managerToken, body: { announcementFrom: jst(new Date(Date.now() - 1_000)) }, expect: 200 });
    log('採択発表: announcementFrom moved to now through the API; the dispatchers release the held notices');
    const victimWorker = workers[0];
    let workerKilledAfter = null;
    const killWorker = (async () => {
      await until(() => sink.total - sinkBefore >= Math.floor(held / 4), 600_000, 'a quarter of the announcement mails');
      workerKilledAfter = sink.total - sinkBefore;
      victimWorker.killedAt = now();
      victimWorker.killedCpu = processCpuSeconds(victimWorker.child.pid) - workerCpu0[0];
      victimWorker.killedRss = peakRssMiB(victimWorker.child.pid);
      victimWorker.child.kill('SIGKILL');
      log(`採択発表: SIGKILL to ${victimWorker.name} (pid ${victimWorker.child.pid}) after ${workerKilledAfter} mails`);
      await sleep(3_000);
      victimWorker.child = await startWorker(`${victimWorker.name}-restarted`, env);
      victimWorker.restartedCpu0 = processCpuSeconds(victimWorker.child.pid);
      log(`採択発表: ${victimWorker.name} started again (pid ${victimWorker.child.pid})`);
    })();
    killWorker.catch(() => undefined);
    let lastReport = now();
    const settled = await until(
      async () => {
        const { rows: c } = await db.query(`SELECT status, count(*)::int AS n FROM notification GROUP BY status`);
        const counts = Object.fromEntries(c.map((r) => [r.status, r.n]));
        if (now() - lastReport > 5_000) {
          lastReport = now();
          log(`採択発表: ${JSON.stringify(counts)}, ${sink.total - sinkBefore} at the sink`);
        }
        const open = (counts.held ?? 0) + (counts.pending ?? 0) + (counts.queued ?? 0) + (counts.sending ?? 0);
        return open === 0 && sink.total >= (counts.sent ?? 0) ? counts : null;
      },
      600_000,
      'every notification to settle (a killed worker leaves its jobs stalled for BullMQ to hand on: about 30 s)',
    );
    const announceS = (sink.lastAt - announceT0) / 1000;
    await killWorker;
    const mailCpu =
      (victimWorker.killedCpu ?? 0) +
      ((processCpuSeconds(victimWorker.child.pid) ?? 0) - (victimWorker.restartedCpu0 ?? 0)) +
      (processCpuSeconds(workers[1].child.pid) - workerCpu0[1]);
    const mailPgCpu = postgresCpuSince(pgMail0, run.dbName);
    const announced = sink.total - sinkBefore;

    // mail checks: every notification sent, every Message-ID exactly once at the sink
    const notes = (await db.query(`SELECT id, status, message_id FROM notification`)).rows;
    const expected = new Set(notes.map((n) => n.message_id));
    const notSent = notes.filter((n) => n.status !== 'sent');
    const twice = [...sink.counts].filter(([, c]) => c > 1);
    const missing = notes.filter((n) => !sink.counts.has(n.message_id));
    const unknown = [...sink.counts.keys()].filter((id) => !expected.has(id)).length + sink.withoutId;

    // ---- scheduled jobs: wait for the closing round's close, then read the schedulers' jobs from Redis
    await until(
      async () => (await db.query(`SELECT closed_at FROM round WHERE id = $1`, [closing.id])).rows[0].closed_at,
      120_000,
      `round ${closing.code} to be closed`,
    );
    await sleep(31_000); // one more close-rounds tick after the close: it must not close (or audit) it again
    const closedAudits = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'round.closed' AND entity_id = $1`, [closing.id])).rows[0].n;
    const { Queue } = require('bullmq');
    const connection = { url: run.redisUrl, maxRetriesPerRequest: null };
    const schedules = [];
    const schedulerSets = [];
    for (const [queueName, ids] of [
      ['system', ['heartbeat', 'seal-audit-log', 'close-rounds']],
      ['notifications', ['dispatch']],
    ]) {
      const q = new Queue(queueName, { connection, prefix: `${run.redisPrefix}:bull` });
      try {
        const jobs = await q.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'], 0, -1);
        // two workers registered one scheduler per job, not one each
        const registered = await q.getJobSchedulers(0, -1);
        const perJob = new Map();
        for (const r of registered) perJob.set(r.name, [...(perJob.get(r.name) ?? []), r.key ?? r.id]);
        schedulerSets.push({ queue: queueName, count: registered.length, doubled: [...perJob].filter(([, keys]) => keys.length > 1).map(([name]) => name) });
        for (const id of ids) {
          const scheduler = await q.getJobScheduler(id);
          const every = Number(scheduler?.every);
          const mine = jobs.filter((j) => j?.repeatJobKey === id && j.processedOn);
          const ticks = mine.map((j) => Number(/:(\d+)$/.exec(j.id)?.[1])).sort((a, b) => a - b);
          const distinct = new Set(ticks).size;
          const gaps = ticks.slice(1).map((x, i) => x - ticks[i]);
          const span = ticks.length ? ticks[ticks.length - 1] - ticks[0] : 0;
          const byWorker = {};
          for (const j of mine) {
            const who = (j.processedBy ?? '?').toString();
            byWorker[who] = (byWorker[who] ?? 0) + 1;
          }
          schedules.push({
            queue: queueName,
            id,
            every,
            jobs: mine.length,
            distinct,
            minGap: gaps.length ? Math.min(...gaps) : null,
            expected: every ? Math.round(span / every) + 1 : null,
            restarted: mine.filter((j) => (j.attemptsStarted ?? j.attemptsMade ?? 1) > 1 || (j.stalledCounter ?? 0) > 0).length,
            ok: mine.length > 0 && distinct === mine.length && gaps.every((g) => g >= every) && mine.length <= Math.round(span / every) + 1,
          });
        }
      } finally {
        await q.close();
      }
    }
    const verify = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/cli/audit-verify.js'), appUrl], { encoding: 'utf8' });

    // ---- report
    const f = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));
    const lat = ctx.attempts.map((a) => a.ms).sort((a, b) => a - b);
    const p = (q) => lat[Math.min(lat.length - 1, Math.ceil((q / 100) * lat.length) - 1)];
    console.log('\n== through the load balancer ==');
    console.log(
      table(
        [
          ['', 'figure'],
          ['intake: submissions answered 201', `${accepted.length} of ${o.n}`],
          ['intake: HTTP attempts (incl. resends)', ctx.attempts.length],
          [
            'intake: attempts by status',
            Object.entries(byStatus)
              .map(([s, n]) => `${s === '0' ? 'transport error' : s}: ${n}`)
              .join(', '),
          ],
          ['intake: transport errors', [...new Set(ctx.attempts.filter((a) => a.error).map((a) => a.error))].join('; ') || '-'],
          ['intake: submissions resent at least once', subs.filter((s) => (s.attemptCount ?? 1) > 1).length],
          ['intake: answered as a replay (Idempotent-Replayed)', subs.filter((s) => s.replayed).length],
          ['intake: elapsed (s)', f(intakeS, 1)],
          ['intake: submissions/s through the LB', f(o.n / intakeS, 1)],
          ['intake: HTTP requests/s through the LB', f(ctx.attempts.length / intakeS, 1)],
          ['intake: attempt latency p50 / p99 (ms)', `${f(p(50), 0)} / ${f(p(99), 0)}`],
          [
            'intake: API CPU / PostgreSQL CPU per submission (ms; fresh processes, a killed one included)',
            `${f((1000 * intakeCpu.api) / o.n, 2)} / ${f((1000 * intakeCpu.pg) / o.n, 2)}`,
          ],
          ['LB: sessions per API (api1 includes its restart)', lbStats.map((s) => `${s.name} ${s.sessions}`).join(', ')],
          ['LB: 5xx answered per API; health-check downs', lbStats.map((s) => `${s.name} ${s.responses5xx}; ${s.downs}`).join(', ')],
          ['decision: applications / commit through the API (s)', `${total.n} / ${f(decisionS, 1)}`],
          ['採択発表: notices released and mailed', announced],
          ['採択発表: mails/s, two workers, announcement to the kill', f(workerKilledAfter / ((victimWorker.killedAt - announceT0) / 1000), 0)],
          ['採択発表: mails/s, announcement to the last mail (kill and stalled-job recovery included)', f(announced / announceS, 0)],
          ['採択発表: last mail after the announcement (s)', f(announceS, 1)],
          [
            "採択発表: worker CPU / PostgreSQL CPU per mail (ms; a killed process takes its backends' CPU along)",
            `${f((1000 * mailCpu) / announced, 2)} / ${f((1000 * mailPgCpu) / announced, 2)}`,
          ],
          ['採択発表: worker killed after mails', workerKilledAfter ?? '-'],
          [
            'peak RSS per process (MiB, VmHWM; a killed one: before its kill / its restart since)',
            [...apis, ...workers].map((x) => `${x.name} ${x.killedRss ? `${f(x.killedRss, 0)} / ` : ''}${f(peakRssMiB(x.child.pid), 0)}`).join(', '),
          ],
          ['sink: delivery lookups answered', sink.lookups],
          ['notifications by status', JSON.stringify(settled)],
        ],
        ['l', 'r'],
      ),
    );
    console.log('\n== job schedulers (Redis: the jobs each scheduler produced during the run) ==');
    console.log(
      table(
        [
          ['queue', 'scheduler', 'every (s)', 'jobs', 'distinct ticks', 'ticks in the span', 'min gap (s)', 'rerun after a kill'],
          ...schedules.map((s) => [s.queue, s.id, f(s.every / 1000, 0), s.jobs, s.distinct, s.expected ?? '-', f(s.minGap / 1000, 1), s.restarted]),
        ],
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );

    const checks = [
      [
        dupReceipts.length === 0 && answeredTwice === 0,
        `no duplicate 受付番号 (${rows.length} rows in the round${dupReceipts.length ? `; duplicated: ${dupReceipts.map((d) => d.receipt_number).join(', ')}` : ''})`,
      ],
      [
        keyProblems.length === 0 && strays.length === 0,
        `every key answered 201 has exactly one row and its idempotency record${keyProblems.length ? `: ${keyProblems.slice(0, 5).join('; ')}` : ''}${strays.length ? `; ${strays.length} rows never answered 201` : ''}`,
      ],
      [
        notAccepted.length === 0,
        `every submission answered 201 in the end, resending the same key${
          notAccepted.length
            ? `: ${notAccepted.length} not (${notAccepted
                .slice(0, 3)
                .map((s) => `${s.key} ${s.final?.status}`)
                .join(', ')})`
            : ''
        }`,
      ],
      [lbStats.every((s) => s.sessions > 0), 'both APIs served requests through HAProxy'],
      [
        twice.length === 0 && missing.length === 0 && unknown === 0,
        `no email delivered twice: ${notes.length} notifications, ${sink.counts.size} Message-IDs at the sink, ${twice.length} twice, ${missing.length} missing, ${unknown} unknown`,
      ],
      [notSent.length === 0, `every notification ended sent${notSent.length ? `: ${notSent.length} not (${JSON.stringify(settled)})` : ''}`],
      [workerKilledAfter !== null && workerKilledAfter < announced, `a worker was killed mid-announcement (after ${workerKilledAfter} of ${announced} mails)`],
      ...schedulerSets.map((s) => [
        s.count > 0 && s.doubled.length === 0,
        `queue ${s.queue}: ${s.count} job schedulers in Redis after two workers (and a restarted one) registered theirs, one per job${s.doubled.length ? `; more than one for ${s.doubled.join(', ')}` : ''}`,
      ]),
      ...schedules.map((s) => [
        s.ok,
        `scheduler ${s.queue}/${s.id} ran once per tick: ${s.jobs} jobs for ${s.expected} ticks of ${s.every / 1000} s, no two within ${s.every / 1000} s`,
      ]),
      [closedAudits === 1, `round ${closing.code} closed once by the close-rounds schedule on two workers (${closedAudits} round.closed audit records)`],
      [
        verify.status === 0,
        `audit hash chain intact, sealed by the seal-audit-log schedule on two workers (audit:verify exit ${verify.status}${verify.status ? `: ${(verify.stderr || verify.stdout).trim().slice(0, 300)}` : ''})`,
      ],
    ];
    console.log();
    for (const [ok, what] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
    const failed = checks.filter(([ok]) => !ok).length;
    console.log(failed ? `\nRESULT: FAIL (${failed} of ${checks.length})` : `\nRESULT: PASS (${checks.length} checks)`);
    return failed ? 1 : 0;
  } finally {
    await db.end();
  }
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`[bench] ${e.stack ?? e}`);
    await cleanup();
    process.exit(2);
  });
