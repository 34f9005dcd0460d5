import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { NotificationsRepository } from './notifications.repository';
import { sendJob } from './send-job';

/** a `queued` or `sending` notification untouched this long is checked for a live send job */
export const STRANDED_AFTER_MINUTES = 5;
const BATCH = 1000;
const ALIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * A repeatable job (every minute) for notifications whose send job is gone: Redis lost its data, or
 * the job ran out of retries or stalls before it could record an outcome. Such a row would stay
 * `queued` or `sending` forever; its job is queued again (a `sending` one then reconciles before
 * sending). Rows with a job that is waiting, delayed or running are left alone.
 */
@Injectable()
export class RequeueStrandedNotificationsJob implements JobHandler<JobName.RequeueStrandedNotifications> {
  readonly jobName = JobName.RequeueStrandedNotifications;
  private readonly logger = new Logger(RequeueStrandedNotificationsJob.name);

  constructor(
    private readonly repo: NotificationsRepository,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
  ) {}

  async handle(): Promise<number> {
    const ids = await this.repo.strandedIds(STRANDED_AFTER_MINUTES, BATCH);
    let requeued = 0;
    for (const id of ids) {
      const job = await this.queue.getJob(id);
      if (job && ALIVE.has(await job.getState())) continue;
      try {
        await job?.remove(); // a finished job with this id would make the new one a no-op
      } catch {
        continue; // taken by a worker meanwhile: it is alive after all
      }
      const { name, data, opts } = sendJob(id);
      await this.queue.add(name, data, opts);
      requeued++;
    }
    if (requeued > 0) this.logger.warn(`queued the send job again for ${requeued} stranded notification(s)`);
    return requeued;
  }
}
