import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { WorkerAppModule } from '../src/api.module';
import { HEARTBEAT_KEY } from '../src/worker/heartbeat.job';
import { createTestDatabase, dropTestDatabase, startTestApp, testConfig } from './harness';

describe('the queue worker', () => {
  let databaseUrl: string;
  let worker: INestApplicationContext;
  afterAll(async () => {
    await worker?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('starts without HTTP, processes its repeatable heartbeat job, and the API reports it', async () => {
    databaseUrl = await createTestDatabase('worker');
    const config = testConfig(databaseUrl);
    const redis = new Redis(config.redisUrl, { keyPrefix: `${config.redisPrefix}:` });
    try {
      expect(await redis.get(HEARTBEAT_KEY)).toBeNull();
      worker = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), { logger: process.env.TEST_APP_LOGS ? ['error'] : false });
      await worker.init();
      let seen: string | null = null;
      for (let i = 0; i < 50 && !seen; i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await redis.get(HEARTBEAT_KEY);
      }
      expect(seen).not.toBeNull();
      expect(Date.now() - Date.parse(seen!)).toBeLessThan(10_000);
    } finally {
      redis.disconnect();
    }

    // An API sharing the prefix sees the worker; one with another prefix does not.
    const api = await startTestApp({ label: 'worker_api', overrides: { redisPrefix: config.redisPrefix } });
    const lonely = await startTestApp({ label: 'worker_none' });
    try {
      expect((await api.http().get('/api/health/worker').expect(200)).body.status).toBe('up');
      const down = await lonely.http().get('/api/health/worker').expect(503);
      expect(down.body.code).toBe('WORKER_DOWN');
    } finally {
      await api.close();
      await lonely.close();
    }
  });
});
