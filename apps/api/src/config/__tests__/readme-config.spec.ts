import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../app-config';

/**
 * README's configuration table cannot drift from the config: it has one row per variable loadConfig
 * reads (CONFIG_VARIABLES, which the parser reads through) and no other, and its "production" column
 * says `required` exactly for the variables production refuses to start without.
 */
const README = join(__dirname, '../../../../../README.md');

interface Row {
  name: string;
  production: string;
}

function configurationTable(): Row[] {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('### Configuration (environment variables');
  if (start < 0) throw new Error('README has no "### Configuration (environment variables…" section');
  const lines = text.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows = table
    .slice(
      0,
      table.findIndex((l) => !l.startsWith('|')),
    )
    .slice(2);
  return rows.map((line) => {
    const cells = line.split(' | ');
    const name = /^\| `([A-Z0-9_]+)`$/.exec(cells[0])?.[1];
    if (!name) throw new Error(`README configuration row does not start with a variable in backticks: ${line}`);
    return { name, production: cells[2] };
  });
}

/** The variables loadConfig looks at for `env`, recorded by a proxy. */
function variablesRead(env: NodeJS.ProcessEnv): Set<string> {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key);
    },
  });
  try {
    loadConfig(proxy);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
  }
  return read;
}

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
}

const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  JWT_SECRET: 'q3J8wZ1vR6tY0uP4sK9mN2bX7cV5lA8dF3gH6jE1',
  DATABASE_URL: 'postgres://jimukyoku_api:app@db.internal:5432/jimukyoku',
  DATABASE_MIGRATION_URL: 'postgres://jimukyoku_owner:owner@db.internal:5432/jimukyoku',
  REDIS_URL: 'redis://cache.internal:6379',
  SMTP_URL: 'smtp://relay.internal:587',
  SECRETARIAT_NAME: '補助金事務局 相談窓口',
  SECRETARIAT_PHONE: '0120-000-000',
  SECRETARIAT_EMAIL: 'soudan@secretariat.example.jp',
  MAIL_FROM: '事業復活支援金事務局 <no-reply@secretariat.example.jp>',
  SECRETARIAT_HOURS: '9:30〜17:30',
  STATUS_LINK_SECRET: 'Vx9q2LmT7rB4nW8kZ1cY6pH3sD0fG5jA-status',
  PUBLIC_BASE_URL: 'https://status.secretariat.example.jp',
};

describe('README configuration table', () => {
  const rows = configurationTable();
  const named = rows.map((r) => r.name);

  it('lists every variable the config reads, once', () => {
    expect(named.filter((n, i) => named.indexOf(n) !== i)).toEqual([]);
    expect([...CONFIG_VARIABLES].filter((v) => !named.includes(v))).toEqual([]);
  });

  it('lists no variable the config does not read', () => {
    expect(named.filter((n) => !(CONFIG_VARIABLES as readonly string[]).includes(n))).toEqual([]);
  });

  it('CONFIG_VARIABLES is exactly what loadConfig reads (in development, test and production)', () => {
    const read = new Set<string>();
    for (const env of [{ NODE_ENV: 'development' }, { NODE_ENV: 'test' }, PRODUCTION, { ...PRODUCTION, MAIL_WEB_URL: 'http://localhost:8025' }]) {
      for (const v of variablesRead({ ...env })) read.add(v);
    }
    expect([...read].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('marks `required` exactly what production refuses to start without', () => {
    const requiredRows = rows
      .filter((r) => r.production.startsWith('required'))
      .map((r) => r.name)
      .sort();
    const refusedWithout = CONFIG_VARIABLES.filter((v) => {
      const env = { ...PRODUCTION };
      delete env[v];
      return problemsOf(env).some((p) => p.startsWith(`${v} `));
    });
    expect(requiredRows).toEqual([...refusedWithout].sort());
  });

  it('marks `refused` exactly what production refuses when set', () => {
    const refusedRows = rows
      .filter((r) => r.production.startsWith('refused'))
      .map((r) => r.name)
      .sort();
    // a value the variable accepts outside production, so only production's own refusal remains
    const sample: Partial<Record<string, string>> = { MAIL_WEB_URL: 'http://localhost:8025' };
    const refused = Object.keys(sample).filter((v) => problemsOf({ ...PRODUCTION, [v]: sample[v] }).some((p) => p.startsWith(`${v} `)));
    expect(refusedRows).toEqual(refused.sort());
    expect(refusedRows.every((v) => problemsOf({ NODE_ENV: 'test', [v]: sample[v] }).length === 0)).toBe(true);
  });
});
