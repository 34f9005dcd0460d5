import type { DataSource } from 'typeorm';

const AUDIT_FAMILY = /^audit_/;
/** Tables that legitimately change while serving refused requests: sessions (last use). */
const NOT_BUSINESS = new Set(['auth_session', 'migrations']);

/**
 * What a refused request must not change: per table, its row count and (business tables) a checksum
 * of every row. audit_log (a 403 adds its `access.refused` record) and the tables in NOT_BUSINESS are
 * only counted; the chain's own tables (audit_chain, audit_seal_queue) are left out.
 */
export async function storageSnapshot(db: DataSource): Promise<Map<string, string>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out = new Map<string, string>();
  for (const { name } of tables) {
    if (AUDIT_FAMILY.test(name) && name !== 'audit_log') continue;
    const business = !NOT_BUSINESS.has(name) && name !== 'audit_log';
    const [row] = await db.query(
      business
        ? `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS sum FROM "${name}" t`
        : `SELECT count(*)::int AS n, '' AS sum FROM "${name}"`,
    );
    out.set(name, `${row.n}:${row.sum}`);
  }
  return out;
}
