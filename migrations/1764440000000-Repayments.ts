import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 交付決定取消 and 返還 of the 補助金's post-award half (docs/post-award.md "交付決定取消 and 返還",
 * apps/api/src/modules/post-award):
 * - `repayment_claim`: one per revoked application: the 返還額 the rules give (what was paid; the basis and the
 *   ground kept), its 納期限 (a JST date), who revoked and when. Never typed freely.
 * - `repayment_received`: the repayments received (date, amount), partial allowed; their sum never exceeds the
 *   返還額 (checked by the service under the claim's row lock).
 */
export class Repayments1764440000000 implements MigrationInterface {
  name = 'Repayments1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE repayment_claim (
        application_id  uuid PRIMARY KEY REFERENCES application(id),
        amount          bigint NOT NULL CHECK (amount >= 0),
        paid_amount     bigint NOT NULL CHECK (paid_amount >= 0),
        ground          text NOT NULL CHECK (ground IN ('general', 'wageTargetMissed')),
        reason          text NOT NULL CHECK (length(reason) <= 2000),
        due_date        date,
        revoked_by      uuid NOT NULL,
        revoked_at      timestamptz NOT NULL DEFAULT now(),
        repaid_at       timestamptz,
        CHECK (amount = 0 OR due_date IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE repayment_received (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id  uuid NOT NULL REFERENCES repayment_claim(application_id),
        received_on     date NOT NULL,
        amount          bigint NOT NULL CHECK (amount > 0),
        note            text CHECK (note IS NULL OR length(note) <= 2000),
        recorded_by     uuid NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX repayment_received_application_idx ON repayment_received (application_id, received_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE repayment_received`);
    await q.query(`DROP TABLE repayment_claim`);
  }
}
