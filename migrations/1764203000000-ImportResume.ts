import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restart-safe bulk imports: each row's outcome is recorded in the same transaction as its
 * application (or, for a refused row, with its problems), keyed (import, row), so a worker that
 * restarts an import skips what is recorded and no row is imported twice. The report is counted from
 * these rows.
 */
export class ImportResume1764203000000 implements MigrationInterface {
  name = 'ImportResume1764203000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_import_row (
        import_id       uuid NOT NULL REFERENCES application_import (id) ON DELETE CASCADE,
        row_number      integer NOT NULL CHECK (row_number >= 2),
        application_id  uuid UNIQUE REFERENCES application (id),
        problems        jsonb NOT NULL DEFAULT '[]'::jsonb,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (import_id, row_number),
        CHECK ((application_id IS NULL) <> (problems = '[]'::jsonb))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_import_row`);
  }
}
