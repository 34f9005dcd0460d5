/**
 * For the TypeORM CLI only (e.g. `npx typeorm migration:create`); the application builds its own
 * DataSource from validated config. Run after `npm run build`: `npx typeorm -d migrations/dist/data-source.js ...`.
 */
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './index';

export default new DataSource({
  type: 'postgres',
  // migrations run as the owner role, never as the application's
  url: process.env.DATABASE_MIGRATION_URL ?? 'postgres://postgres@127.0.0.1:5432/jimukyoku',
  migrations: MIGRATIONS,
  synchronize: false,
});
