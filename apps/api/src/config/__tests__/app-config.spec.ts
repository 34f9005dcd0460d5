import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig as loadAnyConfig, redact } from '../app-config';
import { secretProblem } from '../secret-strength';

/** Every case but the NODE_ENV ones runs as the test suite does. */
const loadConfig = (env: NodeJS.ProcessEnv) => loadAnyConfig({ NODE_ENV: 'test', ...env });
const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadAnyConfig(env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
};
const PRODUCTION_SECRET = randomBytes(48).toString('base64');
const STATUS_SECRET = randomBytes(48).toString('base64');
const SECRETARIAT_ENV = {
  SECRETARIAT_NAME: '事業復活支援金事務局 相談窓口',
  SECRETARIAT_PHONE: '0120-789-140',
  SECRETARIAT_EMAIL: 'soudan@secretariat.example.jp',
  MAIL_FROM: '事業復活支援金事務局 <no-reply@secretariat.example.jp>',
  SECRETARIAT_HOURS: '8:30〜19:00（土日祝日を含む全日）',
};
const PAYMENT_REQUESTER_ENV = {
  PAYMENT_REQUESTER_CODE: '0012345678',
  PAYMENT_REQUESTER_NAME: 'ﾎｼﾞﾖｷﾝｼﾞﾑｷﾖｸ',
  PAYMENT_REQUESTER_BANK_CODE: '0005',
  PAYMENT_REQUESTER_BRANCH_CODE: '123',
  PAYMENT_REQUESTER_DEPOSIT_TYPE: '2',
  PAYMENT_REQUESTER_ACCOUNT_NUMBER: '7654321',
};
/** A complete production environment: everything production requires, then the case's own values. */
const production = (env: NodeJS.ProcessEnv = {}) => ({
  NODE_ENV: 'production',
  JWT_SECRET: PRODUCTION_SECRET,
  DATABASE_URL: 'postgres://jimukyoku_api:app-password@db.internal:5432/jimukyoku',
  DATABASE_MIGRATION_URL: 'postgres://jimukyoku_owner:owner-password@db.internal:5432/jimukyoku',
  REDIS_URL: 'rediss://cache.internal:6380',
  SMTP_URL: 'smtps://relay.internal:465',
  ...SECRETARIAT_ENV,
  STATUS_LINK_SECRET: STATUS_SECRET,
  PUBLIC_BASE_URL: 'https://status.secretariat.example.jp',
  ...PAYMENT_REQUESTER_ENV,
  ...env,
});

describe('loadConfig', () => {
  it('has defaults that work against localhost PostgreSQL and Redis', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('postgres://jimukyoku_api:jimukyoku_api@127.0.0.1:5432/jimukyoku');
    expect(c.databaseMigrationUrl).toBe('postgres://postgres@127.0.0.1:5432/jimukyoku');
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
    ['WORKER_QUEUES', 'imports,pdf', 'WORKER_QUEUES must be a comma-separated list of system, imports, notifications, mail, exports, got "imports,pdf"'],
    ['WORKER_QUEUES', ',', 'WORKER_QUEUES must be a comma-separated list'],
    ['IMPORT_MAX_BYTES', '10', 'IMPORT_MAX_BYTES must be an integer between 1024 and'],
    ['IMPORT_MAX_ROWS', '0', 'IMPORT_MAX_ROWS must be an integer between 1 and 1000000, got "0"'],
    ['IMPORT_MAX_CELL_CHARS', 'many', 'IMPORT_MAX_CELL_CHARS must be an integer between 100 and 1000000, got "many"'],
    ['IMPORT_MAX_INFLATED_BYTES', '100', 'IMPORT_MAX_INFLATED_BYTES must be an integer between'],
    ['ATTACHMENT_ORPHAN_HOURS', '0', 'ATTACHMENT_ORPHAN_HOURS must be an integer between 1 and 8760, got "0"'],
    ['ATTACHMENT_ORPHAN_HOURS', '1.5', 'ATTACHMENT_ORPHAN_HOURS must be an integer between 1 and 8760, got "1.5"'],
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

  it('consumes every queue by default, or the ones WORKER_QUEUES names', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).workerQueues).toEqual(['system', 'imports', 'notifications', 'mail', 'exports']);
    expect(loadConfig({ NODE_ENV: 'test', WORKER_QUEUES: ' imports ' }).workerQueues).toEqual(['imports']);
  });

  it('sends mail at 50 per second with 10 at a time, and without a delivery lookup, by default', () => {
    const c = loadConfig({});
    expect([c.mailRatePerSecond, c.mailConcurrency, c.smtpReconcileUrl]).toEqual([50, 10, null]);
    expect(loadConfig({ MAIL_RATE_PER_SECOND: '0', SMTP_RECONCILE_URL: 'http://127.0.0.1:8025' })).toMatchObject({
      mailRatePerSecond: 0,
      smtpReconcileUrl: 'http://127.0.0.1:8025',
    });
  });

  it('gives up a lock wait after 15 s by default, or never sends a lock_timeout when DATABASE_LOCK_TIMEOUT_MS is 0', () => {
    expect(loadConfig({}).databaseLockTimeoutMs).toBe(15_000);
    expect(loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '0' }).databaseLockTimeoutMs).toBe(0);
    expect(problemsOf({ NODE_ENV: 'test', DATABASE_LOCK_TIMEOUT_MS: '-1' }).join()).toContain('DATABASE_LOCK_TIMEOUT_MS');
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

  describe('NODE_ENV', () => {
    it.each(['development', 'test', 'production'])('accepts exactly %s', (value) => {
      expect(loadAnyConfig(value === 'production' ? production() : { NODE_ENV: value }).nodeEnv).toBe(value);
    });

    it('refuses an unset NODE_ENV instead of falling into development', () => {
      for (const env of [{}, { NODE_ENV: '' }]) {
        expect(problemsOf(env)).toEqual([
          'NODE_ENV must be set to exactly one of development, test, production (it is unset; only `npm start` defaults it to development)',
        ]);
      }
    });

    it.each(['prod', 'staging', 'Production', 'PRODUCTION', 'dev', 'Development', ' production', 'production ', 'testing', 'local'])(
      'refuses NODE_ENV=%j, naming the variable and the allowed values',
      (value) => {
        expect(problemsOf({ NODE_ENV: value, JWT_SECRET: PRODUCTION_SECRET })).toEqual([
          `NODE_ENV must be exactly one of development, test, production, got "${value}"`,
        ]);
      },
    );
  });

  describe('database roles', () => {
    it('requires both the application and the migration URL in production, naming each', () => {
      const problems = problemsOf(production({ DATABASE_URL: undefined, DATABASE_MIGRATION_URL: undefined }));
      expect(problems).toEqual([
        expect.stringContaining('DATABASE_URL must be set in production'),
        expect.stringContaining('DATABASE_MIGRATION_URL must be set in production'),
      ]);
      expect(loadAnyConfig(production())).toMatchObject({ databaseUrl: production().DATABASE_URL, databaseMigrationUrl: production().DATABASE_MIGRATION_URL });
    });

    it('refuses in production a DATABASE_URL with the development role’s published password', () => {
      expect(problemsOf(production({ DATABASE_URL: 'postgres://jimukyoku_api:jimukyoku_api@db.internal:5432/jimukyoku' }))).toEqual([
        expect.stringContaining("DATABASE_URL carries the development role's published password"),
      ]);
      expect(problemsOf(production({ DATABASE_URL: 'postgres://other_app:jimukyoku_api@db.internal:5432/jimukyoku' }))).toHaveLength(1);
      // development's own default is that URL
      expect(loadAnyConfig({ NODE_ENV: 'development' }).databaseUrl).toContain('jimukyoku_api:jimukyoku_api@');
    });

    it('requires REDIS_URL and SMTP_URL in production, named with the other missing settings, instead of localhost', () => {
      expect(problemsOf(production({ DATABASE_URL: undefined, REDIS_URL: undefined, SMTP_URL: '' }))).toEqual([
        expect.stringContaining('DATABASE_URL must be set in production'),
        'REDIS_URL must be set in production: the Redis of the queues, heartbeat and rate limits',
        "SMTP_URL must be set in production: the mail server every applicant's and reviewer's mail goes through",
      ]);
      expect(loadAnyConfig(production())).toMatchObject({ redisUrl: 'rediss://cache.internal:6380', smtpUrl: 'smtps://relay.internal:465' });
      expect(loadAnyConfig({ NODE_ENV: 'development' })).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', smtpUrl: 'smtp://127.0.0.1:1025' });
    });

    it('migrates as the local superuser on the same server and database outside production', () => {
      expect(loadConfig({ DATABASE_URL: 'postgres://app:secret@db.local:6543/other' }).databaseMigrationUrl).toBe('postgres://postgres@db.local:6543/other');
      expect(loadConfig({ DATABASE_MIGRATION_URL: 'postgres://owner@db/x' }).databaseMigrationUrl).toBe('postgres://owner@db/x');
      expect(problemsOf({ NODE_ENV: 'test', DATABASE_MIGRATION_URL: 'mysql://x@h/db' })).toEqual([
        'DATABASE_MIGRATION_URL must start with postgres:// or postgresql://, got "mysql://x@h/db"',
      ]);
    });
  });

  describe('production secrets', () => {
    it('requires JWT_SECRET, saying how to make one', () => {
      expect(problemsOf(production({ JWT_SECRET: undefined }))).toEqual(['JWT_SECRET must be set in production (make one with `openssl rand -base64 48`)']);
      expect(problemsOf(production({ JWT_SECRET: '' }))).toEqual(['JWT_SECRET must be set in production (make one with `openssl rand -base64 48`)']);
    });

    it('refuses the published development secrets, alone or inside a longer value', () => {
      for (const secret of [
        'jimukyoku-development-secret-change-me',
        'jimukyoku-development-status-link-secret-change-me',
        'jimukyoku-development-secret-change-me-Xq7',
      ]) {
        expect(problemsOf(production({ JWT_SECRET: secret }))).toEqual([
          'JWT_SECRET contains a published development value: production needs at least 32 random bytes (make one with `openssl rand -base64 48`)',
        ]);
      }
    });

    it.each([
      ['31 characters', 'a-long-enough-production-secret', 'JWT_SECRET is too short (31 characters, at least 32)'],
      ['16 random bytes in hex', randomBytes(16).toString('hex'), 'JWT_SECRET is too regular'],
      ['one word repeated', 'password'.repeat(6), 'JWT_SECRET is too regular'],
      ['one character', 'x'.repeat(64), 'JWT_SECRET is too regular'],
      ['digits in a row', '0123456789'.repeat(4), 'JWT_SECRET is too regular'],
    ])('refuses a secret of %s', (_case, secret, message) => {
      const [problem] = problemsOf(production({ JWT_SECRET: secret }));
      expect(problem).toContain(message);
      expect(problem).toContain('at least 32 random bytes (make one with `openssl rand -base64 48`)');
    });

    it('accepts 32 random bytes or more, in base64 or hex', () => {
      for (let i = 0; i < 200; i++) {
        for (const secret of [
          randomBytes(32).toString('base64'),
          randomBytes(32).toString('hex'),
          randomBytes(48).toString('base64'),
          randomBytes(32).toString('base64url'),
        ]) {
          expect(secretProblem(secret)).toBeNull();
        }
      }
      expect(loadAnyConfig(production()).jwtSecret).toBe(PRODUCTION_SECRET);
    });

    it('keeps the development secret outside production', () => {
      expect(loadConfig({}).jwtSecret).toBe('jimukyoku-development-secret-change-me');
      expect(loadAnyConfig({ NODE_ENV: 'development' }).jwtSecret).toBe('jimukyoku-development-secret-change-me');
    });

    it('refuses an INITIAL_ADMIN_PASSWORD the password policy refuses, in every mode', () => {
      for (const env of [production({ INITIAL_ADMIN_PASSWORD: 'short' }), { NODE_ENV: 'development', INITIAL_ADMIN_PASSWORD: 'password1234' }]) {
        const [problem] = problemsOf(env);
        expect(problem).toMatch(/^INITIAL_ADMIN_PASSWORD is refused by the password policy: .+/);
      }
      expect(problemsOf(production({ INITIAL_ADMIN_PASSWORD: 'admin@jimukyoku.example.jp-2026!' }))[0]).toContain('メールアドレス');
      // the demo staff's password is printed by npm start and in the README: anyone could sign in first
      expect(problemsOf(production({ INITIAL_ADMIN_PASSWORD: 'demo-password-2022' }))[0]).toContain('デモ用として公開されているパスワード');
      const accepted = 'tulip-orbit-kettle-marble-9431';
      expect(loadAnyConfig(production({ INITIAL_ADMIN_PASSWORD: accepted })).initialAdminPassword).toBe(accepted);
      expect(loadAnyConfig(production()).initialAdminPassword).toBeNull();
    });

    it('refuses the development mail catcher page in production', () => {
      expect(problemsOf(production({ MAIL_WEB_URL: 'http://localhost:8025' }))).toEqual([
        "MAIL_WEB_URL is the development mail catcher's page and is refused in production (unset it)",
      ]);
      expect(loadAnyConfig({ NODE_ENV: 'development', MAIL_WEB_URL: 'http://localhost:8025' }).mailWebUrl).toBe('http://localhost:8025');
    });
  });

  it('allows the admin’s dev server cross-origin outside production, and in production only an ADMIN_ORIGIN set explicitly', () => {
    expect(loadAnyConfig({ NODE_ENV: 'development' }).adminOrigin).toBe('http://localhost:5173');
    expect(loadAnyConfig(production()).adminOrigin).toBeNull();
    expect(loadAnyConfig(production({ ADMIN_ORIGIN: 'https://admin.secretariat.example.jp' })).adminOrigin).toBe('https://admin.secretariat.example.jp');
  });

  it.each([
    ['a trailing slash, which no browser sends', 'https://admin.example.jp/', 'ADMIN_ORIGIN must be an origin as a browser sends it'],
    ['a path', 'https://admin.example.jp/admin', 'ADMIN_ORIGIN must be an origin as a browser sends it'],
    ['a wildcard', '*', 'ADMIN_ORIGIN must be an origin as a browser sends it'],
    ['another scheme', 'javascript:alert(1)', 'ADMIN_ORIGIN must be an origin as a browser sends it'],
    ['plain http in production', 'http://admin.example.jp', 'ADMIN_ORIGIN must be https in production'],
  ])('refuses an ADMIN_ORIGIN with %s', (_case, value, problem) => {
    expect(problemsOf(production({ ADMIN_ORIGIN: value }))).toEqual([expect.stringContaining(problem)]);
  });

  it('requires MAIL_FROM in production, and an address in any mode', () => {
    expect(problemsOf(production({ MAIL_FROM: undefined }))).toEqual([expect.stringMatching(/^MAIL_FROM must be set in production/)]);
    expect(loadAnyConfig({ NODE_ENV: 'development' }).mailFrom).toBe('事務局 <no-reply@jimukyoku.example.jp>');
    for (const bogus of ['bogus', '事務局 <no-reply>', '<a@b.jp', 'a@b.jp\nBcc: x@y.jp'])
      expect(problemsOf(production({ MAIL_FROM: bogus }))).toEqual([expect.stringMatching(/^MAIL_FROM must be an email address/)]);
    for (const good of ['no-reply@secretariat.example.jp', '事業復活支援金事務局 <no-reply@secretariat.example.jp>'])
      expect(loadAnyConfig(production({ MAIL_FROM: good })).mailFrom).toBe(good);
  });

  describe('API_DOCS', () => {
    it('serves OpenAPI in development and test, not in production unless asked', () => {
      expect(loadAnyConfig({ NODE_ENV: 'development' }).apiDocs).toBe(true);
      expect(loadAnyConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true);
      expect(loadAnyConfig(production()).apiDocs).toBe(false);
      expect(loadAnyConfig(production({ API_DOCS: 'true' })).apiDocs).toBe(true);
      expect(loadAnyConfig(production({ API_DOCS: 'false' })).apiDocs).toBe(false);
    });

    it('refuses a value that is not a boolean', () => {
      expect(problemsOf(production({ API_DOCS: 'sometimes' }))).toEqual(['API_DOCS must be true or false, got "sometimes"']);
    });
  });

  describe('the status links (STATUS_LINK_SECRET, STATUS_LINK_TTL_DAYS, PUBLIC_BASE_URL)', () => {
    it('are signed with a marked development key, live 180 days and point at localhost outside production', () => {
      expect(loadConfig({}).statusLink).toEqual({
        secret: 'jimukyoku-development-status-link-secret-change-me',
        ttlDays: 180,
        publicBaseUrl: 'http://localhost:3000',
      });
      expect(loadConfig({ PUBLIC_BASE_URL: 'https://example.jp/portal/', STATUS_LINK_TTL_DAYS: '30' }).statusLink).toMatchObject({
        ttlDays: 30,
        publicBaseUrl: 'https://example.jp/portal',
      });
    });

    it('production refuses to start without its own long key or without the public https address', () => {
      expect(problemsOf(production({ STATUS_LINK_SECRET: undefined, PUBLIC_BASE_URL: undefined }))).toEqual([
        expect.stringContaining('STATUS_LINK_SECRET must be set in production'),
        expect.stringContaining('PUBLIC_BASE_URL must be set in production'),
      ]);
      expect(problemsOf(production({ STATUS_LINK_SECRET: 'jimukyoku-development-status-link-secret-change-me' }))[0]).toContain(
        'STATUS_LINK_SECRET contains a published development value',
      );
      expect(problemsOf(production({ STATUS_LINK_SECRET: 'short-secret' }))[0]).toContain('STATUS_LINK_SECRET is too short');
      expect(problemsOf(production({ PUBLIC_BASE_URL: 'http://status.example.jp' }))).toEqual(['PUBLIC_BASE_URL must be an https address in production']);
      expect(problemsOf(production({ STATUS_LINK_TTL_DAYS: '0' }))).toEqual(['STATUS_LINK_TTL_DAYS must be an integer between 1 and 3650, got "0"']);
      expect(loadAnyConfig(production()).statusLink).toEqual({ secret: STATUS_SECRET, ttlDays: 180, publicBaseUrl: 'https://status.secretariat.example.jp' });
    });
  });

  describe('the 振込依頼人 of the 全銀 file (PAYMENT_REQUESTER_*)', () => {
    it('is required in production, each part named', () => {
      const unset = Object.fromEntries(Object.keys(PAYMENT_REQUESTER_ENV).map((k) => [k, undefined]));
      expect(problemsOf(production(unset)).map((p) => p.split(' ')[0])).toEqual(Object.keys(PAYMENT_REQUESTER_ENV));
      expect(loadAnyConfig(production()).paymentRequester).toEqual({
        code: '0012345678',
        name: 'ﾎｼﾞﾖｷﾝｼﾞﾑｷﾖｸ',
        bankCode: '0005',
        branchCode: '123',
        depositType: '2',
        accountNumber: '7654321',
      });
    });

    it('refuses a value not of its form, and stands in the sample outside production', () => {
      expect(problemsOf({ NODE_ENV: 'test', PAYMENT_REQUESTER_NAME: '事務局', PAYMENT_REQUESTER_BANK_CODE: '12' })).toEqual([
        expect.stringContaining('PAYMENT_REQUESTER_NAME must be the 振込依頼人名'),
        expect.stringContaining('PAYMENT_REQUESTER_BANK_CODE must be the 金融機関コード'),
      ]);
      expect(loadConfig({ NODE_ENV: 'test' }).paymentRequester.code).toBe('1234567890');
    });
  });

  describe('the secretariat’s contact (SECRETARIAT_*), printed in every applicant’s mail', () => {
    it('is required in production, each part named', () => {
      const problems = problemsOf(production({ SECRETARIAT_NAME: undefined, SECRETARIAT_PHONE: '', SECRETARIAT_EMAIL: undefined, SECRETARIAT_HOURS: ' ' }));
      expect(problems.map((p) => p.split(' ')[0])).toEqual(['SECRETARIAT_NAME', 'SECRETARIAT_PHONE', 'SECRETARIAT_EMAIL', 'SECRETARIAT_HOURS']);
      expect(problems[0]).toBe(
        'SECRETARIAT_NAME must be set in production: the secretariat\'s 事務局の名称, printed in every applicant\'s mail (README "Templates")',
      );
      expect(loadAnyConfig(production()).secretariat).toEqual({
        name: '事業復活支援金事務局 相談窓口',
        phone: '0120-789-140',
        email: 'soudan@secretariat.example.jp',
        hours: '8:30〜19:00（土日祝日を含む全日）',
      });
    });

    it('outside production is a sample that says so, unless set', () => {
      expect(loadConfig({}).secretariat.name).toContain('開発用');
      expect(loadConfig({ SECRETARIAT_PHONE: '03-6834-7593' }).secretariat.phone).toBe('03-6834-7593');
    });

    it.each([
      ['SECRETARIAT_EMAIL', 'soudan', 'SECRETARIAT_EMAIL must be an email address, got "soudan"'],
      ['SECRETARIAT_PHONE', 'call us', 'SECRETARIAT_PHONE must be a phone number (digits, hyphens, parentheses), got "call us"'],
      ['SECRETARIAT_NAME', '事務局\nBcc: x@example.jp', 'SECRETARIAT_NAME must be one line of at most 200 characters'],
    ])('refuses a %s of %j', (name, value, problem) => {
      expect(problemsOf({ NODE_ENV: 'test', [name]: value })).toEqual([problem]);
    });
  });

  it('redacts passwords in URLs it prints', () => {
    expect(redact('postgres://app:s3cret@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redact('postgres://app@db/x')).toBe('postgres://app@db/x');
  });
});
