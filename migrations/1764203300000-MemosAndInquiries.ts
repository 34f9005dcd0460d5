import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764202800000-AppRole';

/**
 * The record around an application that is not the application itself:
 * - `application_memo`: staff's internal memos on an application (never shown to the applicant), a
 *   thread appended to; the application's role may read and insert, not change or remove one.
 * - `inquiry`: the 問い合わせ log, each exchange with the applicant: when, the channel (電話 / メール /
 *   窓口), the direction (受信 / 発信), a summary and the staff member who handled it.
 */
export class MemosAndInquiries1764203300000 implements MigrationInterface {
  name = 'MemosAndInquiries1764203300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_memo (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id),
        author_id      uuid NOT NULL REFERENCES staff_user(id),
        body           text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX application_memo_application_idx ON application_memo (application_id, created_at)`);
    await q.query(`REVOKE UPDATE, DELETE ON application_memo FROM ${APP_ROLE}`);
    await q.query(`
      CREATE TABLE inquiry (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id),
        occurred_at    timestamptz NOT NULL,
        channel        text NOT NULL CHECK (channel IN ('phone', 'email', 'counter')),
        direction      text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        summary        text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 4000),
        staff_id       uuid NOT NULL REFERENCES staff_user(id),
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX inquiry_application_idx ON inquiry (application_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inquiry`);
    await q.query(`DROP TABLE application_memo`);
  }
}
