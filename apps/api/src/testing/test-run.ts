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

/**
 * The login role every test app connects as: like production's, a member of jimukyoku_app (no superuser,
 * audit log INSERT/SELECT only). The harness creates it (cluster-wide, once) and migrates as the owner.
 */
export const testAppUser = () => process.env.TEST_APP_DATABASE_USER ?? 'jimukyoku_test_app';
const testAppPassword = () => process.env.TEST_APP_DATABASE_PASSWORD ?? 'jimukyoku_test_app';

/** The URL of database `name` as the test application's role. */
export function appDatabaseUrlFor(name: string): string {
  const url = new URL(databaseUrlFor(name));
  url.username = testAppUser();
  url.password = testAppPassword();
  return url.toString();
}

/** The same database as the owner (a superuser here): for tests that act as an attacker or an operator. */
export function ownerUrlOf(databaseUrl: string): string {
  return databaseUrlFor(decodeURIComponent(new URL(databaseUrl).pathname.slice(1)));
}
