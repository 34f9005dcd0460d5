import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from './redis.token';

export const REDIS_RETRY_AFTER_SECONDS = 10;

/** 503 for work that cannot be done without Redis (queueing an import): come back later, nothing was stored. */
export class RedisUnavailableError extends HttpException {
  constructor() {
    super(
      {
        code: 'QUEUE_UNAVAILABLE',
        message: `処理待ちの列 (Redis) に接続できないため受け付けられませんでした。何も保存していません。${REDIS_RETRY_AFTER_SECONDS}秒ほど待ってから再度お試しください。`,
        retryAfterSeconds: REDIS_RETRY_AFTER_SECONDS,
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

/**
 * For the few routes that truly need Redis: ask before storing anything, so that while Redis is away
 * such a route answers 503 with Retry-After at once (the shared client fails fast) and leaves nothing
 * half-written. Intake and login never call this: they degrade instead.
 */
@Injectable()
export class RedisAvailability {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async require(): Promise<void> {
    const pong = await this.redis.ping().catch(() => null);
    if (pong !== 'PONG') throw new RedisUnavailableError();
  }

  /** `work` (e.g. a BullMQ add, whose own connection waits for Redis) bounded in time; a 503 when it does not finish. */
  async within<T>(work: Promise<T>, ms = 3_000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RedisUnavailableError()), ms)))]);
    } finally {
      clearTimeout(timer);
    }
  }
}
