import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { ApplicationExportsService } from './application-exports.service';

/** Scheduled (worker-scheduler.ts): stored export files older than EXPORT_RETENTION_HOURS are removed. */
@Injectable()
export class RemoveExpiredExportsJob implements JobHandler<JobName.RemoveExpiredExports> {
  readonly jobName = JobName.RemoveExpiredExports;
  constructor(
    private readonly exports: ApplicationExportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(): Promise<number> {
    return this.exports.removeExpired(this.config.exportRetentionHours);
  }
}
