/**
 * Names of everything a test run creates, derived from one run id, so a run never touches another
 * run's data nor the `npm start` database, and teardown can remove exactly what it made.
 */
export const TEST_RUN_ENV = 'JIMUKYOKU_TEST_RUN';
export const TEST_DB_PREFIX = 'jimukyoku_test_';

export function testRunId(): string {
  const id = process.env[TEST_RUN_ENV];
  if (!id) throw new Error(`${TEST_RUN_ENV} is not set: run the API tests through jest (globalSetup sets it)`);
  return id;
}

export const baseDatabaseUrl = () => process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = () => process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrlFor(name: string): string {
  const url = new URL(baseDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
