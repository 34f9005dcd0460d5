import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schedule of the yearly 事業化状況報告 (docs/post-award.md "事業化状況報告の予定"): five rows per application,
 * written at the 額の確定, each with its due date (a JST date, one year apart). The applicant's yearly report fulfils
 * the earliest open one (`reported_at`, `filing_id`); `reminded_at` is set in the transaction that writes the
 * reminder's outbox row, so the reminder goes out once whoever runs the job and however often.
 */
export class CommercializationReports1764441000000 implements MigrationInterface {
  name = 'CommercializationReports1764441000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commercialization_report (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id  uuid NOT NULL REFERENCES application(id),
        sequence        int NOT NULL CHECK (sequence BETWEEN 1 AND 5),
        due_date        date NOT NULL,
        reported_at     timestamptz,
        filing_id       uuid REFERENCES post_award_filing(id),
        reminded_at     timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, sequence)
      )`);
    await q.query(`CREATE INDEX commercialization_report_open_idx ON commercialization_report (due_date) WHERE reported_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE commercialization_report`);
  }
}
