import { resolve } from 'node:path';
import { QueueName } from '../queue/queue-names';
import { passwordPolicyProblems } from '../auth/password-policy';
import { INITIAL_ADMIN_EMAIL } from './initial-admin';
import { paymentRequesterConfig, secretariatContact, type PaymentRequester, type SecretariatContact } from './secretariat-identity';
import { adminOriginConfig, mailFromConfig } from './sender-and-origin';
import { DEV_JWT_SECRET, DEV_STATUS_LINK_SECRET, secretProblem } from './secret-strength';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/**
 * Environment variables, parsed and validated once at boot. A bad value stops the process with a
 * message naming the variable; every default works on a machine where PostgreSQL and Redis run on
 * localhost (as they do on the development machines and in CI).
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** the application's login role (a member of jimukyoku_app: no superuser, audit log INSERT/SELECT only) */
  databaseUrl: string;
  /** the owner role that runs migrations (`npm start`, `npm run migrate`); never used by the running app */
  databaseMigrationUrl: string;
  /** PostgreSQL connections per process; requests beyond it wait, then get 503 BUSY */
  databasePoolSize: number;
  /** longest wait for one statement's answer; past it the connection is dropped and the request answered 503 */
  databaseQueryTimeoutMs: number;
  /** longest wait for a row or table lock another transaction holds (0: not set); past it the request is answered 503 LOCKED */
  databaseLockTimeoutMs: number;
  /** intake submissions per channel per minute */
  intakeRateLimit: number;
  redisUrl: string;
  /** BullMQ / cache key prefix: tests give every run its own. */
  redisPrefix: string;
  smtpUrl: string;
  /**
   * A mailpit-compatible HTTP API (`GET /api/v1/search?query=message-id:…`) of the server behind
   * SMTP_URL, asked whether an interrupted send was accepted; null when the relay has no lookup, and
   * such a send ends `uncertain` (to be checked by a person) instead of risking a second copy.
   */
  smtpReconcileUrl: string | null;
  /** mails per second across all workers (BullMQ's global limiter on the mail queue); 0 = unlimited */
  mailRatePerSecond: number;
  /** pooled SMTP connections of one worker process: mails it has in an SMTP conversation at once (twice as many send jobs run, SEND_JOBS_PER_CONNECTION) */
  mailConcurrency: number;
  mailFrom: string;
  jwtSecret: string;
  /** Access-token lifetime in seconds. */
  accessTokenTtl: number;
  /** Refresh-token lifetime in seconds: a session unused this long ends (idle limit). */
  refreshTokenTtl: number;
  /** A session ends this many seconds after its login however active it is (absolute limit). */
  sessionMaxAge: number;
  /** Seconds the refresh token just rotated away is still accepted (two tabs refreshing at once). */
  refreshGraceSeconds: number;
  /** Express's `trust proxy`: which proxies may give the client's address (login throttling is per client) */
  trustProxy: TrustProxy;
  /**
   * The one origin CORS allows (ADMIN_ORIGIN; outside production by default the admin's Vite dev server). null: no
   * cross-origin caller at all, production's default, where the admin is served same-origin at /admin.
   */
  adminOrigin: string | null;
  /** Directory of the built admin app, served at /admin. */
  adminDist: string;
  storageDir: string;
  /** largest attachment accepted, in bytes */
  attachmentMaxBytes: number;
  /** an uploaded attachment never linked to an application is removed after this many hours */
  attachmentOrphanHours: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run the queue worker inside the API process (`npm start`'s single-process mode); it never takes the imports queue. */
  workerEnabled: boolean;
  /** the queues a worker process consumes (WORKER_QUEUES, comma-separated; default all) */
  workerQueues: QueueName[];
  /** bulk import: largest file accepted, in bytes */
  importMaxBytes: number;
  /** bulk import: most data rows in one file */
  importMaxRows: number;
  /** bulk import: most characters in one cell */
  importMaxCellChars: number;
  /** bulk import: most bytes an .xlsx may inflate to (all its entries together): refuses a workbook bomb */
  importMaxInflatedBytes: number;
  /** the development mail catcher's web page (mailpit or the embedded one), linked from the admin; null = none */
  mailWebUrl: string | null;
  /** reviewers are reminded of an open assignment whose due date is less than this many hours away */
  reviewReminderHours: number;
  /** OpenAPI (`/api/docs`, `/api/docs-json`) for anyone: always outside production, only with API_DOCS=true in it */
  apiDocs: boolean;
  /** the first administrator's password (INITIAL_ADMIN_PASSWORD); null = generated at random and printed once */
  initialAdminPassword: string | null;
  /** applicants are reminded of a returned application whose 補正期限 is less than this many hours away */
  correctionReminderHours: number;
  /** applicants are reminded of each yearly 事業化状況報告 this many days before its due date (docs/post-award.md) */
  commercializationReminderDays: number;
  /**
   * The secretariat's contact printed at the foot of every applicant's mail (SECRETARIAT_NAME, _PHONE,
   * _EMAIL, _HOURS): the 相談窓口 an applicant calls or writes to. Required in production.
   */
  secretariat: SecretariatContact;
  /** an application export of at most this many rows is answered at once; a larger one runs as a job (EXPORT_DIRECT_MAX_ROWS) */
  exportDirectMaxRows: number;
  /** a stored export file is removed this many hours after it was written (EXPORT_RETENTION_HOURS) */
  exportRetentionHours: number;
  /**
   * The application list counts its rows exactly up to this many (LIST_EXACT_COUNT_LIMIT); beyond, its
   * total is PostgreSQL's estimate, answered with `X-Total-Count-Estimated: true` (約 N 件 in the admin).
   */
  listExactCountLimit: number;
  /**
   * The applicant's status page (README "Status page"): the key that signs its links (STATUS_LINK_SECRET),
   * how long a link lives (STATUS_LINK_TTL_DAYS) and the public address the links start with (PUBLIC_BASE_URL,
   * no trailing slash). Secret and address are required in production.
   */
  statusLink: { secret: string; ttlDays: number; publicBaseUrl: string };
  /**
   * The 振込依頼人 of the 全銀 総合振込 file (docs/payments.md, README "Payment batches"): the code the bank
   * assigned the secretariat, its name in 半角カナ and its paying account (PAYMENT_REQUESTER_*). Required in
   * production; outside production a sample (DEV_PAYMENT_REQUESTER) stands in.
   */
  paymentRequester: PaymentRequester;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_COMMAND = 'openssl rand -base64 48';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'test', 'production'] as const;
/** LIST_EXACT_COUNT_LIMIT's default: the application list counts up to 10,000 rows, estimates beyond. */
export const DEFAULT_LIST_EXACT_COUNT_LIMIT = 10_000;

/**
 * Every environment variable loadConfig reads, declared once: the parser below reads variables only
 * through `read(name)` with a name from this list, and `readme-config.spec.ts` checks README's
 * configuration table against it (a row per variable, no row for anything else).
 */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'DATABASE_POOL_SIZE',
  'DATABASE_QUERY_TIMEOUT_MS',
  'DATABASE_LOCK_TIMEOUT_MS',
  'INTAKE_RATE_LIMIT',
  'REDIS_URL',
  'REDIS_PREFIX',
  'SMTP_URL',
  'SMTP_RECONCILE_URL',
  'MAIL_RATE_PER_SECOND',
  'MAIL_CONCURRENCY',
  'MAIL_FROM',
  'PORT',
  'WORKER_ENABLED',
  'WORKER_QUEUES',
  'JWT_SECRET',
  'ACCESS_TOKEN_TTL',
  'REFRESH_TOKEN_TTL',
  'SESSION_MAX_AGE',
  'REFRESH_GRACE_SECONDS',
  'TRUST_PROXY',
  'INITIAL_ADMIN_PASSWORD',
  'API_DOCS',
  'STORAGE_DIR',
  'ATTACHMENT_MAX_BYTES',
  'IMPORT_MAX_BYTES',
  'IMPORT_MAX_ROWS',
  'IMPORT_MAX_CELL_CHARS',
  'IMPORT_MAX_INFLATED_BYTES',
  'ATTACHMENT_ORPHAN_HOURS',
  'ADMIN_ORIGIN',
  'ADMIN_DIST',
  'LOG_LEVEL',
  'MAIL_WEB_URL',
  'REVIEW_REMINDER_HOURS',
  'CORRECTION_REMINDER_HOURS',
  'COMMERCIALIZATION_REMINDER_DAYS',
  'EXPORT_DIRECT_MAX_ROWS',
  'EXPORT_RETENTION_HOURS',
  'LIST_EXACT_COUNT_LIMIT',
  'SECRETARIAT_NAME',
  'SECRETARIAT_PHONE',
  'SECRETARIAT_EMAIL',
  'SECRETARIAT_HOURS',
  'STATUS_LINK_SECRET',
  'STATUS_LINK_TTL_DAYS',
  'PUBLIC_BASE_URL',
  'PAYMENT_REQUESTER_CODE',
  'PAYMENT_REQUESTER_NAME',
  'PAYMENT_REQUESTER_BANK_CODE',
  'PAYMENT_REQUESTER_BRANCH_CODE',
  'PAYMENT_REQUESTER_DEPOSIT_TYPE',
  'PAYMENT_REQUESTER_ACCOUNT_NUMBER',
] as const;
export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: ConfigVariable): string | undefined => env[name];
  const str = (name: ConfigVariable, fallback: string) => {
    const v = read(name);
    return v === undefined || v === '' ? fallback : v;
  };
  const int = (name: ConfigVariable, fallback: number, min: number, max: number) => {
    const raw = read(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const url = (name: ConfigVariable, fallback: string, protocols: string[]) => {
    const value = str(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${redact(value)}"`);
      }
    } catch {
      problems.push(`${name} is not a valid URL: "${redact(value)}"`);
    }
    return value;
  };
  const optionalUrl = (name: ConfigVariable, protocols: string[]) => (read(name) === undefined || read(name) === '' ? null : url(name, '', protocols));
  const list = <T extends string>(name: ConfigVariable, allowed: readonly T[]): T[] => {
    const raw = read(name);
    if (raw === undefined || raw.trim() === '') return [...allowed];
    const values = raw
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
    if (unknown.length || values.length === 0) problems.push(`${name} must be a comma-separated list of ${allowed.join(', ')}, got "${raw}"`);
    return allowed.filter((v) => values.includes(v));
  };
  const bool = (name: ConfigVariable, fallback: boolean) => {
    const raw = read(name);
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  // No default: a typo (`prod`, `Production`) or a forgotten value must not run with development's
  // published secret, demo staff and mail catcher. `npm start` and `npm test` set it themselves.
  const nodeEnvRaw = read('NODE_ENV');
  const nodeEnvValid = (NODE_ENVS as readonly string[]).includes(nodeEnvRaw ?? '');
  if (!nodeEnvValid) {
    problems.push(
      nodeEnvRaw === undefined || nodeEnvRaw === ''
        ? `NODE_ENV must be set to exactly one of ${NODE_ENVS.join(', ')} (it is unset; only \`npm start\` defaults it to development)`
        : `NODE_ENV must be exactly one of ${NODE_ENVS.join(', ')}, got "${nodeEnvRaw}"`,
    );
  }
  // an invalid value fails below in any case; 'test' only keeps the other checks from adding noise
  const nodeEnv = (nodeEnvValid ? nodeEnvRaw : 'test') as AppConfig['nodeEnv'];
  const production = nodeEnvValid && nodeEnv === 'production';
  // test keeps development's published secrets and public docs: only the test suite (jest sets JEST_WORKER_ID in this
  // process, and the processes it starts inherit it) may run as it, not a server whose NODE_ENV was mis-set
  if (nodeEnvValid && nodeEnv === 'test' && !process.env.JEST_WORKER_ID)
    problems.push(
      "NODE_ENV=test is the test suite's mode (run by jest), with development's published secrets: run a server with NODE_ENV=production (or development on a workstation)",
    );
  const logLevelRaw = str('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevelRaw)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const jwtSecret = str('JWT_SECRET', DEV_JWT_SECRET);
  if (production) {
    if (!read('JWT_SECRET')) problems.push(`JWT_SECRET must be set in production (make one with \`${SECRET_COMMAND}\`)`);
    else refuseWeakSecret('JWT_SECRET', jwtSecret, problems);
  } else if (jwtSecret.length < 16) problems.push('JWT_SECRET must be at least 16 characters');
  const initialAdminPassword = read('INITIAL_ADMIN_PASSWORD') || null;
  if (initialAdminPassword !== null) {
    const refused = passwordPolicyProblems(initialAdminPassword, { email: INITIAL_ADMIN_EMAIL });
    if (refused.length)
      problems.push(`INITIAL_ADMIN_PASSWORD is refused by the password policy: ${refused.join(' ')} (or leave it unset: a random one is printed once)`);
  }
  const mailWebUrl = read('MAIL_WEB_URL') ? url('MAIL_WEB_URL', '', ['http:', 'https:']) : null;
  if (production && mailWebUrl) problems.push("MAIL_WEB_URL is the development mail catcher's page and is refused in production (unset it)");

  const databaseUrl = url('DATABASE_URL', DEV_DATABASE_URL, ['postgres:', 'postgresql:']);
  const databaseMigrationUrl = url('DATABASE_MIGRATION_URL', ownerUrlBeside(databaseUrl), ['postgres:', 'postgresql:']);
  if (production && !read('DATABASE_URL'))
    problems.push('DATABASE_URL must be set in production: the application role, a member of jimukyoku_app (README "Database roles")');
  // development's role with its published password (DEV_DATABASE_URL, docker-compose.yml): anyone may know it
  else if (production && hasDevelopmentPassword(databaseUrl))
    problems.push('DATABASE_URL carries the development role\'s published password: give the application role a password of its own (README "Database roles")');
  if (production && !read('DATABASE_MIGRATION_URL'))
    problems.push('DATABASE_MIGRATION_URL must be set in production: the owner role that runs migrations (README "Database roles")');
  // the defaults are development's localhost services: production would queue into, or mail through, whatever answers there
  if (production && !read('REDIS_URL')) problems.push('REDIS_URL must be set in production: the Redis of the queues, heartbeat and rate limits');
  if (production && !read('SMTP_URL')) problems.push("SMTP_URL must be set in production: the mail server every applicant's and reviewer's mail goes through");

  const secretariat = secretariatContact(read, production, problems);
  const statusLink = statusLinkConfig(read, production, problems, int, url);
  const paymentRequester = paymentRequesterConfig(read, production, problems);

  const trustProxyParsed = parseTrustProxy(str('TRUST_PROXY', 'loopback'));
  if ('problem' in trustProxyParsed) problems.push(trustProxyParsed.problem);
  const trustProxy = 'value' in trustProxyParsed ? trustProxyParsed.value : 'loopback';

  const config: AppConfig = {
    nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    databaseMigrationUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', 20, 1, 500),
    databaseQueryTimeoutMs: int('DATABASE_QUERY_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    databaseLockTimeoutMs: int('DATABASE_LOCK_TIMEOUT_MS', 15_000, 0, 3_600_000),
    intakeRateLimit: int('INTAKE_RATE_LIMIT', 6000, 1, 1_000_000),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: str('REDIS_PREFIX', 'jimukyoku'),
    smtpUrl: url('SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp:', 'smtps:']),
    smtpReconcileUrl: optionalUrl('SMTP_RECONCILE_URL', ['http:', 'https:']),
    mailRatePerSecond: int('MAIL_RATE_PER_SECOND', 50, 0, 100_000),
    mailConcurrency: int('MAIL_CONCURRENCY', 10, 1, 200),
    mailFrom: mailFromConfig(read, production, problems),
    jwtSecret,
    accessTokenTtl: int('ACCESS_TOKEN_TTL', 900, 10, 86_400),
    refreshTokenTtl: int('REFRESH_TOKEN_TTL', 14 * 86_400, 60, 90 * 86_400),
    sessionMaxAge: int('SESSION_MAX_AGE', 30 * 86_400, 300, 365 * 86_400),
    refreshGraceSeconds: int('REFRESH_GRACE_SECONDS', 15, 0, 120),
    trustProxy,
    adminOrigin: adminOriginConfig(read, production, problems),
    adminDist: str('ADMIN_DIST', resolve(__dirname, '../../../admin/dist')),
    storageDir: str('STORAGE_DIR', resolve(process.cwd(), 'var/storage')),
    attachmentMaxBytes: int('ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    attachmentOrphanHours: int('ATTACHMENT_ORPHAN_HOURS', 24, 1, 24 * 365),
    logLevel: logLevelRaw as AppConfig['logLevel'],
    workerEnabled: bool('WORKER_ENABLED', true),
    workerQueues: list('WORKER_QUEUES', Object.values(QueueName)),
    importMaxBytes: int('IMPORT_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importMaxRows: int('IMPORT_MAX_ROWS', 10_000, 1, 1_000_000),
    importMaxCellChars: int('IMPORT_MAX_CELL_CHARS', 4_000, 100, 1_000_000),
    importMaxInflatedBytes: int('IMPORT_MAX_INFLATED_BYTES', 100 * 1024 * 1024, 1024 * 1024, 4 * 1024 * 1024 * 1024),
    mailWebUrl,
    reviewReminderHours: int('REVIEW_REMINDER_HOURS', 48, 1, 24 * 30),
    correctionReminderHours: int('CORRECTION_REMINDER_HOURS', 72, 1, 24 * 30),
    commercializationReminderDays: int('COMMERCIALIZATION_REMINDER_DAYS', 30, 1, 180),
    exportDirectMaxRows: int('EXPORT_DIRECT_MAX_ROWS', 5_000, 0, 100_000),
    exportRetentionHours: int('EXPORT_RETENTION_HOURS', 168, 1, 24 * 365),
    listExactCountLimit: int('LIST_EXACT_COUNT_LIMIT', DEFAULT_LIST_EXACT_COUNT_LIMIT, 1, 1_000_000),
    secretariat,
    statusLink,
    paymentRequester,
    apiDocs: bool('API_DOCS', !production),
    initialAdminPassword,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * The status page's links (README "Status page"): production refuses to start without its own signing key
 * (a published or guessable key would let anyone forge a link to any application) or without the public
 * address applicants open (localhost would be printed in every mail).
 */
function statusLinkConfig(
  read: (name: ConfigVariable) => string | undefined,
  production: boolean,
  problems: string[],
  int: (name: ConfigVariable, fallback: number, min: number, max: number) => number,
  url: (name: ConfigVariable, fallback: string, protocols: string[]) => string,
): AppConfig['statusLink'] {
  const secret = read('STATUS_LINK_SECRET') || DEV_STATUS_LINK_SECRET;
  if (production) {
    if (!read('STATUS_LINK_SECRET'))
      problems.push(`STATUS_LINK_SECRET must be set in production: it signs the applicants' status links (make one with \`${SECRET_COMMAND}\`)`);
    else refuseWeakSecret('STATUS_LINK_SECRET', secret, problems);
    if (!read('PUBLIC_BASE_URL'))
      problems.push('PUBLIC_BASE_URL must be set in production: the https address applicants open their status page at (README "Status page")');
  } else if (secret.length < 16) problems.push('STATUS_LINK_SECRET must be at least 16 characters');
  const port = /^\d{1,5}$/.test(read('PORT') ?? '') ? read('PORT') : '3000';
  const base = url('PUBLIC_BASE_URL', `http://localhost:${port}`, ['http:', 'https:']);
  if (production && read('PUBLIC_BASE_URL') && !base.startsWith('https:')) problems.push('PUBLIC_BASE_URL must be an https address in production');
  return { secret, ttlDays: int('STATUS_LINK_TTL_DAYS', 180, 1, 3650), publicBaseUrl: base.replace(/\/+$/, '') };
}

/** A production signing secret that secret-strength.ts refuses (README "What production refuses"), named with how to make one. */
function refuseWeakSecret(name: ConfigVariable, secret: string, problems: string[]): void {
  const weak = secretProblem(secret);
  if (weak) problems.push(`${name} ${weak}: production needs at least 32 random bytes (make one with \`${SECRET_COMMAND}\`)`);
}

/** Development: the app's login role, created with this password by `npm start` / `npm run migrate`. */
export const DEV_DATABASE_URL = 'postgres://jimukyoku_api:jimukyoku_api@127.0.0.1:5432/jimukyoku';

/** Whether a database URL signs in with the development role's password, which this repository publishes. */
function hasDevelopmentPassword(databaseUrl: string): boolean {
  try {
    return decodeURIComponent(new URL(databaseUrl).password) === decodeURIComponent(new URL(DEV_DATABASE_URL).password);
  } catch {
    return false;
  }
}

/** Outside production the migrations run as the local superuser `postgres` on DATABASE_URL's server and database. */
function ownerUrlBeside(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    u.username = 'postgres';
    u.password = '';
    return u.toString();
  } catch {
    return databaseUrl;
  }
}

/** Hides the password in a connection URL before it is printed. */
export function redact(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return value.replace(/:[^:@/]*@/, ':***@');
  }
}
