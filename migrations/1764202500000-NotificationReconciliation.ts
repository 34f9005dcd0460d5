import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconciling a send that may have happened: when the SMTP conversation of the current attempt
 * started (written before the server is contacted), when an interrupted attempt was settled by asking
 * the mail server, and the `uncertain` state for a send nobody can confirm (a person checks it).
 */
export class NotificationReconciliation1764202500000 implements MigrationInterface {
  name = 'NotificationReconciliation1764202500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN send_started_at timestamptz, ADD COLUMN reconciled_at timestamptz`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_status_check
      CHECK (status IN ('held', 'pending', 'queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notification SET status = 'failed' WHERE status = 'uncertain'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_status_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_status_check
      CHECK (status IN ('held', 'pending', 'queued', 'sending', 'sent', 'failed', 'cancelled'))`);
    await q.query(`ALTER TABLE notification DROP COLUMN send_started_at, DROP COLUMN reconciled_at`);
  }
}
