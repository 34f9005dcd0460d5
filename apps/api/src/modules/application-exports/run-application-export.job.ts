import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { ApplicationExportsService } from './application-exports.service';

/** Worker side of an application export too large to answer at once; the job id is the export id. */
@Injectable()
export class RunApplicationExportJob implements JobHandler<JobName.RunApplicationExport> {
  readonly jobName = JobName.RunApplicationExport;
  constructor(private readonly exports: ApplicationExportsService) {}

  handle(payload: JobPayloads[JobName.RunApplicationExport], job: Job) {
    return this.exports.run(payload.exportId, job);
  }
}
