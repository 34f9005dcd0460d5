import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline-proof intake: channels with hashed API keys, idempotency records (same key → first
 * answer, written in the applicant's transaction), attachments with checksums, a grace window per
 * round, and one receipt-number sequence per round (nextval never blocks concurrent submissions).
 */
export class Intake1764202000000 implements MigrationInterface {
  name = 'Intake1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake_channel (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name           text NOT NULL,
        key_prefix     text NOT NULL,
        key_hash       text NOT NULL UNIQUE,
        created_by     uuid REFERENCES staff_user (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        revoked_at     timestamptz,
        last_used_at   timestamptz
      )`);
    await q.query(`
      CREATE TABLE idempotency_record (
        channel_id      uuid NOT NULL REFERENCES intake_channel (id),
        key             text NOT NULL,
        request_hash    text NOT NULL,
        response_status integer NOT NULL,
        response_body   jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, key)
      )`);
    await q.query(`
      CREATE TABLE attachment (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id      uuid REFERENCES intake_channel (id),
        application_id  uuid REFERENCES application (id),
        kind            text NOT NULL,
        file_name       text NOT NULL,
        content_type    text NOT NULL,
        size_bytes      bigint NOT NULL CHECK (size_bytes > 0),
        sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key     text NOT NULL UNIQUE,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachment_application_idx ON attachment (application_id)`);
    await q.query(`ALTER TABLE round ADD COLUMN grace_minutes integer NOT NULL DEFAULT 0 CHECK (grace_minutes BETWEEN 0 AND 10080)`);
    await q.query(`ALTER TABLE round ADD COLUMN receipt_prefix text`);
    await q.query(`ALTER TABLE application ADD COLUMN received_in_grace boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE application ADD COLUMN channel_id uuid REFERENCES intake_channel (id)`);
    // One sequence per round, created with the round: numbers increase in order of receipt, may have gaps.
    await q.query(`
      CREATE FUNCTION round_receipt_sequence_name(round_id uuid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT 'receipt_seq_' || replace(round_id::text, '-', '')
      $$`);
    await q.query(`
      CREATE FUNCTION create_round_receipt_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', round_receipt_sequence_name(NEW.id));
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER round_receipt_sequence AFTER INSERT ON round FOR EACH ROW EXECUTE FUNCTION create_round_receipt_sequence()`);
    await q.query(
      `DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM round LOOP EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', round_receipt_sequence_name(r.id)); END LOOP; END $$`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM round LOOP EXECUTE format('DROP SEQUENCE IF EXISTS %I', round_receipt_sequence_name(r.id)); END LOOP; END $$`,
    );
    await q.query(`DROP TRIGGER round_receipt_sequence ON round`);
    await q.query(`DROP FUNCTION create_round_receipt_sequence()`);
    await q.query(`DROP FUNCTION round_receipt_sequence_name(uuid)`);
    await q.query(`ALTER TABLE application DROP COLUMN channel_id`);
    await q.query(`ALTER TABLE application DROP COLUMN received_in_grace`);
    await q.query(`ALTER TABLE round DROP COLUMN receipt_prefix`);
    await q.query(`ALTER TABLE round DROP COLUMN grace_minutes`);
    await q.query(`DROP TABLE attachment`);
    await q.query(`DROP TABLE idempotency_record`);
    await q.query(`DROP TABLE intake_channel`);
  }
}
