import { APP_ROLE } from '@jimukyoku/migrations';
import { Client } from 'pg';

export { APP_ROLE };

/** What the login role of DATABASE_URL may do, as PostgreSQL sees it. */
export interface DatabaseRoleFacts {
  user: string;
  superuser: boolean;
  /** may rewrite history: UPDATE/DELETE/TRUNCATE on audit_log or audit_chain, or owns audit_log (and so may disable its trigger) */
  canRewriteAudit: boolean;
}

const userOf = (url: string) => decodeURIComponent(new URL(url).username || process.env.PGUSER || process.env.USER || '');

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function inspectDatabaseRole(databaseUrl: string): Promise<DatabaseRoleFacts> {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ user: string; superuser: boolean; rewrite: boolean | null }>(`
      SELECT current_user AS user,
             (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
             CASE WHEN to_regclass('public.audit_log') IS NULL THEN NULL ELSE
               has_table_privilege('public.audit_log', 'UPDATE') OR has_table_privilege('public.audit_log', 'DELETE')
               OR has_table_privilege('public.audit_log', 'TRUNCATE')
               OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'public.audit_log'::regclass), 'MEMBER')
               OR (to_regclass('public.audit_chain') IS NOT NULL AND (has_table_privilege('public.audit_chain', 'UPDATE')
                   OR has_table_privilege('public.audit_chain', 'DELETE') OR has_table_privilege('public.audit_chain', 'TRUNCATE')))
             END AS rewrite`);
    return { user: rows[0].user, superuser: rows[0].superuser, canRewriteAudit: rows[0].rewrite === true };
  });
}

/** Why the role of DATABASE_URL must not run the application (in production), or null when it may. */
export function describeRoleProblem(facts: DatabaseRoleFacts): string | null {
  if (facts.superuser) {
    return `DATABASE_URL connects as "${facts.user}", a PostgreSQL superuser: it could erase the audit log. Connect as a login role that is a member of ${APP_ROLE} (README: "Database roles").`;
  }
  if (facts.canRewriteAudit) {
    return `DATABASE_URL connects as "${facts.user}", which may change or remove audit_log records (it owns the table or has UPDATE/DELETE/TRUNCATE). Use the application role, not the owner that runs migrations (README: "Database roles").`;
  }
  return null;
}

/**
 * Makes the login role of `appUrl` a member of `jimukyoku_app`, connected as the owner (`ownerUrl`). When
 * the login role is missing it is created only if `create` (development and tests; with the URL's
 * password, if any) — in production the operator creates it. Safe against concurrent callers.
 */
export async function ensureAppLogin(
  ownerUrl: string,
  appUrl: string,
  options: { create: boolean },
): Promise<'same-as-owner' | 'created' | 'granted' | 'ready'> {
  const appUser = userOf(appUrl);
  if (appUser === userOf(ownerUrl)) return 'same-as-owner';
  const password = decodeURIComponent(new URL(appUrl).password);
  return withClient(ownerUrl, async (c) => {
    const role = c.escapeIdentifier(appUser);
    const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appUser])).rowCount;
    let outcome: 'created' | 'granted' | 'ready' = 'ready';
    if (!exists) {
      if (!options.create) {
        throw new Error(
          `the login role "${appUser}" of DATABASE_URL does not exist: create it (CREATE ROLE ${role} LOGIN PASSWORD '…' IN ROLE ${APP_ROLE}; README "Database roles")`,
        );
      }
      try {
        await c.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${password ? ` PASSWORD ${c.escapeLiteral(password)}` : ''}`);
        outcome = 'created';
      } catch (e) {
        if (!['42710', '23505'].includes((e as { code?: string }).code ?? '')) throw e; // created meanwhile
      }
    }
    const member = await c.query(`SELECT pg_has_role($1, $2, 'MEMBER') AS m`, [appUser, APP_ROLE]);
    if (!member.rows[0].m) {
      try {
        await c.query(`GRANT ${APP_ROLE} TO ${role}`);
      } catch (e) {
        // Two sessions granting at once: the second sees the first's grant (or a tuple-concurrency error).
        const again = await c.query(`SELECT pg_has_role($1, $2, 'MEMBER') AS m`, [appUser, APP_ROLE]);
        if (!again.rows[0].m) throw e;
      }
      if (outcome === 'ready') outcome = 'granted';
    }
    return outcome;
  });
}
