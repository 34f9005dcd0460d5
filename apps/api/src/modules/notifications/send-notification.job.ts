import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig, APP_CONFIG } from '../../config';
import { JobName, JobPayloads } from '../../queue';
import type { JobHandler } from '../../worker/job-handler';
import { DELIVERY_LEDGER, DeliveryLedger, LedgerAnswer } from './delivery-ledger';
import { SEND_ATTEMPTS } from './send-job';
import { MAIL_TRANSPORT, MailTransport, PermanentDeliveryError, TransientDeliveryError } from './mail-transport';
import { ClaimedNotification, NotificationDeliveryRepository } from './notification-delivery.repository';

/** The reason shown in the admin for a send nobody can confirm. */
export const UNCERTAIN_REASON = '送信済みか不明です。確認のうえ再送してください。';

/**
 * Sends one notification, at most once. The database is the truth: a notification already sent (or
 * failed for good) is never sent again by a retry or a duplicate job.
 *
 * A send that may have happened is reconciled before it is retried. The claim records the start of
 * the attempt (`sending`, `send_started_at`) before the SMTP server is contacted, and the row stays
 * `sending` until the server's answer is recorded. So a job that finds its notification already
 * `sending` knows an earlier attempt was cut off (the worker died, or the connection dropped with no
 * answer) after the message may have reached the server. It then asks the DeliveryLedger
 * (SMTP_RECONCILE_URL) whether the server holds that Message-ID: if so the notification is `sent`
 * without a second copy, if not it is sent now. Without a lookup (a production relay that cannot be
 * asked) it ends `uncertain` with UNCERTAIN_REASON, visible in the admin, where a manager checks and
 * resends it or records it as delivered (NotificationsService.confirmDelivered): one missing mail a person can fix is better than a duplicate nobody can take back.
 *
 * A 5xx ends in `failed` with the server's reason; a 4xx or a connection refused is retried with
 * exponential backoff until the attempts run out.
 */
@Injectable()
export class SendNotificationJob implements JobHandler<JobName.SendNotification> {
  readonly jobName = JobName.SendNotification;

  constructor(
    private readonly deliveries: NotificationDeliveryRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ notificationId }: JobPayloads[JobName.SendNotification], job: Job): Promise<string> {
    const { previousStatus, claimed: n } = await this.deliveries.claim(notificationId);
    // queued by a dispatcher whose transaction then failed: wait for the next dispatch to queue it again
    if (previousStatus === 'pending') throw new Error('notification not dispatched yet');
    if (!n) return 'skipped: already handled';
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? SEND_ATTEMPTS);
    if (previousStatus === 'sending') {
      const settled = await this.reconcile(n, lastAttempt);
      if (settled) return settled;
    }
    try {
      const result = await this.transport.send({
        from: this.config.mailFrom,
        to: n.recipient,
        subject: n.subject,
        text: n.bodyText,
        html: n.bodyHtml,
        messageId: n.messageId,
      });
      await this.deliveries.markSent(n.id, result.response);
      return 'sent';
    } catch (e) {
      const message = (e as Error).message.slice(0, 1000);
      if (e instanceof PermanentDeliveryError) {
        await this.deliveries.markFailed(n.id, message);
        return `failed: ${message}`;
      }
      const mayHaveBeenAccepted = !(e instanceof TransientDeliveryError) || e.mayHaveBeenAccepted;
      if (lastAttempt) {
        const settled = mayHaveBeenAccepted ? await this.reconcile(n, true) : null;
        if (settled) return settled;
        await this.deliveries.markFailed(n.id, message);
        return `failed: ${message}`;
      }
      if (mayHaveBeenAccepted) await this.deliveries.keepSending(n.id, message);
      else await this.deliveries.release(n.id, message);
      throw e; // BullMQ retries with backoff
    }
  }

  /**
   * Settles an attempt that may have been accepted: `sent` if the server has it, `uncertain` if
   * nobody can tell; null when it certainly has not arrived and may be sent now. A lookup that fails
   * is retried with the job (nothing is sent meanwhile), and ends `uncertain` on the last attempt.
   */
  private async reconcile(n: ClaimedNotification, lastAttempt: boolean): Promise<string | null> {
    let answer: LedgerAnswer;
    try {
      answer = await this.ledger.lookup(n.messageId);
    } catch (e) {
      const reason = `送信の照合に失敗しました: ${(e as Error).message}`.slice(0, 1000);
      if (lastAttempt) {
        await this.deliveries.markUncertain(n.id, `${UNCERTAIN_REASON} (${reason})`);
        return 'uncertain';
      }
      await this.deliveries.keepSending(n.id, reason);
      throw e;
    }
    if (answer === 'accepted') {
      await this.deliveries.markReconciled(n.id);
      return 'sent (reconciled: the server had it)';
    }
    if (answer === 'unknown') {
      await this.deliveries.markUncertain(n.id, UNCERTAIN_REASON);
      return 'uncertain';
    }
    return null;
  }
}
