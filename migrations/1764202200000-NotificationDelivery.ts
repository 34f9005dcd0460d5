import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivering the outbox: versioned templates, and on each notification the text as rendered (so a
 * sent email always shows what was sent), its Message-ID, attempts and the SMTP server's answer.
 */
export class NotificationDelivery1764202200000 implements MigrationInterface {
  name = 'NotificationDelivery1764202200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_template (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL,
        version     integer NOT NULL CHECK (version >= 1),
        subject     text NOT NULL,
        body_text   text NOT NULL,
        created_by  uuid REFERENCES staff_user (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      )`);
    await q.query(`ALTER TABLE notification
      ADD COLUMN template_version integer,
      ADD COLUMN subject text,
      ADD COLUMN body_text text,
      ADD COLUMN body_html text,
      ADD COLUMN message_id text UNIQUE,
      ADD COLUMN attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN last_error text,
      ADD COLUMN smtp_response text,
      ADD COLUMN queued_at timestamptz,
      ADD COLUMN sent_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN template_version, DROP COLUMN subject, DROP COLUMN body_text, DROP COLUMN body_html,
      DROP COLUMN message_id, DROP COLUMN attempts, DROP COLUMN last_error, DROP COLUMN smtp_response, DROP COLUMN queued_at, DROP COLUMN sent_at`);
    await q.query(`DROP TABLE notification_template`);
  }
}
