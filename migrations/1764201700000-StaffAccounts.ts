import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts and their login sessions. A session is one refresh-token family: the token rotates
 * on every use (only its SHA-256 is stored), and presenting an already-rotated token revokes the
 * whole session (token theft). Access tokens name their session, so logout refuses them at once.
 */
export class StaffAccounts1764201700000 implements MigrationInterface {
  name = 'StaffAccounts1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_user (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email                 text NOT NULL,
        name                  text NOT NULL,
        role                  text NOT NULL CHECK (role IN ('admin', 'manager', 'reviewer', 'auditor')),
        organisation          text,
        password_hash         text NOT NULL,
        active                boolean NOT NULL DEFAULT true,
        must_change_password  boolean NOT NULL DEFAULT false,
        failed_login_count    integer NOT NULL DEFAULT 0,
        locked_until          timestamptz,
        last_login_at         timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT staff_user_email_lowercase CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX staff_user_email_key ON staff_user (email)`);
    await q.query(`CREATE INDEX staff_user_role_idx ON staff_user (role, active)`);
    await q.query(`
      CREATE TABLE auth_session (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id              uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
        refresh_token_hash   text NOT NULL,
        -- hashes of this session's already-rotated refresh tokens (most recent 200), to detect replay
        used_token_hashes    text[] NOT NULL DEFAULT '{}',
        expires_at           timestamptz NOT NULL,
        revoked_at           timestamptz,
        revoked_reason       text,
        created_at           timestamptz NOT NULL DEFAULT now(),
        last_used_at         timestamptz NOT NULL DEFAULT now(),
        ip                   text,
        user_agent           text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_session`);
    await q.query(`DROP TABLE staff_user`);
  }
}
