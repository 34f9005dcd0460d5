import { MIGRATIONS } from '@jimukyoku/migrations';
import type { DataSourceOptions } from 'typeorm';
import { GuardedClient, logConnectionError } from './guarded-pg-client';

/** The one place that says how we talk to PostgreSQL. Schema changes only through migrations/. */
export function dataSourceOptions(databaseUrl: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // every client carries an 'error' listener, so a lost connection is a 503, never a crash
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, Client: GuardedClient },
    poolErrorHandler: logConnectionError,
  };
}
