import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { JobName } from '../queue';
import { REDIS } from '../redis';
import type { JobHandler } from './job-handler';

export const HEARTBEAT_KEY = 'worker:heartbeat';
export const HEARTBEAT_EVERY_MS = 10_000;

/** Records that a worker is alive; the health endpoint reads it. */
@Injectable()
export class HeartbeatJob implements JobHandler<JobName.WorkerHeartbeat> {
  readonly jobName = JobName.WorkerHeartbeat;
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async handle(): Promise<string> {
    const at = new Date().toISOString();
    await this.redis.set(HEARTBEAT_KEY, at, 'EX', Math.ceil((HEARTBEAT_EVERY_MS * 6) / 1000));
    return at;
  }
}
