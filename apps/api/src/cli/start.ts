import { execFileSync, spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { exitWith } from '../bootstrap';
import { AppConfig, ConfigError, loadConfig } from '../config';
import { checkServices, formatServiceProblems, ServiceProblem } from '../database/preflight';
import { startApi } from '../main';
import { superviseImportWorker } from './import-worker-process';
import { QueueName } from '../queue/queue-names';
import { runSeed } from '../seed/seed-runner';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../modules/intake/attachment-storage';
import { DEMO_LOGINS } from '../seed/demo-logins';
import { startMailCatcher } from '../dev/mail-catcher';
import { smtpReachable } from '../dev/smtp-reachable';
import { migrate } from './migrate';

/**
 * `npm start`: one command from a fresh clone to a running secretariat. Makes sure PostgreSQL and
 * Redis answer (starting docker compose when they do not and Docker is there), creates and migrates
 * the database, loads reference and demo data idempotently, then serves API + worker + admin.
 */
async function main() {
  // The one entry point that may default NODE_ENV: `npm start` is the development command. Every other
  // one (npm run api / worker / migrate, dist/main.js, dist/worker.js) refuses an unset value.
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'development';
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.message);
    throw e;
  }
  await ensureServices(config);
  await migrate(config, (line) => console.log(`[start] ${line}`));
  const mailUi = await ensureMailCatcher(config);
  // The admin links to the mail page (GET /api/dev-mail); an explicit MAIL_WEB_URL wins.
  if (mailUi && !process.env.MAIL_WEB_URL) process.env.MAIL_WEB_URL = mailUi;
  // The catcher (Mailpit or the embedded one) also answers the worker's delivery lookup.
  if (mailUi && !process.env.SMTP_RECONCILE_URL) process.env.SMTP_RECONCILE_URL = mailUi;

  const { app } = await startApi();
  // the imports queue is never consumed in the API process: its worker is a process of its own
  if (config.workerEnabled && config.workerQueues.includes(QueueName.Imports)) superviseImportWorker();
  // Seeding uses the running app's DataSource (its entities and services), so it is exactly what the app reads.
  // Demo data and demo staff exist only in development; elsewhere the first administrator's password is INITIAL_ADMIN_PASSWORD or random, printed once.
  const development = config.nodeEnv === 'development';
  const seeding = { demo: development, initialAdminPassword: config.initialAdminPassword, attachmentStorage: app.get<AttachmentStorage>(ATTACHMENT_STORAGE) };
  for (const r of await runSeed(app.get(DataSource), seeding)) console.log(`[start] seed ${r.step}: ${r.summary}`);
  const base = `http://localhost:${config.port}`;
  console.log(
    [
      '',
      '事務局 (Jimukyoku) is running.',
      `  Admin:   ${base}/admin/`,
      `  API:     ${base}/api${config.apiDocs ? `  (OpenAPI: ${base}/api/docs)` : ''}`,
      `  Health:  ${base}/api/health`,
      ...(mailUi ? [`  Mail:    ${mailUi}  (emails sent to applicants)`] : []),
      ...(development && DEMO_LOGINS.length
        ? ['  Demo logins:', ...DEMO_LOGINS.map((l) => `    ${l.role.padEnd(9)} ${l.email} / ${l.password}${l.note ? `  (${l.note})` : ''}`)]
        : []),
      '',
    ].join('\n'),
  );
}

async function ensureServices(config: AppConfig) {
  let problems = await checkServices(config.databaseMigrationUrl, config.redisUrl);
  if (problems.length === 0) return;
  if (!dockerAvailable()) exitWith(missingServicesMessage(problems));
  console.log('[start] PostgreSQL/Redis not reachable; starting them with `docker compose up -d` ...');
  const up = spawnSync('docker', ['compose', 'up', '-d'], { stdio: 'inherit' });
  if (up.status !== 0) exitWith(`\`docker compose up -d\` failed.\n${missingServicesMessage(problems)}`);
  for (let i = 0; i < 60 && problems.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    problems = await checkServices(config.databaseMigrationUrl, config.redisUrl);
  }
  if (problems.length > 0) exitWith(`Services started by docker compose did not answer within 60 s.\n${formatServiceProblems(problems)}`);
}

/**
 * Development mail: the docker-compose catcher when it answers on SMTP_URL; otherwise an embedded
 * catcher on that port with its web page on 8025 (MAIL_UI_PORT). Only in development: elsewhere mail
 * goes to SMTP_URL and nothing is linked or embedded.
 */
async function ensureMailCatcher(config: AppConfig): Promise<string | null> {
  if (config.nodeEnv !== 'development') return null;
  const url = new URL(config.smtpUrl);
  const uiPort = Number(process.env.MAIL_UI_PORT ?? 8025);
  if (await smtpReachable(config.smtpUrl)) {
    // docker compose's Mailpit (or another start's embedded catcher) on the default port has its page on MAIL_UI_PORT;
    // another SMTP server's page is unknown: none is named, rather than one the worker would ask whether a mail it
    // sent there arrived (the answer, from another catcher, could have it send the mail twice)
    return ['127.0.0.1', 'localhost'].includes(url.hostname) && (url.port || '25') === '1025' ? `http://localhost:${uiPort}` : null;
  }
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) return null;
  try {
    const catcher = await startMailCatcher(Number(url.port || 25), uiPort);
    console.log(`[start] No SMTP server at ${config.smtpUrl}: started an embedded mail catcher (${catcher.webUrl})`);
    return catcher.webUrl;
  } catch (e) {
    console.warn(
      `[start] No SMTP server at ${config.smtpUrl} and the embedded mail catcher could not start (${(e as Error).message}); emails will be retried until one answers.`,
    );
    return null;
  }
}

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

function missingServicesMessage(problems: ServiceProblem[]): string {
  return [
    'Cannot start: required services are not reachable and Docker is not available to start them.',
    formatServiceProblems(problems),
    '',
    'Either:',
    '  - install and start them locally: PostgreSQL 15+ (e.g. `apt-get install postgresql`) and Redis 7 (`apt-get install redis-server`),',
    '  - or install Docker and run `docker compose up -d` in this folder,',
    '  - or point DATABASE_URL (postgres://user:password@host:5432/jimukyoku) and REDIS_URL (redis://host:6379) at running servers.',
  ].join('\n');
}

main().catch((e) => exitWith(`Start failed: ${(e as Error).stack ?? e}`));
