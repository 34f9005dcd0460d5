import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 申請履歴 (docs/applicant-history.md): what matches an applicant across rounds and programmes besides the
 * 法人番号 — the インボイス登録番号 (T + 13 digits), and for a 個人事業者 the 住所 and 生年月日 that, with the
 * name, give a probable match (推定一致). All optional (NULL: not given). Indexed for the history's lookup
 * by 法人番号, インボイス登録番号 or 生年月日.
 */
export class ApplicantIdentity1764341000000 implements MigrationInterface {
  name = 'ApplicantIdentity1764341000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application ADD COLUMN address text`);
    await q.query(`ALTER TABLE application ADD COLUMN birth_date date`);
    await q.query(`ALTER TABLE application ADD COLUMN invoice_number text CHECK (invoice_number ~ '^T[0-9]{13}$')`);
    await q.query(`CREATE INDEX application_corporate_number_idx ON application (corporate_number) WHERE corporate_number IS NOT NULL`);
    await q.query(`CREATE INDEX application_invoice_number_idx ON application (invoice_number) WHERE invoice_number IS NOT NULL`);
    await q.query(`CREATE INDEX application_birth_date_idx ON application (birth_date) WHERE birth_date IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_birth_date_idx`);
    await q.query(`DROP INDEX application_invoice_number_idx`);
    await q.query(`DROP INDEX application_corporate_number_idx`);
    for (const column of ['invoice_number', 'birth_date', 'address']) await q.query(`ALTER TABLE application DROP COLUMN ${column}`);
  }
}
