import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764202800000-AppRole';

/**
 * The applicant's status page (README "Status page", apps/api/src/modules/status-links):
 * - `status_link`: a link made for one application (its id is signed into the URL with STATUS_LINK_SECRET);
 *   it works until `expires_at`, or until a manager revokes it (`revoked_at`). Several per application over
 *   time: a mail after a revocation, or near the expiry, makes a new one.
 * - `status_link_use`: every opening of the page, with its outcome (`shown`, or why it was refused), the
 *   client's address and user agent. Append-only for the application's role.
 */
export class StatusLinks1764410000000 implements MigrationInterface {
  name = 'StatusLinks1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE status_link (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL,
        revoked_at     timestamptz,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX status_link_application_idx ON status_link (application_id, expires_at DESC)`);
    await q.query(`
      CREATE TABLE status_link_use (
        id          bigserial PRIMARY KEY,
        link_id     uuid REFERENCES status_link(id),
        at          timestamptz NOT NULL DEFAULT now(),
        ip          text,
        user_agent  text CHECK (user_agent IS NULL OR length(user_agent) <= 500),
        outcome     text NOT NULL CHECK (outcome IN ('shown', 'invalid', 'unknown', 'expired', 'revoked', 'rateLimited'))
      )`);
    await q.query(`CREATE INDEX status_link_use_link_idx ON status_link_use (link_id, at)`);
    await q.query(`REVOKE UPDATE, DELETE ON status_link_use FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE status_link_use`);
    await q.query(`DROP TABLE status_link`);
  }
}
