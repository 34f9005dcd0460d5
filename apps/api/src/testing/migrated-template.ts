import { Client } from 'pg';
import { runMigrations } from '../database/migrate';
import { databaseUrlFor, TEST_DB_PREFIX, testRunId } from './test-run';

/** This run's migrated, empty database: every test file's database is a copy of it. */
export const templateDatabaseName = () => `${TEST_DB_PREFIX}${testRunId()}_template`;

/**
 * Creates database `name` with the current schema, as a copy of this run's migrated template (CREATE DATABASE …
 * TEMPLATE). The first test file to ask builds the template from the real migrations/, under an advisory lock the
 * other jest workers wait on; the template is dropped with the run's other databases (run-lifecycle.ts). Copying
 * takes a fraction of running every migration again in each of some two hundred files.
 */
export async function createMigratedDatabase(name: string): Promise<void> {
  const template = templateDatabaseName();
  const client = new Client({ connectionString: databaseUrlFor('postgres'), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!rowCount) await buildTemplate(client, template);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
}

async function buildTemplate(client: Client, template: string): Promise<void> {
  await client.query(`CREATE DATABASE "${template}"`);
  try {
    await runMigrations(databaseUrlFor(template));
  } catch (error) {
    // half-migrated, it would be copied as is: the next file tries again from an empty database
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    throw error;
  }
}
