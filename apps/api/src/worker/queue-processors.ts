import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../queue';
import type { JobHandler } from './job-handler';

export const HANDLER_REGISTRY = Symbol('HANDLER_REGISTRY');

/** Builds the BullMQ processor of one queue: it only dispatches a job to its registered handler. */
function processorFor(queue: QueueName): Type<WorkerHost> {
  @Processor(queue)
  class QueueProcessor extends WorkerHost {
    readonly logger = new Logger(`queue:${queue}`);
    constructor(@Inject(HANDLER_REGISTRY) readonly registry: Map<JobName, JobHandler>) {
      super();
    }
    async process(job: Job): Promise<unknown> {
      const handler = this.registry.get(job.name as JobName);
      if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
      return handler.handle(job.data, job);
    }
    @OnWorkerEvent('failed')
    onFailed(job: Job | undefined, error: Error) {
      this.logger.warn({ jobId: job?.id, jobName: job?.name, attempts: job?.attemptsMade, err: error.message }, 'job failed');
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}QueueProcessor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS: Type<WorkerHost>[] = Object.values(QueueName).map(processorFor);
