import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 概算払 (docs/post-award.md "概算払"): a round allows it or not (`advance_payment_allowed`, off unless a manager
 * turns it on for a 公募要領 that provides for it); the amount requested is kept with the project's amounts
 * (`grant_amount.advance_requested_amount`, the rules' quote of the expenses paid so far); a payment batch line says
 * whether it pays a 概算払 or the 確定額 less what was paid in advance (`kind`), so what was paid in advance is the
 * sum of the paid batches' advance lines and nothing keeps a second copy of it.
 */
export class AdvancePayments1764530000000 implements MigrationInterface {
  name = 'AdvancePayments1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE round ADD COLUMN advance_payment_allowed boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE grant_amount ADD COLUMN advance_requested_amount bigint CHECK (advance_requested_amount > 0)`);
    await q.query(`ALTER TABLE payment_batch_line ADD COLUMN kind text NOT NULL DEFAULT 'final' CHECK (kind IN ('final', 'advance'))`);
    // the 概算払請求 is a filing of its own
    await q.query(`ALTER TABLE post_award_filing DROP CONSTRAINT post_award_filing_step_check`);
    await q.query(`ALTER TABLE post_award_filing ADD CONSTRAINT post_award_filing_step_check
      CHECK (step IN ('grantApplication', 'advancePayment', 'performanceReport', 'planChange', 'abandonment', 'withdrawal', 'commercializationReport'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // a 概算払 already filed is a record of money requested: undoing would have to lose it, so it refuses
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM post_award_filing WHERE step = 'advancePayment'`);
    if (n > 0) throw new Error(`AdvancePayments cannot be undone: ${n} 概算払 filings exist`);
    await q.query(`ALTER TABLE post_award_filing DROP CONSTRAINT post_award_filing_step_check`);
    await q.query(`ALTER TABLE post_award_filing ADD CONSTRAINT post_award_filing_step_check
      CHECK (step IN ('grantApplication', 'performanceReport', 'planChange', 'abandonment', 'withdrawal', 'commercializationReport'))`);
    await q.query(`ALTER TABLE payment_batch_line DROP COLUMN kind`);
    await q.query(`ALTER TABLE grant_amount DROP COLUMN advance_requested_amount`);
    await q.query(`ALTER TABLE round DROP COLUMN advance_payment_allowed`);
  }
}
