import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { checkServices, formatServiceProblems } from '../database/preflight';
import { baseDatabaseUrl, databaseUrlFor, TEST_DB_PREFIX, TEST_RUN_ENV, testRedisUrl } from './test-run';

/** jest globalSetup: gives this jest run its id (databases and Redis prefixes derive from it) and checks the services. */
export async function globalSetup() {
  process.env[TEST_RUN_ENV] = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.NODE_ENV = 'test';
  const problems = await checkServices(baseDatabaseUrl(), testRedisUrl());
  if (problems.length > 0) {
    throw new Error(`The API tests need PostgreSQL and Redis:\n${formatServiceProblems(problems)}\nSee README "Services".`);
  }
}

/** jest globalTeardown: drops every database and Redis key this run created (also those of files that crashed). */
export async function globalTeardown() {
  const run = process.env[TEST_RUN_ENV];
  if (!run) return;
  const client = new Client({ connectionString: databaseUrlFor('postgres') || baseDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DB_PREFIX}${run}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(testRedisUrl());
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_DB_PREFIX}${run}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
