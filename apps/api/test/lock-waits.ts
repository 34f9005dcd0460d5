import type { DataSource } from 'typeorm';

/**
 * For the tests that force an interleaving (a second connection holds a row while a request arrives): how many of
 * the test database's backends are waiting for a lock, and a wait until a condition holds (at most 5 s).
 */
export const waitingOnLock = async (db: DataSource): Promise<number> =>
  (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n;

export async function until(done: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
}
