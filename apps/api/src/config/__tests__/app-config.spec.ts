import { ConfigError, loadConfig, redact } from '../app-config';

describe('loadConfig', () => {
  it('has defaults that work against localhost PostgreSQL and Redis', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/jimukyoku');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.port).toBe(3000);
    expect(c.workerEnabled).toBe(true);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be an integer between 0 and 65535, got "abc"'],
    ['PORT', '70000', 'PORT must be an integer between 0 and 65535, got "70000"'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL is not a valid URL'],
    ['DATABASE_URL', 'mysql://x@h/db', 'DATABASE_URL must start with postgres:// or postgresql://'],
    ['REDIS_URL', 'http://h:6379', 'REDIS_URL must start with redis:// or rediss://'],
    ['SMTP_URL', 'ftp://h', 'SMTP_URL must start with smtp:// or smtps://'],
    ['SMTP_RECONCILE_URL', 'smtp://h:8025', 'SMTP_RECONCILE_URL must start with http:// or https://'],
    ['SMTP_RECONCILE_URL', 'mailpit', 'SMTP_RECONCILE_URL is not a valid URL'],
    ['MAIL_RATE_PER_SECOND', '-1', 'MAIL_RATE_PER_SECOND must be an integer between 0 and 100000, got "-1"'],
    ['MAIL_RATE_PER_SECOND', 'fast', 'MAIL_RATE_PER_SECOND must be an integer between 0 and 100000, got "fast"'],
    ['MAIL_CONCURRENCY', '0', 'MAIL_CONCURRENCY must be an integer between 1 and 200, got "0"'],
    ['CORRECTION_REMINDER_HOURS', '0', 'CORRECTION_REMINDER_HOURS must be an integer between 1 and 720, got "0"'],
    ['CORRECTION_REMINDER_HOURS', '3 days', 'CORRECTION_REMINDER_HOURS must be an integer between 1 and 720, got "3 days"'],
    ['WORKER_ENABLED', 'maybe', 'WORKER_ENABLED must be true or false'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of'],
    ['JWT_SECRET', 'short', 'JWT_SECRET must be at least 16 characters'],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toContain(message);
    }
  });

  it('sends mail at 50 per second with 10 at a time, and without a delivery lookup, by default', () => {
    const c = loadConfig({});
    expect([c.mailRatePerSecond, c.mailConcurrency, c.smtpReconcileUrl]).toEqual([50, 10, null]);
    expect(loadConfig({ MAIL_RATE_PER_SECOND: '0', SMTP_RECONCILE_URL: 'http://127.0.0.1:8025' })).toMatchObject({ mailRatePerSecond: 0, smtpReconcileUrl: 'http://127.0.0.1:8025' });
  });

  it('reminds applicants 72 hours before the 補正期限 by default', () => {
    expect(loadConfig({}).correctionReminderHours).toBe(72);
    expect(loadConfig({ CORRECTION_REMINDER_HOURS: '24' }).correctionReminderHours).toBe(24);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', REDIS_URL: 'nope' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });

  it('requires a real JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET must be set in production');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-production-secret' }).nodeEnv).toBe('production');
  });

  it('redacts passwords in URLs it prints', () => {
    expect(redact('postgres://app:s3cret@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redact('postgres://app@db/x')).toBe('postgres://app@db/x');
  });
});
