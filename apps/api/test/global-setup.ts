import { randomBytes } from 'node:crypto';
import { checkServices, formatServiceProblems } from '../src/database/preflight';
import { baseDatabaseUrl, TEST_RUN_ENV, testRedisUrl } from './test-run';

/** Gives this jest run its id (databases and Redis prefixes derive from it) and checks the services. */
export default async function globalSetup() {
  process.env[TEST_RUN_ENV] = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.NODE_ENV = 'test';
  const problems = await checkServices(baseDatabaseUrl(), testRedisUrl());
  if (problems.length > 0) {
    throw new Error(`The API tests need PostgreSQL and Redis:\n${formatServiceProblems(problems)}\nSee README "Services".`);
  }
}
