import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import { isDatabaseUnavailable, isPoolExhausted } from '../../database/connection-faults';
import { prepared } from '../../database/entity-rows';
import { StatementBatcher } from '../../database/statement-batcher';
import type { NotificationStatus } from './notification.entity';

export interface ClaimedNotification {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  messageId: string;
}

type ClaimAnswer = { previousStatus: NotificationStatus | null; claimed: ClaimedNotification | null };

/** one of the two steps every mail makes, as StatementBatcher coalesces them */
type DeliveryStep = { kind: 'claim'; id: string } | { kind: 'sent'; id: string; smtpResponse: string };

/** what the statement answers per notification it was asked to claim and found */
interface ClaimRow extends Partial<ClaimedNotification> {
  requestedId: string;
  previousStatus: NotificationStatus;
}

/**
 * Records the mails the server accepted (`sending` → `sent`) and claims the next ones (`queued` or
 * `sending` → `sending`), in one statement: the ids of the claims, then the ids and the server's answers
 * of the sent. Claims lock in id order, so claims of two workers never wait for each other in a cycle; the
 * rows of the sent are the worker's own. (Should PostgreSQL still find a deadlock, with a stalled job taken
 * again by another worker, it fails the statement: nothing of it is recorded, each of its steps runs again
 * alone, and a claim that failed has sent nothing.)
 */
const DELIVERY_STEPS_SQL = `
  WITH sent AS (
         UPDATE notification n SET status = 'sent', smtp_response = v.smtp_response, last_error = NULL, sent_at = now(), updated_at = now()
           FROM unnest($2::uuid[], $3::text[]) AS v(id, smtp_response)
          WHERE n.id = v.id AND n.status = 'sending'),
       prev AS (SELECT id, status FROM notification WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE),
       claimed AS (
         UPDATE notification n SET status = 'sending', attempts = n.attempts + 1, send_started_at = now(), updated_at = now()
           FROM prev WHERE n.id = prev.id AND prev.status IN ('queued', 'sending')
         RETURNING n.id, n.recipient, n.subject, n.body_text, n.body_html, n.message_id)
  SELECT prev.id AS "requestedId", prev.status AS "previousStatus", c.id, c.recipient, c.subject, c.body_text AS "bodyText",
         c.body_html AS "bodyHtml", c.message_id AS "messageId"
    FROM prev LEFT JOIN claimed c ON c.id = prev.id`;

/**
 * The state changes of one delivery, each guarded by the state it expects.
 *
 * The two steps every mail makes, its claim before the SMTP conversation and the record that the server
 * accepted it after, share statements: what the worker's concurrent jobs claim and record at the same
 * time is one statement (StatementBatcher, DELIVERY_STEPS_SQL), so a 採択発表 costs a statement per few
 * mails instead of two per mail. Exactly once still holds, because batching moves neither step across
 * the SMTP conversation: a job sends only after the statement holding its claim has committed (the row
 * is `sending` before the server is contacted), and its job completes only after the statement holding
 * its `sent` has committed. A worker killed in between leaves the rows it had claimed `sending`, exactly
 * as with one statement per step, and the retried job reconciles them before sending (SendNotificationJob,
 * README "Delivery: exactly once, at a set pace"). When a shared statement fails for a reason that may be
 * one step's (a value PostgreSQL refuses, a deadlock), each of its steps runs again alone, so only the
 * job whose own step fails is retried; when the database is unreachable every step in it fails.
 */
@Injectable()
export class NotificationDeliveryRepository {
  private readonly steps = new StatementBatcher<DeliveryStep, ClaimAnswer | null>((steps) => this.runSteps(steps), {
    maxInFlight: 1,
    retryAlone: (e) => !isDatabaseUnavailable(e) && !isPoolExhausted(e),
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims a queued notification, or one an earlier attempt left `sending`, for this attempt: marks it
   * `sending` and records the start before the server is contacted. The row lock waits for a
   * dispatcher that has queued the job but not yet committed, so the job sees the row as it left it.
   * Answers the status found (`sending`: an earlier attempt began and never recorded its outcome) and,
   * when claimed, what to send.
   */
  async claim(id: string): Promise<ClaimAnswer> {
    if (!isUuid(id)) return { previousStatus: null, claimed: null }; // names no row, and must not fail the statement it would share
    return (await this.steps.submit({ kind: 'claim', id: id.toLowerCase() }))!;
  }

  /** The server has accepted the mail: `sent`, once that is committed. */
  async markSent(id: string, smtpResponse: string): Promise<void> {
    await this.steps.submit({ kind: 'sent', id, smtpResponse });
  }

  /**
   * One statement for the steps of different notifications. A notification with two steps in the batch
   * (a job that stalled and was taken again meanwhile) has the later one run in a statement after, which
   * then sees what the first did, as two separate statements would.
   */
  private async runSteps(steps: DeliveryStep[]): Promise<(ClaimAnswer | null)[]> {
    const now: number[] = [];
    const later: number[] = [];
    const ids = new Set<string>();
    steps.forEach((step, i) => {
      if (ids.has(step.id)) later.push(i);
      else {
        ids.add(step.id);
        now.push(i);
      }
    });
    const claims = now.map((i) => steps[i]).filter((s) => s.kind === 'claim');
    const sent = now.map((i) => steps[i]).filter((s): s is Extract<DeliveryStep, { kind: 'sent' }> => s.kind === 'sent');
    const rows = (await prepared(this.dataSource.manager, DELIVERY_STEPS_SQL, [
      claims.map((s) => s.id),
      sent.map((s) => s.id),
      sent.map((s) => s.smtpResponse),
    ])) as unknown as ClaimRow[];
    const found = new Map<string, ClaimAnswer>(
      rows.map(({ requestedId, previousStatus, ...claimed }) => [
        requestedId,
        { previousStatus, claimed: claimed.id ? (claimed as ClaimedNotification) : null },
      ]),
    );
    const answers: (ClaimAnswer | null)[] = steps.map(() => null);
    for (const i of now) {
      if (steps[i].kind === 'claim') answers[i] = found.get(steps[i].id) ?? { previousStatus: null, claimed: null };
    }
    if (later.length > 0) {
      const more = await this.runSteps(later.map((i) => steps[i]));
      later.forEach((i, k) => (answers[i] = more[k]));
    }
    return answers;
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
