import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { ImportRunner } from './import-runner';

/** Worker side of a bulk import; the job id is the import id, so it is enqueued at most once. */
@Injectable()
export class RunImportJob implements JobHandler<JobName.RunImport> {
  readonly jobName = JobName.RunImport;
  constructor(private readonly runner: ImportRunner) {}

  handle(payload: JobPayloads[JobName.RunImport]) {
    return this.runner.run(payload.importId);
  }
}
