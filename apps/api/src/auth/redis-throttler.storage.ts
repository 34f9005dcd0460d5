import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { REDIS } from '../redis';

/**
 * Rate-limit counters in Redis, so the limit holds across several API processes. One Lua call per
 * request: count the hit in a fixed window, and block the key for `blockDuration` once over the limit.
 */
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockTtl = tonumber(ARGV[3])
end
return {hits, ttl, blockTtl}
`;

/**
 * While Redis is unreachable the limits degrade instead of refusing intake or login: each process
 * counts in memory (the throttler's own in-process storage), so a limit then holds per process. The
 * switch is logged once per outage, and once when Redis counts again.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly fallback = new ThrottlerStorageService();
  private degraded = false;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `throttle:${throttlerName}:${key}`;
    let reply: number[];
    try {
      reply = (await this.redis.eval(SCRIPT, 2, base, `${base}:blocked`, ttl, limit, blockDuration || ttl)) as number[];
    } catch (e) {
      if (!this.degraded) this.logger.warn(`Redis unreachable (${(e as Error).message}): rate limits are counted in this process until it is back`);
      this.degraded = true;
      return this.fallback.increment(key, ttl, limit, blockDuration || ttl, throttlerName);
    }
    if (this.degraded) this.logger.log('Redis reachable again: rate limits are counted in Redis');
    this.degraded = false;
    const [hits, ttlMs, blockMs] = reply;
    const isBlocked = blockMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockMs / 1000) : 0,
    };
  }

  onApplicationShutdown() {
    this.fallback.onApplicationShutdown();
  }
}
