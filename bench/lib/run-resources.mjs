// What a bench run creates outside its own process and removes again, whatever happens: a fresh migrated
// database, Redis keys under the run's prefixes, and child processes. Each bench keeps its own `cleanup()`
// (which parts it made, what `--keep` keeps) and calls these for the parts.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));

/** The Redis a bench's processes use: REDIS_URL, default the local one (the app's default too). */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const log = (line) => console.log(`[bench] ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates `jimukyoku_bench_<kind>_<epoch ms>` on the server of BENCH_DATABASE_URL (default the local
 * PostgreSQL) and migrates it with the built migrations; refuses a name that already exists. Answers its URL,
 * its name and the maintenance database's URL, from which it is dropped.
 */
export async function createDatabase(kind) {
  const { ensureDatabase, runMigrations } = require(join(ROOT, 'apps/api/dist/database/migrate.js'));
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `jimukyoku_bench_${kind}_${Date.now()}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const url = new URL(base);
  url.pathname = `/${name}`;
  const t0 = performance.now();
  if (!(await ensureDatabase(url.toString()))) throw new Error(`database ${name} already exists; refusing to use it`);
  const ran = await runMigrations(url.toString());
  log(`created database ${name} (${ran.length} migrations in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return { url: url.toString(), name, adminUrl: admin.toString() };
}

/** Drops the run's database (closing its connections); a failure is reported, not thrown. */
export async function dropDatabase(adminUrl, name) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`dropped database ${name}`);
  } catch (e) {
    console.error(`[bench] could not drop database ${name}: ${e.message}`);
  } finally {
    await c.end().catch(() => {});
  }
}

/** Deletes every Redis key under the prefixes (the queues the run's processes made); a failure is reported, not thrown. */
export async function removeRedisKeys(redisUrl, prefixes) {
  if (prefixes.length === 0) return;
  const Redis = require('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let removed = 0;
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) removed += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
    log(`removed ${removed} Redis keys under ${prefixes.join(', ')}`);
  } catch (e) {
    console.error(`[bench] could not clean Redis: ${e.message}`);
  } finally {
    redis.disconnect();
  }
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the child has exited (at once if it had). */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  return Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}

/**
 * Ctrl-C and SIGTERM run `cleanup` and exit 130; at any exit (an uncaught error as well) the children still
 * running are killed, so no API or worker outlives its bench.
 */
export function cleanUpOnExit(cleanup, children) {
  process.on('exit', () => {
    for (const child of children()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`\n[bench] ${signal}: stopping`);
      cleanup().finally(() => process.exit(130));
    });
  }
}
