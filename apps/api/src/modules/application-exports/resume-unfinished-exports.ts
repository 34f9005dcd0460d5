import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue';
import { ResumeUnfinished } from '../../worker/resume-unfinished';
import { ApplicationExportsRepository } from './application-exports.repository';
import { EXPORT_JOB_OPTIONS } from './application-exports.service';

/**
 * In a worker that consumes the exports queue, at its start and then every minute: every export still queued or
 * running whose job Redis lost gets it back (job id = export id, so a job that exists is left alone); not only at
 * the start, as ResumeUnfinishedImports. A job whose worker died is taken again by BullMQ's stalled-job check and
 * starts its file over; a job out of attempts has already marked its export failed.
 */
@Injectable()
export class ResumeUnfinishedExports extends ResumeUnfinished {
  constructor(
    private readonly exports: ApplicationExportsRepository,
    @InjectQueue(QueueName.Exports) private readonly queue: Queue,
  ) {
    super();
  }

  /** One look: each unfinished export whose job is gone gets it back. */
  async resume(): Promise<void> {
    for (const exportId of await this.exports.unfinished()) {
      if (await this.queue.getJob(exportId)) continue;
      await this.queue.add(JobName.RunApplicationExport, { exportId }, { jobId: exportId, ...EXPORT_JOB_OPTIONS });
      this.logger.warn({ exportId }, 'unfinished export had no job: queued again');
    }
  }
}
