import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored export file is kept EXPORT_RETENTION_HOURS after it was written, then removed (it holds
 * applicants' personal data): its export becomes `expired`, without a file.
 */
export class ApplicationExportRetention1764203210000 implements MigrationInterface {
  name = 'ApplicationExportRetention1764203210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_export DROP CONSTRAINT application_export_status_check`);
    await q.query(
      `ALTER TABLE application_export ADD CONSTRAINT application_export_status_check CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired'))`,
    );
    await q.query(`CREATE INDEX application_export_stored_idx ON application_export (finished_at) WHERE storage_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_export_stored_idx`);
    await q.query(`UPDATE application_export SET status = 'done' WHERE status = 'expired'`);
    await q.query(`ALTER TABLE application_export DROP CONSTRAINT application_export_status_check`);
    await q.query(`ALTER TABLE application_export ADD CONSTRAINT application_export_status_check CHECK (status IN ('queued', 'running', 'done', 'failed'))`);
  }
}
