import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
  ) {}

  async handle(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification WHERE status IN ('queued', 'sending') AND updated_at < now() - make_interval(mins => $1) ORDER BY updated_at LIMIT $2`,
      [STRANDED_AFTER_MINUTES, BATCH],
    );
    let requeued = 0;
    for (const { id } of rows) {
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
