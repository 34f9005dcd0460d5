import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Idempotency-Key a repayment was recorded with (返還の入金, docs/post-award.md "交付決定取消 and 返還"). A
 * request sent again after its answer was lost, or a second click, finds the repayment its key recorded
 * instead of recording the money twice. Unique per application; null for repayments recorded without one.
 */
export class RepaymentRequestKey1764600300000 implements MigrationInterface {
  name = 'RepaymentRequestKey1764600300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repayment_received ADD COLUMN request_key text CHECK (request_key IS NULL OR length(request_key) <= 200)`);
    await q.query(`CREATE UNIQUE INDEX repayment_received_request_key_idx ON repayment_received (application_id, request_key) WHERE request_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX repayment_received_request_key_idx`);
    await q.query(`ALTER TABLE repayment_received DROP COLUMN request_key`);
  }
}
