import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { UnitOfWork } from '../../database';
import { JobName, QueueName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { renderNotification, templateToRender, TemplateToRender } from './notification-renderer';
import { NotificationsRepository } from './notifications.repository';
import { sendJob } from './send-job';

const BATCH = 500;

/**
 * The outbox dispatcher (a repeatable job): releases held notices whose time has come, renders and
 * stores the pending ones (the text as it will be sent, its Message-ID), and queues one send job per
 * notification with the notification id as job id. Rows are claimed with SKIP LOCKED, so several
 * workers share the work; queueing happens before the claim commits, so a Redis failure leaves the
 * rows pending for the next round, and a job id that is already queued is not queued twice.
 */
@Injectable()
export class DispatchNotificationsJob implements JobHandler<JobName.DispatchNotifications> {
  readonly jobName = JobName.DispatchNotifications;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: NotificationsRepository,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
  ) {}

  async handle(): Promise<number> {
    // Decision notices wait for the round's 採択発表 as it stands now (managers move it), others for send_after.
    await this.repo.releaseDueHeld();
    return this.uow.run(async (tx) => {
      const rows = await this.repo.claimPending(BATCH, tx);
      if (rows.length === 0) return 0;
      const templates = new Map<string, TemplateToRender | null>();
      for (const n of rows) {
        if (!templates.has(n.template)) templates.set(n.template, templateToRender(n.template, await this.repo.latestTemplate(n.template, tx)));
        const template = templates.get(n.template);
        if (!template) {
          await this.repo.update(n.id, { status: 'failed', lastError: `テンプレート「${n.template}」がありません` }, tx);
          continue;
        }
        const rendered = renderNotification(template.text, n);
        await this.repo.update(
          n.id,
          {
            status: 'queued',
            templateVersion: template.version,
            subject: rendered.subject,
            bodyText: rendered.text,
            bodyHtml: rendered.html,
            messageId: n.messageId ?? `<${n.id}@jimukyoku.notifications>`,
            queuedAt: new Date(),
          },
          tx,
        );
      }
      const queued = rows.filter((n) => templates.get(n.template));
      await this.queue.addBulk(queued.map((n) => sendJob(n.id)));
      return queued.length;
    });
  }
}
