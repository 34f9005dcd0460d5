import { MIGRATIONS } from '@jimukyoku/migrations';
import type { DataSourceOptions } from 'typeorm';
import { GuardedClient, logConnectionError } from './guarded-pg-client';

/** Limits of the API's and worker's connections; migrations and the CLIs set none (their statements may rightly run long). */
export interface ConnectionLimits {
  /**
   * DATABASE_QUERY_TIMEOUT_MS: a statement unanswered that long — PostgreSQL hung, or the network to it dropping
   * packets with the connection still open — fails, its connection is dropped (GuardedClient) and the request is
   * answered 503; without it the request hung, holding a pooled connection, until the OS gave up on the socket
   * (minutes). TCP keep-alive finds a peer gone on an idle connection.
   */
  queryTimeoutMs?: number;
  /**
   * DATABASE_LOCK_TIMEOUT_MS: PostgreSQL's `lock_timeout`, sent when the connection starts. A statement that waits
   * that long for a lock another transaction holds (an application row while a large decision commits, a table a
   * maintenance session locked) fails with `lock_not_available` (55P03), its transaction rolls back and the request
   * is answered 503 LOCKED with Retry-After (connection-faults.ts). Without it such a request waited the whole
   * query timeout and was answered as if the database were gone. 0 sends nothing (README "Configuration": behind
   * PgBouncer, set it on the role instead).
   */
  lockTimeoutMs?: number;
}

/** The one place that says how we talk to PostgreSQL. Schema changes only through migrations/. */
export function dataSourceOptions(databaseUrl: string, poolSize = 20, limits: ConnectionLimits = {}): DataSourceOptions {
  const { queryTimeoutMs, lockTimeoutMs } = limits;
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // every client carries an 'error' listener, so a lost connection is a 503, never a crash
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}),
      ...(lockTimeoutMs ? { lock_timeout: lockTimeoutMs } : {}),
      Client: GuardedClient,
    },
    poolErrorHandler: logConnectionError,
  };
}
