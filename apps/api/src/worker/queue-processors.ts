import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Provider, Type } from '@nestjs/common';
import type { Job, WorkerOptions } from 'bullmq';
import { AppConfig, APP_CONFIG } from '../config';
import { JobName, QueueName } from '../queue';
import type { JobHandler } from './job-handler';
import { mailWorkerOptions } from './mail-worker-options';

export const HANDLER_REGISTRY = Symbol('HANDLER_REGISTRY');
export const MAIL_PROCESSOR = Symbol('MAIL_PROCESSOR');

/** Builds the BullMQ processor of one queue: it only dispatches a job to its registered handler. */
function processorFor(queue: QueueName, workerOptions: Partial<WorkerOptions> = {}): Type<WorkerHost> {
  @Processor(queue, workerOptions)
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

/** Queues whose worker options are the same everywhere. */
export const QUEUE_PROCESSORS: Type<WorkerHost>[] = Object.values(QueueName)
  .filter((q) => q !== QueueName.Mail)
  .map((q) => processorFor(q));

/**
 * The mail queue's processor, built once the configuration is known: concurrency and the global rate
 * limit (MAIL_CONCURRENCY, MAIL_RATE_PER_SECOND) are options of its BullMQ worker.
 */
export const MAIL_PROCESSOR_PROVIDER: Provider = {
  provide: MAIL_PROCESSOR,
  inject: [APP_CONFIG, HANDLER_REGISTRY],
  useFactory: (config: AppConfig, registry: Map<JobName, JobHandler>) => new (processorFor(QueueName.Mail, mailWorkerOptions(config)))(registry),
};
