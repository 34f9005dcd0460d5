import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../config';
import { JobName, JobPayloads } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { SEND_ATTEMPTS } from './dispatch-notifications.job';
import { MAIL_TRANSPORT, MailTransport, PermanentDeliveryError } from './mail-transport';
import { Notification } from './notification.entity';

/**
 * Sends one notification. The database is the truth: a notification already sent (or failed for good)
 * is never sent again by a retry or a duplicate job. A 5xx ends in `failed` with the server's reason;
 * a 4xx or a lost connection is retried with exponential backoff until the attempts run out.
 */
@Injectable()
export class SendNotificationJob implements JobHandler<JobName.SendNotification> {
  readonly jobName = JobName.SendNotification;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ notificationId }: JobPayloads[JobName.SendNotification], job: Job): Promise<string> {
    // Claim it: only a queued (or interrupted 'sending') notification is sent.
    const [claimed]: [Notification[], number] = await this.dataSource.query(
      `UPDATE notification SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'sending') RETURNING id, recipient, subject, body_text AS "bodyText", body_html AS "bodyHtml", message_id AS "messageId"`,
      [notificationId],
    );
    const n = claimed[0];
    if (!n) return 'skipped: already handled';
    try {
      const result = await this.transport.send({ from: this.config.mailFrom, to: n.recipient, subject: n.subject!, text: n.bodyText!, html: n.bodyHtml!, messageId: n.messageId! });
      await this.dataSource.getRepository(Notification).update(n.id, { status: 'sent', sentAt: new Date(), smtpResponse: result.response, lastError: null });
      return 'sent';
    } catch (e) {
      const message = (e as Error).message.slice(0, 1000);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? SEND_ATTEMPTS);
      if (e instanceof PermanentDeliveryError || lastAttempt) {
        await this.dataSource.getRepository(Notification).update(n.id, { status: 'failed', lastError: message });
        return `failed: ${message}`;
      }
      await this.dataSource.getRepository(Notification).update(n.id, { status: 'queued', lastError: message });
      throw e; // BullMQ retries with backoff
    }
  }
}
