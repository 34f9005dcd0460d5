import { getQueueToken } from '@nestjs/bullmq';
import { Logger, Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names';

/** errors closer together than this belong to one outage (BullMQ reconnects every few seconds) */
const SAME_OUTAGE_MS = 60_000;

/**
 * Without an 'error' listener BullMQ prints every failed reconnect of every queue to stderr (a stack
 * trace per queue every few seconds) while Redis is away. This logs one line per outage instead; the
 * listeners are attached as soon as the queues exist, before the app finishes booting.
 */
export class QueueOutageLog {
  private readonly logger = new Logger('Queues');
  private lastErrorAt = 0;

  constructor(queues: Queue[]) {
    for (const queue of queues) queue.on('error', (e: Error) => this.onError(e));
  }

  private onError(e: Error) {
    const now = Date.now();
    if (now - this.lastErrorAt > SAME_OUTAGE_MS) this.logger.warn(`Redis unreachable for the queues (${e.message}); queued work waits until it is back`);
    this.lastErrorAt = now;
  }
}

export const queueOutageLogProvider: Provider = {
  provide: QueueOutageLog,
  inject: Object.values(QueueName).map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => new QueueOutageLog(queues),
};
