import { DataSource } from 'typeorm';
import { seedDemo } from '../src/testing/seeds';
import { type LoggedIn, loginEveryRole } from './auth-helpers';
import { startTestApp, type TestApp } from './harness';
import { tempStorageDir } from './intake-fixtures';
import { LIST_ROUTES, listUrl } from './list-routes';

/** ids as the lists order them: bigint serials by number, UUIDs by their bytes, codes as the API compares text. */
function compareIds(a: string | number, b: string | number): number {
  if (/^\d+$/.test(String(a)) && /^\d+$/.test(String(b))) return Number(a) - Number(b);
  const [x, y] = [String(a), String(b)];
  return /^[0-9a-f-]{36}$/.test(x) ? (x < y ? -1 : x > y ? 1 : 0) : x.localeCompare(y, 'ja');
}

/**
 * react-admin's stock data provider (ra-data-simple-rest) asks a `<List>` with no `sort` of its own,
 * and a reference list, for `sort=["id","ASC"]` (or DESC): every list answers it, in the order asked,
 * instead of refusing it as a field it cannot sort by (it did, in 18 of the 24 lists).
 */
describe('every list sorts by id, the sort react-admin sends by default', () => {
  let t: TestApp;
  let s: Record<'admin' | 'manager' | 'auditor', LoggedIn>;
  let applicationWithAttachments: string;

  beforeAll(async () => {
    t = await startTestApp({ label: 'list_default_sort', overrides: { storageDir: tempStorageDir() } });
    await seedDemo(t);
    s = await loginEveryRole(t);
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT application_id FROM attachment GROUP BY application_id HAVING count(*) >= 2 ORDER BY application_id LIMIT 1`);
    applicationWithAttachments = row.application_id;
  }, 240_000);
  afterAll(() => t?.close());

  const page = async (path: string, who: keyof typeof s, order: 'ASC' | 'DESC') => {
    const res = await t
      .http()
      .get(listUrl(path, applicationWithAttachments))
      .query({ sort: JSON.stringify(['id', order]), range: '[0,999]' })
      .set({ Authorization: `Bearer ${s[who].token}` });
    expect({ path, order, status: res.status, message: res.body.message }).toEqual({ path, order, status: 200, message: undefined });
    return (res.body as { id: string | number }[]).map((r) => r.id);
  };

  it.each(LIST_ROUTES)('%s answers sort ["id","ASC"] and ["id","DESC"] in that order', async (path, who) => {
    const ascending = await page(path, who, 'ASC');
    const descending = await page(path, who, 'DESC');
    expect(ascending).toEqual([...ascending].sort(compareIds));
    expect(descending).toEqual([...descending].sort(compareIds).reverse());
    // the same rows either way, unless the list is longer than one page
    if (ascending.length < 1000) expect(descending).toEqual([...ascending].reverse());
  });

  it('has rows to order in every list the demo fills, so the order above is checked, not vacuous', async () => {
    const counts = await Promise.all(LIST_ROUTES.map(async ([path, who]) => [path, (await page(path, who, 'ASC')).length] as const));
    expect(counts.filter(([, n]) => n < 2).map(([path]) => path)).toEqual([]);
  });
});
