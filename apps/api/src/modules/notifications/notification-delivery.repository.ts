import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationStatus } from './notification.entity';

export interface ClaimedNotification {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  messageId: string;
}

/** The state changes of one delivery, each a single UPDATE guarded by the state it expects. */
@Injectable()
export class NotificationDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims a queued notification, or one an earlier attempt left `sending`, for this attempt: marks it
   * `sending` and records the start before the server is contacted. The row lock waits for a
   * dispatcher that has queued the job but not yet committed, so the job sees the row as it left it.
   * Answers the status found (`sending`: an earlier attempt began and never recorded its outcome) and,
   * when claimed, what to send.
   */
  async claim(id: string): Promise<{ previousStatus: NotificationStatus | null; claimed: ClaimedNotification | null }> {
    const rows: (Partial<ClaimedNotification> & { previousStatus: NotificationStatus })[] = await this.dataSource.query(
      `WITH prev AS (SELECT id, status FROM notification WHERE id = $1 FOR UPDATE),
            claimed AS (
              UPDATE notification n SET status = 'sending', attempts = n.attempts + 1, send_started_at = now(), updated_at = now()
                FROM prev WHERE n.id = prev.id AND prev.status IN ('queued', 'sending')
              RETURNING n.id, n.recipient, n.subject, n.body_text, n.body_html, n.message_id)
       SELECT prev.status AS "previousStatus", c.id, c.recipient, c.subject, c.body_text AS "bodyText", c.body_html AS "bodyHtml", c.message_id AS "messageId"
         FROM prev LEFT JOIN claimed c ON c.id = prev.id`,
      [id],
    );
    const row = rows[0];
    if (!row) return { previousStatus: null, claimed: null };
    return { previousStatus: row.previousStatus, claimed: row.id ? (row as ClaimedNotification) : null };
  }

  markSent(id: string, smtpResponse: string) {
    return this.settle(id, { status: 'sent', smtp_response: smtpResponse, last_error: null }, ['sent_at']);
  }

  /** the server had the message from an interrupted attempt: sent, without sending it again */
  markReconciled(id: string) {
    return this.settle(id, { status: 'sent', last_error: null }, ['sent_at', 'reconciled_at']);
  }

  markFailed(id: string, reason: string) {
    return this.settle(id, { status: 'failed', last_error: reason });
  }

  markUncertain(id: string, reason: string) {
    return this.settle(id, { status: 'uncertain', last_error: reason });
  }

  /** the server has certainly not taken it: back to `queued` for the retry */
  release(id: string, reason: string) {
    return this.settle(id, { status: 'queued', last_error: reason });
  }

  /** it may have been taken: stays `sending`, so the retry reconciles first */
  keepSending(id: string, reason: string) {
    return this.settle(id, { last_error: reason });
  }

  /** Sets the columns (and the timestamps to now) of a notification this attempt holds in `sending`. */
  private async settle(id: string, set: Record<string, string | null>, stamps: string[] = []) {
    const params: (string | null)[] = [id, ...Object.values(set)];
    const assignments = [...Object.keys(set).map((column, i) => `${column} = $${i + 2}`), ...stamps.map((column) => `${column} = now()`), 'updated_at = now()'];
    await this.dataSource.query(`UPDATE notification SET ${assignments.join(', ')} WHERE id = $1 AND status = 'sending'`, params);
  }
}
