import { MIGRATIONS } from '@jimukyoku/migrations';
import type { DataSourceOptions } from 'typeorm';
import { GuardedClient, logConnectionError } from './guarded-pg-client';

/**
 * The one place that says how we talk to PostgreSQL. Schema changes only through migrations/.
 * `queryTimeoutMs` (the API's and worker's DATABASE_QUERY_TIMEOUT_MS; none for migrations and the CLIs, whose
 * statements may rightly run long): a statement unanswered that long — PostgreSQL hung, or the network to it
 * dropping packets with the connection still open — fails, its connection is dropped (GuardedClient) and the
 * request is answered 503; without it the request hung, holding a pooled connection, until the OS gave up on
 * the socket (minutes). TCP keep-alive finds a peer gone on an idle connection.
 */
export function dataSourceOptions(databaseUrl: string, poolSize = 20, queryTimeoutMs?: number): DataSourceOptions {
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
      Client: GuardedClient,
    },
    poolErrorHandler: logConnectionError,
  };
}
