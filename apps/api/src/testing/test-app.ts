import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { ApiModule } from '../api.module';
import { AppConfig, loadConfig } from '../config';
import { configureApp } from '../configure-app';
import { describeRoleProblem, ensureAppLogin, inspectDatabaseRole } from '../database/app-role';
import { createMigratedDatabase } from './migrated-template';
import { appDatabaseUrlFor, databaseUrlFor, ownerUrlOf, TEST_DB_PREFIX, testRedisUrl, testRunId } from './test-run';

/**
 * A database of its own for one test file, migrated from the real migrations/ as the owner (a copy of this run's
 * migrated template: migrated-template.ts). Returns the URL of the application's role (as production connects: no
 * superuser; `ownerUrlOf` gives the owner's). Dropped by teardown.
 */
export async function createTestDatabase(label = 'db'): Promise<string> {
  const name = `${TEST_DB_PREFIX}${testRunId()}_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(2).toString('hex')}`.toLowerCase();
  const ownerUrl = databaseUrlFor(name);
  const appUrl = appDatabaseUrlFor(name);
  await createMigratedDatabase(name);
  await ensureAppLogin(ownerUrl, appUrl, { create: true });
  const problem = describeRoleProblem(await inspectDatabaseRole(appUrl));
  if (problem) throw new Error(`test apps must run as production does: ${problem}`);
  return appUrl;
}

export async function dropTestDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: databaseUrlFor('postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The config of a test app: its own database and Redis prefix; anything can be overridden. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    databaseUrl,
    databaseMigrationUrl: ownerUrlOf(databaseUrl),
    redisUrl: testRedisUrl(),
    redisPrefix: `${TEST_DB_PREFIX}${testRunId()}_${randomBytes(3).toString('hex')}`,
    workerEnabled: false,
    ...overrides,
  };
}

/** What a test may change of the config a test app gets (`startTestApp({ overrides })`). */
export type TestConfigOverrides = Partial<AppConfig>;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** supertest bound to the app's HTTP server */
  http: () => ReturnType<typeof request>;
  /** base URL when started with `listen: true` */
  baseUrl: string;
  redis: Redis;
  close(): Promise<void>;
}

/** Boots the real API (the same module and configureApp as main.ts) against a fresh database. */
export async function startTestApp(
  options: {
    label?: string;
    overrides?: Partial<AppConfig>;
    listen?: boolean;
    /** e.g. through a proxy a fault test can cut */ databaseUrlVia?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase(options.label);
  const config = testConfig(options.databaseUrlVia?.(databaseUrl) ?? databaseUrl, options.overrides);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: process.env.TEST_APP_LOGS ? ['error'] : false,
    bufferLogs: false,
  });
  configureApp(app, config);
  if (options.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  const address = options.listen ? app.getHttpServer().address() : null;
  const redis = new Redis(config.redisUrl, { keyPrefix: `${config.redisPrefix}:` });
  return {
    app,
    config,
    http: () => request(app.getHttpServer()),
    baseUrl: address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '',
    redis,
    async close() {
      redis.disconnect();
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
