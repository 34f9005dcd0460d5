#!/usr/bin/env node
/**
 * Notification throughput: a 採択発表 fan-out through our pipeline, beside a raw BullMQ + nodemailer
 * sender on the same machine, both into the same local SMTP sink that counts Message-IDs.
 *
 *   pipeline  `count` pending rows in the outbox (one INSERT, as transitions leave them) → the built
 *             worker (apps/api/dist/worker.js, its own process): dispatcher renders and queues →
 *             BullMQ queue `mail` → SendNotificationJob claims, sends with nodemailer, records
 *   baseline  `count` jobs `{ to, messageId }` added to a BullMQ queue → bench/lib/raw-mail-worker.mjs
 *             (its own process) sends each with nodemailer (same pooled SMTP connections, as many
 *             jobs at once per connection as the pipeline's worker, SEND_JOBS_PER_CONNECTION, unless
 *             --raw-jobs-per-connection; same subject and body as the pipeline rendered)
 *
 * Both start timing with the worker already running: at the outbox commit, or at the first enqueue.
 * Checks: every mail arrives exactly once (Message-IDs at the sink), every row ends `sent`.
 * Fresh database and Redis key prefixes per run; all removed at the end, also on failure or Ctrl-C.
 * Exit code: 0 all checks passed, 1 a check failed, 2 the run itself failed.
 *
 *   npm run build && node bench/notifications-throughput.mjs            # 20,000 mails each
 *   node bench/notifications-throughput.mjs --count 2000                # quicker
 *   node bench/notifications-throughput.mjs --count 5000 --cpu-prof /tmp/prof --statements   # where the worker's time goes
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { appRoleUrl } from './lib/app-role.mjs';
import { peakRssMiB, postgresCpuSeconds, postgresCpuSince, processCpuSeconds, table } from './lib/measure.mjs';
import { startStatementCounter } from './lib/pg-statement-counter.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { productionEnv } from './lib/production-env.mjs';
import { REDIS_URL, cleanUpOnExit, createDatabase, dropDatabase, removeRedisKeys, stopChild } from './lib/run-resources.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

const OPTIONS = {
  count: { type: 'string', default: '20000', help: 'notifications (and baseline mails) to send' },
  concurrency: { type: 'string', default: '10', help: "pooled SMTP connections of each worker (the pipeline's MAIL_CONCURRENCY)" },
  'raw-jobs-per-connection': {
    type: 'string',
    default: '',
    help: "the baseline's BullMQ jobs at once per SMTP connection (default: as many as the pipeline's worker runs, SEND_JOBS_PER_CONNECTION)",
  },
  rate: { type: 'string', default: '0', help: 'MAIL_RATE_PER_SECOND for the pipeline (0 = unlimited, to measure throughput)' },
  baseline: { type: 'boolean', default: true, help: 'also run the raw BullMQ + nodemailer baseline (--no-baseline to skip)' },
  timeout: { type: 'string', default: '600', help: 'hard limit for the whole run, in seconds' },
  'cpu-prof': {
    type: 'string',
    default: '',
    help: "a folder: write V8 CPU profiles of both workers' timed phases there (lib/cpu-profile.cjs) and print where their time went",
  },
  statements: {
    type: 'boolean',
    default: false,
    help: 'the worker connects through a counting pass-through proxy (lib/pg-statement-counter.mjs): SQL statements per mail, by text (the proxy costs CPU: not for the throughput figures)',
  },
  keep: { type: 'boolean', default: false, help: 'keep the database, Redis keys and worker logs for inspection' },
  help: { type: 'boolean', default: false, help: 'this text' },
};

class UsageError extends Error {}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([k, v]) => [k, { type: v.type, default: v.default }])),
    strict: true,
    allowNegative: true,
  });
  if (values.help) {
    console.log('Usage: node bench/notifications-throughput.mjs [options]\n');
    for (const [k, v] of Object.entries(OPTIONS)) console.log(`  --${k.padEnd(14)} ${v.help}${v.type === 'string' ? ` (default ${v.default})` : ''}`);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const x = Number(values[name]);
    if (!Number.isInteger(x) || x < min || x > max) throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got "${values[name]}"`);
    return x;
  };
  return {
    count: int('count', 1, 1_000_000),
    concurrency: int('concurrency', 1, 200),
    rawJobsPerConnection: values['raw-jobs-per-connection'] ? int('raw-jobs-per-connection', 1, 10) : null,
    rate: int('rate', 0, 100_000),
    baseline: values.baseline,
    timeoutSeconds: int('timeout', 10, 7200),
    cpuProf: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
    statements: values.statements,
    keep: values.keep,
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------------------------------------------
// What the run created, removed whatever happens

const run = {
  dbName: null,
  adminUrl: null,
  dbCreated: false,
  redisUrl: REDIS_URL,
  prefixes: [],
  children: [],
  workDir: null,
  keep: false,
  cleaning: null,
  sink: null,
  statementCounter: null,
};

function cleanup() {
  run.cleaning ??= (async () => {
    await Promise.all(run.children.map(stopChild));
    await run.sink?.close();
    await run.statementCounter?.close();
    if (run.keep) {
      log(`kept: database ${run.dbName}, Redis prefixes ${run.prefixes.join(', ')}, logs in ${run.workDir}`);
      return;
    }
    if (run.dbCreated) await dropDatabase(run.adminUrl, run.dbName);
    await removeRedisKeys(run.redisUrl, run.prefixes);
    if (run.workDir) rmSync(run.workDir, { recursive: true, force: true });
  })();
  return run.cleaning;
}

cleanUpOnExit(cleanup, () => run.children);

// ---------------------------------------------------------------------------------------------------
// Processes

/**
 * Starts a node script (with `nodeArgs` before it) and resolves once it printed `readyText` (its output goes to a log
 * file); `child.profileWritten` resolves when lib/cpu-profile.cjs has written its profile.
 */
async function startProcess(name, script, env, readyText, nodeArgs = []) {
  const logPath = join(run.workDir, `${name}.log`);
  const logFile = createWriteStream(logPath);
  const child = spawn(process.execPath, [...nodeArgs, script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  run.children.push(child);
  let profileWritten;
  child.profileWritten = new Promise((r) => (profileWritten = r));
  const ready = new Promise((resolveReady, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      logFile.write(chunk);
      if (chunk.toString().includes('cpu profile written')) profileWritten();
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(readyText)) resolveReady();
    });
    child.stderr.on('data', (chunk) => logFile.write(chunk));
    child.once('exit', (code, signal) => reject(new Error(`${name} exited during startup (code ${code}, signal ${signal}); see ${logPath}`)));
  });
  await Promise.race([ready, sleep(60_000).then(() => Promise.reject(new Error(`${name} did not start within 60 s; see ${logPath}`)))]);
  return child;
}

async function createRunDatabase() {
  const db = await createDatabase('mail');
  Object.assign(run, { dbName: db.name, adminUrl: db.adminUrl, dbCreated: true });
  return db.url;
}

const PAYLOAD = {
  applicantName: '株式会社ベンチ製作所',
  receiptNumber: 'RES99-00000001',
  roundName: '第99回公募',
  categoryName: '成長分野進出枠',
  quotedAmount: 20_000_000,
};

/** Polls until `done()` or the deadline; returns what `done` returned. */
async function until(done, deadlineMs, what) {
  const deadline = performance.now() + deadlineMs;
  for (;;) {
    const value = await done();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------------
// The two runs

async function runPipeline(o, databaseUrl, sink) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const prefix = `jimukyoku_bench_mail_${Date.now()}_${randomBytes(2).toString('hex')}`;
    run.prefixes.push(prefix);
    const appUrl = await appRoleUrl(ROOT, databaseUrl);
    if (o.statements) run.statementCounter = await startStatementCounter(appUrl);
    if (o.cpuProf) mkdirSync(o.cpuProf, { recursive: true });
    const worker = await startProcess(
      'worker',
      join(ROOT, 'apps/api/dist/worker.js'),
      {
        // what production refuses to start without, as sample values (lib/production-env.mjs)
        ...productionEnv(),
        LOG_LEVEL: 'info',
        DATABASE_URL: run.statementCounter?.url ?? appUrl,
        DATABASE_MIGRATION_URL: databaseUrl,
        REDIS_URL: run.redisUrl,
        REDIS_PREFIX: prefix,
        SMTP_URL: sink.url,
        MAIL_RATE_PER_SECOND: String(o.rate),
        MAIL_CONCURRENCY: String(o.concurrency),
        ...(o.cpuProf ? { BENCH_CPU_PROFILE_DIR: o.cpuProf, BENCH_CPU_PROFILE_NAME: 'worker' } : {}),
      },
      'worker started',
      o.cpuProf ? ['-r', join(ROOT, 'bench/lib/cpu-profile.cjs')] : [],
    );
    log(`pipeline: worker up (pid ${worker.pid}); writing ${o.count} notifications to the outbox`);
    const rssAtStart = peakRssMiB(worker.pid);
    if (o.cpuProf) worker.kill('SIGWINCH'); // lib/cpu-profile.cjs: start
    if (run.statementCounter) run.statementCounter.counter.capture = [];
    const cpu0 = processCpuSeconds(worker.pid);
    const pg0 = postgresCpuSeconds(run.dbName);
    const insertStart = performance.now();
    await db.query(
      `INSERT INTO notification (template, recipient, status, payload)
       SELECT 'received', 'bench' || g || '@example.jp', 'pending', $2::jsonb FROM generate_series(1, $1::int) g`,
      [o.count, JSON.stringify(PAYLOAD)],
    );
    const t0 = performance.now();
    log(`pipeline: outbox written in ${((t0 - insertStart) / 1000).toFixed(1)} s; timing from the commit`);
    let lastReport = t0;
    let lastCount = 0;
    const counts = await until(
      async () => {
        // The count groups every row: run it every 2 s, and every 100 ms once the sink has them all, so that the
        // bench's own polling (whose PostgreSQL CPU is counted with the worker's) stays out of the measurement.
        if (sink.total < o.count && performance.now() - lastCount < 2_000) return null;
        lastCount = performance.now();
        const { rows } = await db.query(`SELECT status, count(*)::int AS n FROM notification GROUP BY status`);
        const c = Object.fromEntries(rows.map((r) => [r.status, r.n]));
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          log(`pipeline: ${JSON.stringify(c)}, ${sink.total} at the sink`);
        }
        const settled = (c.sent ?? 0) + (c.failed ?? 0) + (c.uncertain ?? 0);
        return settled >= o.count && sink.total >= (c.sent ?? 0) ? c : null;
      },
      o.timeoutSeconds * 1000,
      'every notification to be sent',
    );
    const recordedAt = performance.now();
    const cpu = (processCpuSeconds(worker.pid) ?? NaN) - (cpu0 ?? NaN);
    const pgCpu = postgresCpuSince(pg0, run.dbName);
    const peakRss = peakRssMiB(worker.pid);
    const statements = run.statementCounter ? run.statementCounter.counter.capture : null;
    if (run.statementCounter) run.statementCounter.counter.capture = null;
    let profile = null;
    if (o.cpuProf) {
      worker.kill('SIGWINCH'); // stop and write
      await Promise.race([worker.profileWritten, sleep(30_000)]);
      profile = join(o.cpuProf, `worker-${worker.pid}.cpuprofile`);
    }
    const { rows: ids } = await db.query(`SELECT message_id FROM notification`);
    const { rows: sample } = await db.query(`SELECT subject, body_text AS text, body_html AS html FROM notification WHERE status = 'sent' LIMIT 1`);
    await stopChild(worker);
    return {
      name: 'pipeline (outbox → dispatcher → BullMQ → worker → nodemailer)',
      short: 'pipeline',
      count: o.count,
      sent: counts.sent ?? 0,
      notSent: o.count - (counts.sent ?? 0),
      firstMailS: (sink.firstAt - t0) / 1000,
      lastMailS: (sink.lastAt - t0) / 1000,
      recordedS: (recordedAt - t0) / 1000,
      cpu,
      pgCpu,
      rssAtStart,
      peakRss,
      statements,
      profile,
      expectedIds: ids.map((r) => r.message_id),
      sample: sample[0],
    };
  } finally {
    await db.end();
  }
}

async function runBaseline(o, sink, sample) {
  const { Queue } = require('bullmq');
  const prefix = `jimukyoku_bench_mail_raw_${Date.now()}_${randomBytes(2).toString('hex')}`;
  run.prefixes.push(prefix);
  const mailFile = join(run.workDir, 'mail.json');
  writeFileSync(mailFile, JSON.stringify({ from: '事務局 <no-reply@jimukyoku.example.jp>', ...sample }));
  const worker = await startProcess(
    'raw-worker',
    join(ROOT, 'bench/lib/raw-mail-worker.mjs'),
    {
      REDIS_URL: run.redisUrl,
      BULL_PREFIX: `${prefix}:bull`,
      SMTP_URL: sink.url,
      MAIL_FILE: mailFile,
      CONCURRENCY: String(o.concurrency),
      JOBS_PER_CONNECTION: String(o.rawJobsPerConnection),
      ...(o.cpuProf ? { BENCH_CPU_PROFILE_DIR: o.cpuProf, BENCH_CPU_PROFILE_NAME: 'raw-worker' } : {}),
    },
    'ready',
    o.cpuProf ? ['-r', join(ROOT, 'bench/lib/cpu-profile.cjs')] : [],
  );
  const queue = new Queue('mail', { connection: { url: run.redisUrl, maxRetriesPerRequest: null }, prefix: `${prefix}:bull` });
  try {
    log(`baseline: raw worker up (pid ${worker.pid}); enqueueing ${o.count} jobs`);
    const cpu0 = processCpuSeconds(worker.pid);
    const rssAtStart = peakRssMiB(worker.pid);
    if (o.cpuProf) worker.kill('SIGWINCH'); // lib/cpu-profile.cjs: start
    const ids = Array.from({ length: o.count }, (_, i) => `<raw-${i + 1}.${prefix}@bench.example>`);
    const t0 = performance.now();
    for (let i = 0; i < o.count; i += 1000) {
      await queue.addBulk(
        ids.slice(i, i + 1000).map((messageId, j) => ({
          name: 'send',
          data: { to: `raw${i + j + 1}@example.jp`, messageId },
          opts: { removeOnComplete: true, removeOnFail: 1000 },
        })),
      );
    }
    const enqueuedS = (performance.now() - t0) / 1000;
    let lastReport = t0;
    await until(
      async () => {
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          log(`baseline: ${sink.total} at the sink`);
        }
        return sink.total >= o.count;
      },
      o.timeoutSeconds * 1000,
      'every baseline mail',
    );
    const cpu = (processCpuSeconds(worker.pid) ?? NaN) - (cpu0 ?? NaN);
    const peakRss = peakRssMiB(worker.pid);
    let profile = null;
    if (o.cpuProf) {
      worker.kill('SIGWINCH'); // stop and write
      await Promise.race([worker.profileWritten, sleep(30_000)]);
      profile = join(o.cpuProf, `raw-worker-${worker.pid}.cpuprofile`);
    }
    await stopChild(worker);
    return {
      name: 'baseline (BullMQ addBulk → worker → nodemailer)',
      short: 'baseline',
      count: o.count,
      sent: sink.total,
      notSent: 0,
      firstMailS: (sink.firstAt - t0) / 1000,
      lastMailS: (sink.lastAt - t0) / 1000,
      recordedS: null,
      enqueuedS,
      cpu,
      pgCpu: null,
      rssAtStart,
      peakRss,
      profile,
      expectedIds: ids,
    };
  } finally {
    await queue.close();
  }
}

/** The worker's SQL statements of the timed phase, per mail, grouped by text (parameters aside). */
function reportStatements(captured, count) {
  const byText = new Map();
  for (const { text } of captured) {
    const key = (text ?? '(unknown)').replace(/\s+/g, ' ').trim().slice(0, 150);
    byText.set(key, (byText.get(key) ?? 0) + 1);
  }
  console.log(`worker SQL statements in the timed phase: ${captured.length}, ${(captured.length / count).toFixed(2)} per mail; by text:`);
  for (const [text, n] of [...byText].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${(n / count).toFixed(3).padStart(7)}/mail  ${String(n).padStart(6)}  ${text}`);
  console.log();
}

function reportProfile(path, who) {
  if (!existsSync(path)) {
    console.log(`no CPU profile at ${path}\n`);
    return;
  }
  const { total, byPackage, topSelf } = summariseProfile(path, { top: 20 });
  const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  console.log(
    `${who} worker CPU profile of the timed phase: ${path} (busy ${(total / 1000).toFixed(1)} s; node bench/lib/profile-summary.mjs <file> for more)`,
  );
  console.log('  inclusive, by package or app folder:');
  for (const [k, v] of byPackage) console.log(`  ${pct(v)}  ${k}`);
  console.log('  self time, by function:');
  for (const [k, v] of topSelf) console.log(`  ${pct(v)}  ${k}`);
  console.log();
}

/** Every expected Message-ID arrived exactly once, and nothing else did. */
function exactlyOnce(result, sink) {
  const expected = new Set(result.expectedIds);
  const missing = result.expectedIds.filter((id) => !sink.counts.has(id)).length;
  const duplicated = [...sink.counts].filter(([id, n]) => expected.has(id) && n > 1).length;
  const unknown = [...sink.counts.keys()].filter((id) => !expected.has(id)).length + sink.withoutId;
  return { missing, duplicated, unknown, ok: missing === 0 && duplicated === 0 && unknown === 0 && result.notSent === 0 };
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  let o;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  run.keep = o.keep;
  for (const f of ['apps/api/dist/worker.js', 'apps/api/dist/database/migrate.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const { SEND_JOBS_PER_CONNECTION } = require(join(ROOT, 'apps/api/dist/worker/mail-worker-options.js'));
  o.rawJobsPerConnection ??= SEND_JOBS_PER_CONNECTION;
  const hard = setTimeout(() => {
    console.error(`[bench] hard timeout (${o.timeoutSeconds} s): stopping`);
    cleanup().finally(() => process.exit(2));
  }, o.timeoutSeconds * 1000);
  hard.unref();

  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  console.log(
    `Notification throughput: ${new Date().toISOString()}  node ${process.version}  ${availableParallelism()} cores (${cpu})  load average ${loadavg()[0].toFixed(2)}`,
  );
  console.log(
    `plan: ${o.count} mails each, ${o.concurrency} pooled SMTP connections each (send jobs at once: pipeline ${o.concurrency * SEND_JOBS_PER_CONNECTION}, baseline ${o.concurrency * o.rawJobsPerConnection}), pipeline MAIL_RATE_PER_SECOND=${o.rate}${o.rate === 0 ? ' (unlimited)' : ''}\n`,
  );
  run.workDir = mkdtempSync(join(tmpdir(), 'jimukyoku-bench-mail-'));
  const databaseUrl = await createRunDatabase();
  const sink = (run.sink = await startSmtpSink());
  log(`SMTP sink on ${sink.url}`);

  const results = [];
  const pipeline = await runPipeline(o, databaseUrl, sink);
  results.push({ ...pipeline, check: exactlyOnce(pipeline, sink) });
  if (o.baseline) {
    sink.reset();
    const baseline = await runBaseline(o, sink, pipeline.sample);
    results.push({ ...baseline, check: exactlyOnce(baseline, sink) });
  }

  const f = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));
  console.log();
  console.log(
    table(
      [
        ['', ...results.map((r) => r.short)],
        ['mails', ...results.map((r) => r.count)],
        ['first mail at the sink (s)', ...results.map((r) => f(r.firstMailS, 2))],
        ['last mail at the sink (s)', ...results.map((r) => f(r.lastMailS, 2))],
        ['throughput (mails/s)', ...results.map((r) => f(r.count / r.lastMailS, 0))],
        ['all rows recorded sent (s)', ...results.map((r) => f(r.recordedS, 2))],
        ['worker process CPU (s)', ...results.map((r) => f(r.cpu, 1))],
        ['PostgreSQL backends CPU (s)', ...results.map((r) => f(r.pgCpu, 1))],
        ['worker + PostgreSQL CPU per mail (ms)', ...results.map((r) => f((1000 * (r.cpu + (r.pgCpu ?? 0))) / r.count, 2))],
        ['worker peak RSS before / after (MiB)', ...results.map((r) => `${f(r.rssAtStart, 0)} / ${f(r.peakRss, 0)}`)],
        ['missing / duplicated / unknown', ...results.map((r) => `${r.check.missing} / ${r.check.duplicated} / ${r.check.unknown}`)],
        ['rows not sent', ...results.map((r) => (r.recordedS === null ? '-' : r.notSent))],
      ],
      ['l', 'r', 'r'],
    ),
  );
  if (results.length === 2)
    console.log(
      `\npipeline throughput = ${((100 * (results[0].count / results[0].lastMailS)) / (results[1].count / results[1].lastMailS)).toFixed(0)}% of the baseline`,
    );
  console.log();
  if (results[0].statements) reportStatements(results[0].statements, results[0].count);
  for (const r of results) if (r.profile) reportProfile(r.profile, r.short);
  for (const r of results) console.log(`${r.check.ok ? 'ok  ' : 'FAIL'}  ${r.name}: every mail exactly once${r.recordedS !== null ? ', every row sent' : ''}`);
  const failed = results.filter((r) => !r.check.ok);
  console.log(failed.length ? `\nRESULT: FAIL (${failed.length} of ${results.length})` : `\nRESULT: PASS (${results.length} checks)`);
  return failed.length ? 1 : 0;
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
