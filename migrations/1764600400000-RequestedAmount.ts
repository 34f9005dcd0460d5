import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 申請額 the applicant asked for, when it is less than the rules give (README "Intake"): the application's
 * amount (`quoted_amount`, the 申請額 of the list, the 予算 a 採択 spends and the 採択額) is the lower of the
 * two. It was checked against the rules and then dropped, so an applicant asking for 500万 was adopted for the
 * 1,000万 the rules allowed. Null: not given (the rules' amount). A new nullable column: no table rewrite.
 */
export class RequestedAmount1764600400000 implements MigrationInterface {
  name = 'RequestedAmount1764600400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN requested_amount bigint CHECK (requested_amount IS NULL OR requested_amount > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP COLUMN requested_amount`);
  }
}
