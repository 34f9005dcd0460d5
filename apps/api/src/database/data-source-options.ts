import { MIGRATIONS } from '@jimukyoku/migrations';
import type { DataSourceOptions } from 'typeorm';

/** The one place that says how we talk to PostgreSQL. Schema changes only through migrations/. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
  };
}
