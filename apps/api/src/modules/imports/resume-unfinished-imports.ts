import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue';
import { ResumeUnfinished } from '../../worker/resume-unfinished';
import { IMPORT_JOB_OPTIONS } from './imports.service';
import { ImportsRepository } from './imports.repository';

/**
 * In a worker that consumes the imports queue, at its start and then every minute: every import still queued
 * or running gets its job back if Redis lost it (job id = import id, so a job that exists is left alone) or its
 * job ran out of attempts. Not only at the start: an import queued when Redis lost its data while the worker ran
 * stayed 「待機中」 until some worker restarted. A job whose worker died is taken again by BullMQ's stalled-job
 * check; the run goes on after the last recorded row either way.
 */
@Injectable()
export class ResumeUnfinishedImports extends ResumeUnfinished {
  constructor(
    private readonly imports: ImportsRepository,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {
    super();
  }

  /** One look: each unfinished import whose job is gone or failed gets it back. */
  async resume(): Promise<void> {
    for (const importId of await this.imports.unfinished()) {
      const job = await this.queue.getJob(importId);
      if (!job) {
        await this.queue.add(JobName.RunImport, { importId }, { jobId: importId, ...IMPORT_JOB_OPTIONS });
        this.logger.warn({ importId }, 'unfinished import had no job: queued again');
      } else if (await job.isFailed()) {
        await job.retry('failed');
        this.logger.warn({ importId }, 'unfinished import whose job had failed: tried again');
      }
    }
  }
}
