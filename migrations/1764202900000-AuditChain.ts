import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764202800000-AppRole';

/**
 * A hash chain over the audit log, so an edit or a removal made by someone who can bypass the
 * append-only trigger (a superuser, the owner) is found by `npm run audit:verify`.
 *
 * Writers never wait on each other: inserting an audit record only adds its id to `audit_seal_queue`
 * (a trigger, same transaction). The worker's sealer (one at a time, advisory lock) appends the queued
 * records it can see — committed ones, so the chain follows commit order — to `audit_chain`:
 * seq, the record's id, its time and action (to name it should it disappear), the previous hash and
 * sha256(previous hash + canonical text of the record). The canonical text is built from PostgreSQL's
 * text forms (UTC timestamps, jsonb text), so it survives pg_dump/restore.
 *
 * The application role may INSERT and SELECT the chain, never change it, and drains the queue.
 */
export class AuditChain1764202900000 implements MigrationInterface {
  name = 'AuditChain1764202900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_chain (
        seq          bigint PRIMARY KEY CHECK (seq > 0),
        audit_id     bigint NOT NULL UNIQUE,
        occurred_at  timestamptz NOT NULL,
        action       text NOT NULL,
        prev_hash    text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash         text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        sealed_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE TABLE audit_seal_queue (audit_id bigint PRIMARY KEY)`);
    await q.query(`
      CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    await q.query(`CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
    await q.query(`CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await q.query(`
      CREATE FUNCTION audit_log_enqueue_seal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_seal_queue (audit_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_seal_queue AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_enqueue_seal()`);
    await q.query(`INSERT INTO audit_seal_queue (audit_id) SELECT id FROM audit_log`);
    // Default privileges gave the app full DML on the new tables; the chain is append-only for it.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_chain FROM ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON audit_chain TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON audit_seal_queue TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_log_seal_queue ON audit_log`);
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_enqueue_seal()`);
    await q.query(`DROP TABLE audit_seal_queue`);
    await q.query(`DROP TABLE audit_chain`);
    await q.query(`DROP FUNCTION refuse_history_rewrite()`);
  }
}
