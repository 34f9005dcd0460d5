import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the application's login role is a member of; its privileges are granted here, per database. */
export const APP_ROLE = 'jimukyoku_app';

/**
 * The application runs as a role that is neither a superuser nor the owner of anything: `jimukyoku_app`
 * (NOLOGIN; the login role of DATABASE_URL is made a member of it). It may read and write the tables,
 * but the audit log only SELECT and INSERT: no UPDATE, DELETE or TRUNCATE, and since it owns no table it
 * cannot disable a trigger or drop one. Migrations run as the owner (DATABASE_MIGRATION_URL), and the
 * default privileges below cover the tables and sequences of later migrations.
 *
 * Roles are cluster-wide and several databases (tests) migrate at once: creating the role tolerates
 * another session creating it first. An owner without CREATEROLE needs the role created beforehand
 * (README "Database roles").
 *
 * The one piece of DDL the application caused at runtime, the per-round 受付番号 sequence created by a
 * trigger on round insert, now runs as the function's owner (SECURITY DEFINER, fixed search_path); the
 * sequence it creates is owned by the owner and usable by the app through the default privileges.
 */
export class AppRole1764202800000 implements MigrationInterface {
  name = 'AppRole1764202800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APP_ROLE} NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- created meanwhile by a migration of another database
          END;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    // Append-only: history is read and added to, never changed. TypeORM's own bookkeeping is the owner's.
    await q.query(`REVOKE UPDATE, DELETE ON audit_log FROM ${APP_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    await q.query(`ALTER FUNCTION create_round_receipt_sequence() SECURITY DEFINER SET search_path = public, pg_temp`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION create_round_receipt_sequence() SECURITY INVOKER RESET search_path`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    // The role itself stays: it is cluster-wide and other databases may use it.
  }
}
