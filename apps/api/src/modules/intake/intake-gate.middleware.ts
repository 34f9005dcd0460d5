import { HttpException, HttpStatus, Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, APP_CONFIG } from '../../config';
import { ConcurrencyGate, intakeCapacity } from './concurrency-gate';

/** how long a submission may wait for a slot: well under the pool's 5 s connect timeout */
const MAX_WAIT_MS = 1_000;
const RETRY_AFTER_SECONDS = 2;

/**
 * Deadline-day overload: submissions (before their API key lookup) hold at most a pool's worth minus
 * a reserve for staff, wait a moment for a slot, and are otherwise answered 503 BUSY with Retry-After
 * at once, instead of queueing on the connection pool until its timeout. The client resends with the
 * same Idempotency-Key.
 */
@Injectable()
export class IntakeGateMiddleware implements NestMiddleware {
  private readonly gate: ConcurrencyGate;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const capacity = intakeCapacity(config.databasePoolSize);
    this.gate = new ConcurrencyGate(capacity, capacity * 4, MAX_WAIT_MS);
  }

  async use(_req: Request, res: Response, next: NextFunction) {
    const release = await this.gate.enter();
    if (!release) {
      throw new HttpException(
        {
          code: 'BUSY',
          message: `受付が混み合っています。${RETRY_AFTER_SECONDS}秒ほど待ってから同じ内容 (同じ Idempotency-Key) で再送してください。`,
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    res.once('finish', release);
    res.once('close', release);
    next();
  }
}
