// The benchmarks run the app as production does: DATABASE_URL is a login role that is a member of
// jimukyoku_app (no superuser, audit log INSERT/SELECT only), DATABASE_MIGRATION_URL the owner.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Makes (if missing) the benchmarks' login role a member of jimukyoku_app; returns its URL of the database. */
export async function appRoleUrl(root, ownerUrl) {
  const { ensureAppLogin } = require(join(root, 'apps/api/dist/database/app-role.js'));
  const url = new URL(ownerUrl);
  url.username = process.env.BENCH_APP_DATABASE_USER ?? 'jimukyoku_bench_app';
  url.password = process.env.BENCH_APP_DATABASE_PASSWORD ?? 'jimukyoku_bench_app';
  await ensureAppLogin(ownerUrl, url.toString(), { create: true });
  return url.toString();
}
