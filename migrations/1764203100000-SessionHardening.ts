import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end on their own and accounts that cannot be locked by a stranger:
 * - `absolute_expires_at`: a session ends at this time however active it is (SESSION_MAX_AGE);
 *   `expires_at` (the idle limit) never goes past it.
 * - `previous_token_hash` / `previous_token_valid_until`: the refresh token just rotated away stays
 *   usable for a few seconds (REFRESH_GRACE_SECONDS), so two tabs refreshing at once do not end the
 *   session; after that it is a replay like any older token.
 * - staff_user loses its failure counter and lock: failed logins are throttled per client and email
 *   in the rate-limit store instead (an account-wide lock let anyone keep a staff member out).
 */
export class SessionHardening1764203100000 implements MigrationInterface {
  name = 'SessionHardening1764203100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE auth_session
        ADD COLUMN absolute_expires_at timestamptz,
        ADD COLUMN previous_token_hash text,
        ADD COLUMN previous_token_valid_until timestamptz`);
    await q.query(`UPDATE auth_session SET absolute_expires_at = expires_at`);
    await q.query(`ALTER TABLE auth_session ALTER COLUMN absolute_expires_at SET NOT NULL`);
    await q.query(`ALTER TABLE auth_session ADD CONSTRAINT auth_session_idle_within_absolute CHECK (expires_at <= absolute_expires_at)`);
    await q.query(`ALTER TABLE staff_user DROP COLUMN failed_login_count, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_user ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
    await q.query(`ALTER TABLE auth_session DROP CONSTRAINT auth_session_idle_within_absolute`);
    await q.query(`ALTER TABLE auth_session DROP COLUMN absolute_expires_at, DROP COLUMN previous_token_hash, DROP COLUMN previous_token_valid_until`);
  }
}
