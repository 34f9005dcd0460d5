import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 返還 without a 交付決定取消 (docs/post-award.md "概算払"): when the 確定額 is below what the 概算払 paid, the 額の確定
 * claims the excess back (補助金適正化法 第18条第2項). That claim is a `repayment_claim` of its own ground,
 * `advanceAboveFixedAmount`, so its repayments are recorded, summed and made idempotent as a revoked grant's are; a
 * later 交付決定取消 raises the same row to all that was paid. The CHECK on `ground` widens, and `claimed_at` keeps when
 * the 返還 was first claimed (the 額の確定, or the revocation), which `revoked_at` no longer does once a claim is raised:
 * a repayment received between the two is the applicant's and is recorded.
 */
export class AdvanceExcessClaim1764600500000 implements MigrationInterface {
  name = 'AdvanceExcessClaim1764600500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repayment_claim DROP CONSTRAINT repayment_claim_ground_check`);
    await q.query(
      `ALTER TABLE repayment_claim ADD CONSTRAINT repayment_claim_ground_check CHECK (ground IN ('general', 'wageTargetMissed', 'advanceAboveFixedAmount'))`,
    );
    await q.query(`ALTER TABLE repayment_claim ADD COLUMN claimed_at timestamptz`);
    await q.query(`UPDATE repayment_claim SET claimed_at = revoked_at`);
    await q.query(`ALTER TABLE repayment_claim ALTER COLUMN claimed_at SET NOT NULL, ALTER COLUMN claimed_at SET DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repayment_claim DROP COLUMN claimed_at`);
    await q.query(`ALTER TABLE repayment_claim DROP CONSTRAINT repayment_claim_ground_check`);
    await q.query(`ALTER TABLE repayment_claim ADD CONSTRAINT repayment_claim_ground_check CHECK (ground IN ('general', 'wageTargetMissed'))`);
  }
}
