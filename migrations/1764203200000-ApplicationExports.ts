import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports of the applications a list filter selects (modules/application-exports): who asked, for what
 * filter and format, and either answered at once (`direct`) or written by the worker (`job`) with its
 * progress and the stored file's key.
 */
export class ApplicationExports1764203200000 implements MigrationInterface {
  name = 'ApplicationExports1764203200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_export (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by    uuid NOT NULL REFERENCES staff_user (id),
        requester_role  text NOT NULL,
        format          text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        filter          jsonb NOT NULL DEFAULT '{}'::jsonb,
        delivery        text NOT NULL CHECK (delivery IN ('direct', 'job')),
        status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        total_rows      integer NOT NULL DEFAULT 0,
        processed_rows  integer NOT NULL DEFAULT 0,
        file_name       text NOT NULL,
        storage_key     text,
        size_bytes      bigint,
        message         text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        started_at      timestamptz,
        finished_at     timestamptz,
        CHECK (processed_rows <= total_rows)
      )`);
    await q.query(`CREATE INDEX application_export_requester_idx ON application_export (requested_by, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_export`);
  }
}
