import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled work, each step recorded so that running it twice (or on two workers at once) does it once:
 * the instant a round was closed by the scheduler, the reminder sent to a reviewer before the review's
 * due date, and one daily digest per manager and JST day.
 */
export class NotificationSchedules1764202400000 implements MigrationInterface {
  name = 'NotificationSchedules1764202400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE round ADD COLUMN closed_at timestamptz`);
    await q.query(`CREATE INDEX round_to_close_idx ON round (closes_at) WHERE closed_at IS NULL`);
    await q.query(`ALTER TABLE application_assignment ADD COLUMN reminded_at timestamptz`);
    await q.query(
      `CREATE INDEX application_assignment_due_idx ON application_assignment (due_at) WHERE submitted_at IS NULL AND revoked_at IS NULL AND reminded_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE manager_digest (
        digest_date      date NOT NULL,
        staff_user_id    uuid NOT NULL REFERENCES staff_user (id),
        notification_id  uuid REFERENCES notification (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (digest_date, staff_user_id)
      )`);
    await q.query(`CREATE INDEX notification_template_version_idx ON notification (template, template_version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_template_version_idx`);
    await q.query(`DROP TABLE manager_digest`);
    await q.query(`DROP INDEX application_assignment_due_idx`);
    await q.query(`ALTER TABLE application_assignment DROP COLUMN reminded_at`);
    await q.query(`DROP INDEX round_to_close_idx`);
    await q.query(`ALTER TABLE round DROP COLUMN closed_at`);
  }
}
