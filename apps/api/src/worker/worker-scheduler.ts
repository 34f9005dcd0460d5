import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../queue';
import { HEARTBEAT_EVERY_MS } from './heartbeat.job';

/** how often the outbox is swept for notifications to send */
export const DISPATCH_EVERY_MS = 1_000;
/** how often the schedules are re-asserted (a Redis that restarted empty has lost them) */
const REASSERT_EVERY_MS = 15_000;

/**
 * Registers the repeatable jobs. Job schedulers are keyed by id, so several workers starting at once
 * still produce one schedule; re-asserting them periodically brings them back after Redis lost its data.
 */
@Injectable()
export class WorkerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QueueName.System) private readonly system: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
  ) {}

  async onApplicationBootstrap() {
    await this.assert();
    this.timer = setInterval(() => this.assert().catch((e) => this.logger.warn(`could not re-assert job schedules: ${(e as Error).message}`)), REASSERT_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private async assert() {
    await this.system.upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: JobName.WorkerHeartbeat, data: {} });
    await this.notifications.upsertJobScheduler('dispatch', { every: DISPATCH_EVERY_MS }, { name: JobName.DispatchNotifications, data: {} });
  }
}
