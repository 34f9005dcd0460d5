import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Runs the built entry points as a user would; `npm test` builds before running jest.
const dist = join(__dirname, '..', 'dist');
const run = (entry: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [join(dist, entry)], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 20_000 });

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

  it('refuses a non-numeric PORT in the worker too', () => {
    const r = run('worker.js', { PORT: 'eighty' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT must be an integer between 0 and 65535, got "eighty"');
  });
});
