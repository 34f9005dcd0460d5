import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant's 補正期限 reminder, sent once per return: `correction_reminded_for` holds the
 * correction_due_at the reminder was sent for, so a later 差戻し (a new correction_due_at) earns a new
 * one. The partial index serves both the reminder and the closing of uncorrected applications.
 */
export class CorrectionReminders1764202600000 implements MigrationInterface {
  name = 'CorrectionReminders1764202600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN correction_reminded_for timestamptz`);
    await q.query(`CREATE INDEX application_returned_due_idx ON application (correction_due_at) WHERE status = 'returned'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_returned_due_idx`);
    await q.query(`ALTER TABLE application DROP COLUMN correction_reminded_for`);
  }
}
