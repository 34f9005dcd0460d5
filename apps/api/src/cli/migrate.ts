import { AppConfig, ConfigError, loadConfig, redact } from '../config';
import { ensureAppLogin } from '../database/app-role';
import { ensureDatabase, runMigrations } from '../database/migrate';
import { checkServices, formatServiceProblems } from '../database/preflight';
import { exitWith } from '../bootstrap';

type MigrateConfig = Pick<AppConfig, 'databaseUrl' | 'databaseMigrationUrl' | 'nodeEnv'>;

/**
 * `npm run migrate`: as the owner (DATABASE_MIGRATION_URL) creates the database if missing and applies
 * pending migrations, then makes DATABASE_URL's login role a member of jimukyoku_app (creating it outside
 * production, where the operator creates it). Idempotent.
 */
export async function migrate(config: MigrateConfig, log: (line: string) => void = console.log) {
  const created = await ensureDatabase(config.databaseMigrationUrl);
  if (created) log(`Created database ${redact(config.databaseMigrationUrl)}`);
  const ran = await runMigrations(config.databaseMigrationUrl);
  log(ran.length ? `Applied migrations: ${ran.join(', ')}` : 'Schema is up to date (no pending migrations).');
  const login = await ensureAppLogin(config.databaseMigrationUrl, config.databaseUrl, { create: config.nodeEnv !== 'production' });
  const user = decodeURIComponent(new URL(config.databaseUrl).username);
  if (login === 'created') log(`Created the application's login role "${user}" (member of jimukyoku_app)`);
  if (login === 'granted') log(`Made "${user}" a member of jimukyoku_app`);
  if (login === 'same-as-owner')
    log(`Warning: DATABASE_URL and DATABASE_MIGRATION_URL use the same role "${user}": the application runs as the owner and could rewrite the audit log`);
  return ran;
}

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.message);
    throw e;
  }
  const problems = (await checkServices(config.databaseMigrationUrl, 'redis://127.0.0.1:1')).filter((p) => p.service === 'PostgreSQL');
  if (problems.length) exitWith(`Cannot migrate:\n${formatServiceProblems(problems)}`);
  await migrate(config);
}

if (require.main === module) {
  main().catch((e) => exitWith(`Migration failed: ${(e as Error).message}`));
}
