import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeRoleProblem, inspectDatabaseRole } from '../src/database/app-role';
import { createTestDatabase, dropTestDatabase } from './harness';
import { ownerUrlOf } from './test-run';

// The built entry points, as an operator runs them; `npm test` builds before running jest.
const dist = join(__dirname, '..', 'dist');
const production = (databaseUrl: string) => ({
  ...process.env,
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(48).toString('base64'),
  DATABASE_URL: databaseUrl,
  DATABASE_MIGRATION_URL: ownerUrlOf(databaseUrl),
  LOG_LEVEL: 'silent',
  PORT: '0',
});

describe('the database role the app runs as', () => {
  let url: string;
  beforeAll(async () => {
    if (!existsSync(join(dist, 'main.js'))) throw new Error('apps/api/dist is missing: run `npm run build` first (npm test does)');
    url = await createTestDatabase('role_boot');
  });
  afterAll(() => url && dropTestDatabase(url));

  it('accepts the application role and names what is wrong with a superuser', async () => {
    expect(describeRoleProblem(await inspectDatabaseRole(url))).toBeNull();
    expect(describeRoleProblem(await inspectDatabaseRole(ownerUrlOf(url)))).toContain('a PostgreSQL superuser: it could erase the audit log');
  });

  it.each([
    ['API', 'main.js'],
    ['worker', 'worker.js'],
  ])('stops the production %s at boot when DATABASE_URL is a superuser, with a message', (_name, entry) => {
    const r = spawnSync(process.execPath, [join(dist, entry)], { env: production(ownerUrlOf(url)), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Cannot start: DATABASE_URL connects as "postgres", a PostgreSQL superuser: it could erase the audit log.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
