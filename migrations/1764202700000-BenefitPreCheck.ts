import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 事業復活支援金: the 事前確認 an application arrives with. `pre_check` holds the 登録確認機関's
 * result ({ confirmationNumber, agencyName }: 事前確認通知番号 and the 機関名); `previous_recipient` marks
 * an earlier 一時支援金/月次支援金 recipient, who skips the 事前確認 (the workflow's waivePreCheck guard
 * reads it). A benefit application has exactly one of the two; a subsidy application has neither.
 */
export class BenefitPreCheck1764202700000 implements MigrationInterface {
  name = 'BenefitPreCheck1764202700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN pre_check jsonb`);
    await q.query(`ALTER TABLE application ADD COLUMN previous_recipient boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE application ADD CONSTRAINT application_pre_check_or_previous_recipient CHECK (NOT (pre_check IS NOT NULL AND previous_recipient))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP CONSTRAINT application_pre_check_or_previous_recipient`);
    await q.query(`ALTER TABLE application DROP COLUMN previous_recipient`);
    await q.query(`ALTER TABLE application DROP COLUMN pre_check`);
  }
}
