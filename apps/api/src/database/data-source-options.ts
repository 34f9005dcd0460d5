import { MIGRATIONS } from '@jimukyoku/migrations';
import type { DataSourceOptions } from 'typeorm';

/** The one place that says how we talk to PostgreSQL. Schema changes only through migrations/. */
export function dataSourceOptions(databaseUrl: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, connectionTimeoutMillis: 5_000 },
  };
}
