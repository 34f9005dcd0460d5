import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log every later feature writes to (logins, transitions, assignments, ...).
 * Rows can be inserted and read, never changed or removed: a trigger refuses UPDATE and DELETE.
 */
export class AuditLog1764201600000 implements MigrationInterface {
  name = 'AuditLog1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id            bigserial PRIMARY KEY,
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        actor_id      uuid,
        actor_role    text,
        action        text NOT NULL,
        entity_type   text,
        entity_id     text,
        from_status   text,
        to_status     text,
        reason        text,
        changes       jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id    text,
        ip            text
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
