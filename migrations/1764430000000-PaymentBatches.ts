import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `payment_batch` and `payment_batch_line`: the 総合振込 batches of the payments module (docs/payments.md
 * "Payment batches"). A batch is open until the manager confirms the bank's transfer (paid) or cancels it;
 * each line holds one application's 支払額 and the payee's account as it went into the file. An application
 * is in at most one open batch: `open` mirrors the batch's state on its lines and a partial unique index
 * holds it.
 */
export class PaymentBatches1764430000000 implements MigrationInterface {
  name = 'PaymentBatches1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_batch (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id        uuid NOT NULL REFERENCES round(id),
        status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled')),
        transfer_date   date NOT NULL,
        requester       jsonb NOT NULL,
        total_count     integer NOT NULL CHECK (total_count > 0),
        total_amount    bigint NOT NULL CHECK (total_amount > 0),
        excluded        jsonb NOT NULL DEFAULT '[]',
        created_by      uuid NOT NULL REFERENCES staff_user(id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        paid_on         date,
        confirmed_by    uuid REFERENCES staff_user(id),
        confirmed_at    timestamptz,
        cancelled_by    uuid REFERENCES staff_user(id),
        cancelled_at    timestamptz,
        CHECK ((status = 'paid') = (paid_on IS NOT NULL AND confirmed_at IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX payment_batch_round_idx ON payment_batch (round_id, created_at)`);
    await q.query(`
      CREATE TABLE payment_batch_line (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id            uuid NOT NULL REFERENCES payment_batch(id),
        position            integer NOT NULL,
        application_id      uuid NOT NULL REFERENCES application(id),
        amount              bigint NOT NULL CHECK (amount > 0 AND amount <= 9999999999),
        bank_code           text NOT NULL CHECK (bank_code ~ '^[0-9]{4}$'),
        branch_code         text NOT NULL CHECK (branch_code ~ '^[0-9]{3}$'),
        deposit_type        text NOT NULL,
        account_number      text NOT NULL CHECK (account_number ~ '^[0-9]{7}$'),
        account_holder_kana text NOT NULL,
        open                boolean NOT NULL DEFAULT true,
        UNIQUE (batch_id, position),
        UNIQUE (batch_id, application_id)
      )`);
    // an application is in at most one open batch
    await q.query(`CREATE UNIQUE INDEX payment_batch_line_open_uq ON payment_batch_line (application_id) WHERE open`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_batch_line`);
    await q.query(`DROP TABLE payment_batch`);
  }
}
