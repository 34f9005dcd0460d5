import { ConfigError, AppConfig, loadConfig } from './config';
import { checkServices, formatServiceProblems } from './database/preflight';

/**
 * Loads the configuration and checks PostgreSQL and Redis once, so a bad value or a stopped service
 * ends the process with a readable message (exit code 1) rather than a loop of retries.
 */
export async function loadConfigOrExit(): Promise<AppConfig> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.message);
    throw e;
  }
  const problems = await checkServices(config.databaseUrl, config.redisUrl);
  if (problems.length > 0) {
    exitWith(
      `Cannot start: a required service is not reachable.\n${formatServiceProblems(problems)}\n` +
        'Check DATABASE_URL / REDIS_URL, or start the services (see README: "Services").',
    );
  }
  return config;
}

export function exitWith(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}
