import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bank_account`: the payee's bank account of an application (one per application), as a 全銀協 総合振込
 * data record takes it (docs/payments.md). The API validates it on entry (libs/domain parseBankAccount);
 * the checks here hold the stored form: codes of 4 and 3 digits, 預金種目 1 普通 / 2 当座 / 4 貯蓄, a
 * 7-digit 口座番号 (left-padded with 0), and a 口座名義 of at most 30 全銀 half-width characters.
 */
export class BankAccounts1764400000000 implements MigrationInterface {
  name = 'BankAccounts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bank_account (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id      uuid NOT NULL UNIQUE REFERENCES application(id),
        bank_code           text NOT NULL CHECK (bank_code ~ '^[0-9]{4}$'),
        branch_code         text NOT NULL CHECK (branch_code ~ '^[0-9]{3}$'),
        deposit_type        text NOT NULL CHECK (deposit_type IN ('1', '2', '4')),
        account_number      text NOT NULL CHECK (account_number ~ '^[0-9]{7}$' AND account_number <> '0000000'),
        account_holder_kana text NOT NULL CHECK (account_holder_kana ~ '^[0-9A-Z ().,/｢｣ｦｱ-ﾟ-]{1,30}$'),
        created_by          uuid NOT NULL REFERENCES staff_user(id),
        updated_by          uuid NOT NULL REFERENCES staff_user(id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bank_account`);
  }
}
