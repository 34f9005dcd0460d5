import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant's declared facts the rules read besides size and employees: 年間売上高, 赤字 (the previous
 * fiscal year loss-making), 再生事業者, 参加事業者数 of a group application, 都道府県数 of a regional
 * community, and the 金融機関 that confirmed the plan (financialInstitutionAbove30M). Intake validated with
 * them but the application kept none, so its stored quote was computed without them (README "Intake").
 * NULL: not declared (the rules treat it as absent).
 */
export class ApplicantFacts1764300000000 implements MigrationInterface {
  name = 'ApplicantFacts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN annual_revenue bigint CHECK (annual_revenue >= 0)`);
    await q.query(`ALTER TABLE application ADD COLUMN loss_making boolean`);
    await q.query(`ALTER TABLE application ADD COLUMN in_rehabilitation boolean`);
    await q.query(`ALTER TABLE application ADD COLUMN participant_count integer CHECK (participant_count >= 1)`);
    await q.query(`ALTER TABLE application ADD COLUMN prefecture_count integer CHECK (prefecture_count BETWEEN 1 AND 47)`);
    await q.query(`ALTER TABLE application ADD COLUMN financial_institution jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['financial_institution', 'prefecture_count', 'participant_count', 'in_rehabilitation', 'loss_making', 'annual_revenue']) {
      await q.query(`ALTER TABLE application DROP COLUMN ${column}`);
    }
  }
}
