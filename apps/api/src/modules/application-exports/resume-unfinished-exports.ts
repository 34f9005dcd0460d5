import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue';
import { ApplicationExportsRepository } from './application-exports.repository';
import { EXPORT_JOB_OPTIONS } from './application-exports.service';

/**
 * At the start of a worker that consumes the exports queue: every export still queued or running whose
 * job Redis lost gets it back (job id = export id, so a job that exists is left alone). A job whose worker
 * died is taken again by BullMQ's stalled-job check and starts its file over; a job out of attempts has
 * already marked its export failed.
 */
@Injectable()
export class ResumeUnfinishedExports implements OnApplicationBootstrap {
  private readonly logger = new Logger(ResumeUnfinishedExports.name);

  constructor(
    private readonly exports: ApplicationExportsRepository,
    @InjectQueue(QueueName.Exports) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap() {
    for (const exportId of await this.exports.unfinished()) {
      if (await this.queue.getJob(exportId)) continue;
      await this.queue.add(JobName.RunApplicationExport, { exportId }, { jobId: exportId, ...EXPORT_JOB_OPTIONS });
      this.logger.warn({ exportId }, 'unfinished export had no job: queued again');
    }
  }
}
