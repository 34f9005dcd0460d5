#!/usr/bin/env node
/**
 * `npm run bench [-- <name> [options]]`: runs one benchmark of bench/ (the intake load test by
 * default) and passes the options on. `npm run bench -- list` names them. Build first: they run
 * against apps/api/dist (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

const BENCHMARKS = {
  simulator: {
    script: 'review-simulator.mjs',
    what: 'the adoption simulator (GET /api/rounds/:id/ranking) on 20,000 scored applications, a different budget per request; latency as the browser sees it, checks adopted within budget',
  },
  intake: {
    script: 'intake-load.mjs',
    what: 'concurrent intake submissions with retries, duplicates and invalid payloads; checks one row per accepted key, unique 受付番号, nothing lost; throughput and p50/p90/p99 latency beside a raw node:http + pg baseline (the ratio), peak RSS; --cpu-prof profiles the API',
  },
  lists: {
    script: 'lists.mjs',
    what: 'the application list (first page, every filter, every sortable column, deep pages, search) and GET /api/pipeline on 1,000,000 loaded applications; p50/p95 through HTTP beside the same SQL run directly, API/SQL ratio, peak RSS',
  },
  mail: {
    script: 'notifications-throughput.mjs',
    what: '20,000 notifications through outbox → dispatcher → BullMQ → worker → SMTP sink, beside a raw BullMQ + nodemailer baseline; mails/s, every Message-ID exactly once',
  },
  'scale-out': {
    script: 'scale-out.mjs',
    what: 'two APIs behind HAProxy (apt-get install -y haproxy) and two workers on one PostgreSQL and Redis: intake with resends while an API is SIGKILLed, a 採択発表 while a worker is SIGKILLed; checks unique 受付番号, one row per key, every mail once and sent, job schedulers once per tick; req/s and mails/s',
  },
  decisions: {
    script: 'decisions.mjs',
    what: 'the 採択 decision of 20,000 scored applications committed through POST /api/rounds/:id/decisions (target 20 s), then the 採択発表 through the built worker; checks each state, audit record and held notice exactly once, the budget, the release exactly once, the audit chain; peak RSS; --cpu-prof profiles the API',
  },
};
const DEFAULT = 'intake';

const [first, ...rest] = process.argv.slice(2);
if (first === 'list' || first === '--list') {
  for (const [name, b] of Object.entries(BENCHMARKS)) console.log(`${name.padEnd(8)} bench/${b.script}\n         ${b.what}`);
  console.log(
    `\nnpm run bench                      → ${DEFAULT} with its defaults\nnpm run bench -- <name> [options]  → options go to the benchmark (--help lists them)`,
  );
  process.exit(0);
}
const named = first && !first.startsWith('-');
const name = named ? first : DEFAULT;
const bench = BENCHMARKS[name];
if (!bench) {
  console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHMARKS).join(', ')} (npm run bench -- list)`);
  process.exit(2);
}
const args = named ? rest : process.argv.slice(2);
const { status, signal } = spawnSync(process.execPath, [join(HERE, bench.script), ...args], { stdio: 'inherit' });
process.exit(status ?? (signal ? 128 : 1));
