import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '../queue';

/** One handler per job name; the worker's queue processors dispatch to it. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayloads[N], job: Job): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
