import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../queue';
import { HEARTBEAT_EVERY_MS } from './heartbeat.job';

/** how often the outbox is swept for notifications to send */
export const DISPATCH_EVERY_MS = 1_000;

/**
 * Registers the repeatable jobs. Job schedulers are keyed by id, so several workers starting at once
 * still produce one schedule.
 */
@Injectable()
export class WorkerScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.System) private readonly system: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
  ) {}

  async onApplicationBootstrap() {
    await this.system.upsertJobScheduler('heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: JobName.WorkerHeartbeat, data: {} });
    await this.notifications.upsertJobScheduler('dispatch', { every: DISPATCH_EVERY_MS }, { name: JobName.DispatchNotifications, data: {} });
  }
}
