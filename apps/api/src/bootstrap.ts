import { ConfigError, AppConfig, loadConfig } from './config';
import { describeRoleProblem, inspectDatabaseRole } from './database/app-role';
import { checkServices, formatServiceProblems } from './database/preflight';

/**
 * Loads the configuration and checks PostgreSQL and Redis once, so a bad value or a stopped service
 * ends the process with a readable message (exit code 1) rather than a loop of retries. An HTTP-only API
 * (`WORKER_ENABLED=false`) starts without Redis, degraded (see README "Faults"): a restart on deadline
 * day must not depend on Redis.
 */
export async function loadConfigOrExit(entry: 'api' | 'worker' = 'worker'): Promise<AppConfig> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.message);
    throw e;
  }
  let problems = await checkServices(config.databaseUrl, config.redisUrl);
  if (entry === 'api' && !config.workerEnabled && problems.length > 0 && problems.every((p) => p.service === 'Redis')) {
    process.stderr.write(
      `Warning: starting degraded, Redis is not reachable (rate limits count in this process; imports answer 503).\n${formatServiceProblems(problems)}\n`,
    );
    problems = [];
  }
  if (problems.length > 0) {
    exitWith(
      `Cannot start: a required service is not reachable.\n${formatServiceProblems(problems)}\n` +
        'Check DATABASE_URL / REDIS_URL, or start the services (see README: "Services").',
    );
  }
  // The audit log is only as safe as the role the app connects with: production refuses a superuser or the owner.
  const roleProblem = describeRoleProblem(
    await inspectDatabaseRole(config.databaseUrl).catch((e: Error) =>
      exitWith(`Cannot start: connecting with DATABASE_URL failed (${e.message}). Run \`npm run migrate\` first, or see README "Database roles".`),
    ),
  );
  if (roleProblem && config.nodeEnv === 'production') exitWith(`Cannot start: ${roleProblem}`);
  if (roleProblem) process.stderr.write(`Warning (refused in production): ${roleProblem}\n`);
  return config;
}

export function exitWith(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}
