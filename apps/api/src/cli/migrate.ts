import { ConfigError, loadConfig, redact } from '../config';
import { ensureDatabase, runMigrations } from '../database/migrate';
import { checkServices, formatServiceProblems } from '../database/preflight';
import { exitWith } from '../bootstrap';

/** `npm run migrate`: creates the database if missing and applies pending migrations; idempotent. */
export async function migrate(databaseUrl: string, log: (line: string) => void = console.log) {
  const created = await ensureDatabase(databaseUrl);
  if (created) log(`Created database ${redact(databaseUrl)}`);
  const ran = await runMigrations(databaseUrl);
  log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Schema is up to date (no pending migrations).');
  return ran;
}

async function main() {
  let databaseUrl: string;
  try {
    databaseUrl = loadConfig().databaseUrl;
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.message);
    throw e;
  }
  const problems = (await checkServices(databaseUrl, 'redis://127.0.0.1:1')).filter((p) => p.service === 'PostgreSQL');
  if (problems.length) exitWith(`Cannot migrate:\n${formatServiceProblems(problems)}`);
  await migrate(databaseUrl);
}

if (require.main === module) {
  main().catch((e) => exitWith(`Migration failed: ${(e as Error).message}`));
}
