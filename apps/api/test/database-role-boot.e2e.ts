import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeRoleProblem, inspectDatabaseRole } from '../src/database/app-role';
import { createTestDatabase, dropTestDatabase } from './harness';
import { databaseUrlFor, ownerUrlOf, testRedisUrl } from './test-run';

// The built entry points, as an operator runs them; `npm test` builds before running jest.
const dist = join(__dirname, '..', 'dist');
const production = (databaseUrl: string) => ({
  ...process.env,
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(48).toString('base64'),
  DATABASE_URL: databaseUrl,
  DATABASE_MIGRATION_URL: ownerUrlOf(databaseUrl),
  REDIS_URL: testRedisUrl(),
  SMTP_URL: 'smtp://127.0.0.1:1025',
  SECRETARIAT_NAME: '補助金事務局 相談窓口',
  SECRETARIAT_PHONE: '0120-000-000',
  SECRETARIAT_EMAIL: 'soudan@secretariat.example.jp',
  MAIL_FROM: '事業復活支援金事務局 <no-reply@secretariat.example.jp>',
  SECRETARIAT_HOURS: '9:30〜17:30',
  STATUS_LINK_SECRET: 'Vx9q2LmT7rB4nW8kZ1cY6pH3sD0fG5jA-status',
  PUBLIC_BASE_URL: 'https://status.secretariat.example.jp',
  PAYMENT_REQUESTER_CODE: '0012345678',
  PAYMENT_REQUESTER_NAME: 'ﾎｼﾞﾖｷﾝｼﾞﾑｷﾖｸ',
  PAYMENT_REQUESTER_BANK_CODE: '0005',
  PAYMENT_REQUESTER_BRANCH_CODE: '123',
  PAYMENT_REQUESTER_DEPOSIT_TYPE: '1',
  PAYMENT_REQUESTER_ACCOUNT_NUMBER: '7654321',
  LOG_LEVEL: 'silent',
  PORT: '0',
});

/** A login role given one privilege too many on the audit log; dropped (after its database) at the end. */
const granted = `jimukyoku_test_rw_${randomBytes(3).toString('hex')}`;
async function superuser(sql: string, databaseUrl = databaseUrlFor('postgres')) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('the database role the app runs as', () => {
  let url: string;
  beforeAll(async () => {
    if (!existsSync(join(dist, 'main.js'))) throw new Error('apps/api/dist is missing: run `npm run build` first (npm test does)');
    url = await createTestDatabase('role_boot');
  });
  afterAll(async () => {
    if (url) await dropTestDatabase(url);
    await superuser(`DROP ROLE IF EXISTS ${granted}`);
  });

  it('accepts the application role and names what is wrong with a superuser', async () => {
    expect(describeRoleProblem(await inspectDatabaseRole(url))).toBeNull();
    expect(describeRoleProblem(await inspectDatabaseRole(ownerUrlOf(url)))).toContain('a PostgreSQL superuser: it could erase the audit log');
  });

  it('refuses a role that may change audit records even without being a superuser', async () => {
    await superuser(`CREATE ROLE ${granted} LOGIN IN ROLE jimukyoku_app`);
    await superuser(`GRANT UPDATE ON audit_log TO ${granted}`, ownerUrlOf(url));
    const u = new URL(url);
    u.username = granted;
    u.password = '';
    expect(describeRoleProblem(await inspectDatabaseRole(u.toString()))).toContain(`"${granted}", which may change or remove audit_log records`);
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
