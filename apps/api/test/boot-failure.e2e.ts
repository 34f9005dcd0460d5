import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Runs the built entry points as a user would; `npm test` builds before running jest.
const dist = join(__dirname, '..', 'dist');
/** Runs a built entry point with NODE_ENV=test unless the case sets it; `undefined` removes a variable. */
const run = (entry: string, env: Record<string, string | undefined>) => {
  const merged: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', ...env, LOG_LEVEL: 'silent' };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return spawnSync(process.execPath, [join(dist, entry)], { env: merged as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20_000 });
};
const ENTRY_POINTS = ['main.js', 'worker.js', 'cli/migrate.js'];

describe('starting with bad configuration', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'main.js'))) throw new Error('apps/api/dist is missing: run `npm run build` first (npm test does)');
  });

  it('stops fast with a readable message when PostgreSQL is unreachable', () => {
    const started = Date.now();
    const r = run('main.js', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/jimukyoku' });
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.stderr).toContain('PostgreSQL at postgres://postgres@127.0.0.1:1/jimukyoku is not reachable');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names the variable when a URL is malformed, and hides passwords', () => {
    const r = run('main.js', { DATABASE_URL: 'mysql://user:secret@host/db' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL must start with postgres:// or postgresql://');
    expect(r.stderr).not.toContain('secret');
  });

  it('refuses mail settings it cannot use, naming each, before the worker sends anything', () => {
    const r = run('worker.js', { SMTP_RECONCILE_URL: 'mailpit:8025', MAIL_RATE_PER_SECOND: 'fast' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SMTP_RECONCILE_URL must start with http:// or https://, got "mailpit:8025"');
    expect(r.stderr).toContain('MAIL_RATE_PER_SECOND must be an integer between 0 and 100000, got "fast"');
  });

  // Before, an unset or misspelt NODE_ENV ran as development: the published JWT secret, demo staff, the mail catcher.
  describe.each(ENTRY_POINTS)('%s refuses a NODE_ENV that is not exactly development, test or production', (entry) => {
    it('when it is unset (only `npm start` defaults it)', () => {
      const r = run(entry, { NODE_ENV: undefined });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('NODE_ENV must be set to exactly one of development, test, production (it is unset');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it.each(['prod', 'staging', 'Production'])('when it is %s', (value) => {
      const r = run(entry, { NODE_ENV: value });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`NODE_ENV must be exactly one of development, test, production, got "${value}"`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    // test brought back every development default (the published JWT secret, public OpenAPI, open CORS) with nothing else set
    it('when it is test outside the test suite', () => {
      const r = run(entry, { NODE_ENV: 'test', JEST_WORKER_ID: undefined });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("NODE_ENV=test is the test suite's mode (run by jest)");
    });
  });

  it.each(['main.js', 'worker.js'])('%s refuses production without a real JWT_SECRET, saying how to make one', (entry) => {
    for (const secret of [undefined, 'jimukyoku-development-secret-change-me', 'changeme'.repeat(5)]) {
      const r = run(entry, { NODE_ENV: 'production', JWT_SECRET: secret });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/JWT_SECRET .*production.*`openssl rand -base64 48`/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a non-numeric PORT in the worker too', () => {
    const r = run('worker.js', { PORT: 'eighty' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT must be an integer between 0 and 65535, got "eighty"');
  });
});
