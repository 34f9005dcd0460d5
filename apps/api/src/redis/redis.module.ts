import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, APP_CONFIG } from '../config';
import { FAIL_FAST_REDIS_OPTIONS, redisOptionsFromUrl } from './redis-options';
import { RedisAvailability } from './redis-availability';
import { REDIS } from './redis.token';

export { REDIS };

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    this.redis.disconnect();
  }
}

/**
 * The shared client fails fast while Redis is away (no offline queue, short command timeout) and keeps
 * reconnecting; callers degrade (rate limits count in-process, health says degraded). Its connection
 * state is logged once per outage, not once per reconnect attempt.
 */
async function createRedis(config: AppConfig): Promise<Redis> {
  const logger = new Logger('Redis');
  const redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), ...FAIL_FAST_REDIS_OPTIONS, keyPrefix: `${config.redisPrefix}:` });
  let down = false;
  redis.on('error', (e: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis is unreachable (${e.message}); rate limits count in this process until it is back`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log('Redis is reachable again');
  });
  // Boot waits briefly for the connection (preflight checked Redis a moment ago); it never hangs on it.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3_000);
    redis.once('ready', () => (clearTimeout(timer), resolve()));
  });
  return redis;
}

/** One shared ioredis client for the app's own keys (health, rate limits, idempotency cache). */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [APP_CONFIG], useFactory: createRedis }, RedisCloser, RedisAvailability],
  exports: [REDIS, RedisAvailability],
})
export class RedisModule {}
