import { Injectable } from '@nestjs/common';
import { JobName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { PipelineRepository } from './pipeline.repository';

/**
 * Folds the dashboard's count changes into its kept counts (migration PipelineCounts), so that what
 * `GET /api/pipeline` sums stays small after a deadline's intake or a 20,000-application decision. Two
 * runs at once fold disjoint changes; a run that never happens leaves the counts exact, only longer to sum.
 */
@Injectable()
export class FoldPipelineCountsJob implements JobHandler<JobName.FoldPipelineCounts> {
  readonly jobName = JobName.FoldPipelineCounts;

  constructor(private readonly pipeline: PipelineRepository) {}

  async handle(): Promise<void> {
    await this.pipeline.foldCounts();
  }
}
