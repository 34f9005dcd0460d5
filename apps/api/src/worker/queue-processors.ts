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

/**
 * The imports queue: one import at a time per worker process. A worker that dies mid-import leaves
 * its job's lock to expire (lockDuration); another worker's stalled-job check (every stalledInterval)
 * then takes the job again, and the run goes on after the last recorded row (ImportRunner).
 */
export const IMPORT_WORKER_OPTIONS: Partial<WorkerOptions> = { concurrency: 1, lockDuration: 20_000, stalledInterval: 5_000, maxStalledCount: 10 };

/** Queues whose worker options do not depend on the configuration. */
const FIXED_PROCESSORS: Partial<Record<QueueName, Type<WorkerHost>>> = {
  [QueueName.System]: processorFor(QueueName.System),
  [QueueName.Notifications]: processorFor(QueueName.Notifications),
  [QueueName.Imports]: processorFor(QueueName.Imports, IMPORT_WORKER_OPTIONS),
  [QueueName.Exports]: processorFor(QueueName.Exports),
};

/** The processors of the queues this process consumes (WORKER_QUEUES; the API's in-process worker never takes imports). */
export function processorsFor(queues: readonly QueueName[]): Provider[] {
  return queues.map((q) => (q === QueueName.Mail ? MAIL_PROCESSOR_PROVIDER : FIXED_PROCESSORS[q]!));
}

/**
 * The mail queue's processor, built once the configuration is known: concurrency and the global rate
 * limit (MAIL_CONCURRENCY, MAIL_RATE_PER_SECOND) are options of its BullMQ worker.
 */
export const MAIL_PROCESSOR_PROVIDER: Provider = {
  provide: MAIL_PROCESSOR,
  inject: [APP_CONFIG, HANDLER_REGISTRY],
  useFactory: (config: AppConfig, registry: Map<JobName, JobHandler>) => new (processorFor(QueueName.Mail, mailWorkerOptions(config)))(registry),
};
