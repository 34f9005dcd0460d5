import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names';

/** errors closer together than this belong to one outage (BullMQ reconnects every few seconds) */
const SAME_OUTAGE_MS = 60_000;

/**
 * Without an 'error' listener BullMQ prints every failed reconnect of every queue to stderr (a stack
 * trace per queue every few seconds) while Redis is away. This logs one line per outage instead.
 */
@Injectable()
export class QueueOutageLog implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private lastErrorAt = 0;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit() {
    for (const name of Object.values(QueueName)) {
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).on('error', (e: Error) => {
        const now = Date.now();
        if (now - this.lastErrorAt > SAME_OUTAGE_MS) this.logger.warn(`Redis unreachable for the queues (${e.message}); queued work waits until it is back`);
        this.lastErrorAt = now;
      });
    }
  }
}
