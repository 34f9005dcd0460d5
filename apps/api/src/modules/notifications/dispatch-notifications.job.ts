import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { Notification } from './notification.entity';
import { latestTemplate, renderNotification } from './notification-renderer';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue,
  ) {}

  async handle(): Promise<number> {
    // Decision notices wait for the round's 採択発表 as it stands now (managers move it), others for send_after.
    await this.dataSource.query(
      `UPDATE notification n SET status = 'pending', send_after = now(), updated_at = now()
         FROM application a JOIN round r ON r.id = a.round_id
        WHERE n.status = 'held' AND n.application_id = a.id
          AND CASE WHEN n.held_until_announcement THEN r.announcement_from <= now() ELSE n.send_after <= now() END`,
    );
    return this.dataSource.transaction(async (m) => {
      const rows: Notification[] = await m
        .getRepository(Notification)
        .createQueryBuilder('n')
        .where(`n.status = 'pending' AND (n.send_after IS NULL OR n.send_after <= now())`)
        .orderBy('n.created_at')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const templates = new Map<string, Awaited<ReturnType<typeof latestTemplate>>>();
      for (const n of rows) {
        if (!templates.has(n.template)) templates.set(n.template, await latestTemplate(m, n.template));
        const template = templates.get(n.template);
        if (!template) {
          await m.update(Notification, { id: n.id }, { status: 'failed', lastError: `テンプレート「${n.template}」がありません` });
          continue;
        }
        const rendered = renderNotification(template.text, n);
        await m.update(Notification, { id: n.id }, {
          status: 'queued',
          templateVersion: template.version,
          subject: rendered.subject,
          bodyText: rendered.text,
          bodyHtml: rendered.html,
          messageId: n.messageId ?? `<${n.id}@jimukyoku.notifications>`,
          queuedAt: new Date(),
        });
      }
      const queued = rows.filter((n) => templates.get(n.template));
      await this.queue.addBulk(queued.map((n) => sendJob(n.id)));
      return queued.length;
    });
  }
}
