import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk imports of applications from CSV / Excel: the file's progress and its row-level report. */
export class Imports1764202100000 implements MigrationInterface {
  name = 'Imports1764202100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_import (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id        uuid NOT NULL REFERENCES round (id),
        file_name       text NOT NULL,
        format          text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        mode            text NOT NULL CHECK (mode IN ('validRows', 'allOrNothing')),
        status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        storage_key     text NOT NULL,
        total_rows      integer NOT NULL DEFAULT 0,
        processed_rows  integer NOT NULL DEFAULT 0,
        imported_rows   integer NOT NULL DEFAULT 0,
        error_rows      integer NOT NULL DEFAULT 0,
        errors          jsonb NOT NULL DEFAULT '[]'::jsonb,
        message         text,
        created_by      uuid REFERENCES staff_user (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        started_at      timestamptz,
        finished_at     timestamptz
      )`);
    await q.query(`CREATE INDEX application_import_round_idx ON application_import (round_id, created_at DESC)`);
    await q.query(`ALTER TABLE application ADD COLUMN import_id uuid REFERENCES application_import (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP COLUMN import_id`);
    await q.query(`DROP TABLE application_import`);
  }
}
