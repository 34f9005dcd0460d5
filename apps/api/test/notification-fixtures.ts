import type { DataSource } from 'typeorm';
import type { NotificationStatus } from '../src/modules/notifications/notification.entity';

/** The facts a 受付 (received) notice is rendered from, as a transition writes them. */
export const RECEIVED_PAYLOAD = {
  applicantName: '株式会社テスト製作所',
  receiptNumber: 'RES90-00000001',
  roundName: '第90回公募',
  categoryName: '成長分野進出枠',
  quotedAmount: 20_000_000,
};

export interface InsertedNotification {
  id: string;
  messageId: string | null;
  recipient: string;
}

/**
 * `count` notifications written straight into the outbox (as a 採択発表 fan-out would leave them):
 * `pending` ones for the dispatcher to render and queue; any other status already rendered, with the
 * Message-ID the dispatcher gives (`<id@jimukyoku.notifications>`).
 */
export async function insertNotifications(
  db: DataSource,
  count: number,
  options: { status?: NotificationStatus; applicationId?: string | null; recipientPrefix?: string } = {},
): Promise<InsertedNotification[]> {
  const status = options.status ?? 'pending';
  const rendered = status !== 'pending' && status !== 'held';
  return db.query(
    `WITH ids AS (SELECT gen_random_uuid() AS id, g FROM generate_series(1, $1::int) g)
     INSERT INTO notification (id, application_id, template, recipient, status, payload, subject, body_text, body_html, message_id, template_version)
     SELECT id, $2, 'received', $3 || g || '@example.jp', $4, $5::jsonb,
            CASE WHEN $6 THEN '【補助金事務局】申請を受け付けました' END, CASE WHEN $6 THEN '本文 ' || g END, CASE WHEN $6 THEN '<p>本文 ' || g || '</p>' END,
            CASE WHEN $6 THEN '<' || id || '@jimukyoku.notifications>' END, CASE WHEN $6 THEN 0 END
       FROM ids ORDER BY g
     RETURNING id, message_id AS "messageId", recipient`,
    [count, options.applicationId ?? null, options.recipientPrefix ?? 'fanout', status, JSON.stringify(RECEIVED_PAYLOAD), rendered],
  );
}

export async function statusCounts(db: DataSource, ids: string[]): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM notification WHERE id = ANY($1) GROUP BY status`, [ids]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
