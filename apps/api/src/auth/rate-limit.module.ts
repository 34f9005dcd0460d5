import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { REDIS } from '../redis';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * Rate limits (login, intake) counted in Redis so they hold across processes. Global, and part of the
 * core of every process, because route guards are built even where no HTTP is served (the worker).
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [REDIS],
  useFactory: (redis: Redis) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }], storage: new RedisThrottlerStorage(redis) }),
});
