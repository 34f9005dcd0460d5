import { PREFECTURES, prefectureOrder } from '@jimukyoku/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { sortableFields } from '../src/common/list-query';
import { APPLICATION_LIST, type APPLICATION_SORTABLE } from '../src/modules/applications/application-list-spec';
import { categoryByCode, openRound } from './application-fixtures';
import { loginEveryRole, seedStaff, type LoggedIn } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { ownerUrlOf } from './test-run';

/** the list counts exactly up to this many rows here (LIST_EXACT_COUNT_LIMIT), so a few hundred rows are "many" */
const EXACT_LIMIT = 40;
/** past the repository's DEEP_OFFSET (500), so the deepest pages are found by their ids first */
const ROWS = 700;

/** every field the list sorts by (sortableFields: its own and `id`) and its column */
const COLUMN: Record<(typeof APPLICATION_SORTABLE)[number] | 'id', string> = {
  id: 'id',
  receiptNumber: 'receipt_number',
  applicantName: 'applicant_name',
  status: 'application_state_order(workflow_code, workflow_version, status)',
  prefecture: 'prefecture_order',
  quotedAmount: 'quoted_amount',
  receivedAt: 'received_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/**
 * The application list beyond its exact-count limit (bench/README.md "lists"): the total is counted up to
 * LIST_EXACT_COUNT_LIMIT and estimated beyond (X-Total-Count-Estimated), and a page found through the
 * index (the many-rows way, deep pages included) holds the same rows in the same order as plain
 * OFFSET paging of the same ORDER BY — NULLs (drafts) last both ways, ties broken by id.
 */
describe('the application list past its exact-count limit', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let roundId: string;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const list = (query: { sort?: unknown; range?: unknown; filter?: unknown }) =>
    t
      .http()
      .get('/api/applications')
      .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
      .set(as(s.manager))
      .expect(200);
  const totalOf = (res: { headers: Record<string, string> }) => Number(res.headers['content-range'].split('/')[1]);

  beforeAll(async () => {
    t = await startTestApp({ label: 'app_list_scale', overrides: { listExactCountLimit: EXACT_LIMIT } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    const round = await openRound(t);
    roundId = round.id;
    const category = await categoryByCode(t, round, 'restructuring.standard');
    // ROWS applications with ties on every sort column, and drafts without 受付番号 or 受付日時 (NULLs)
    await db.query(
      `INSERT INTO application (round_id, category_id, receipt_number, status, workflow_code, workflow_version, applicant_kind, applicant_name,
                                corporate_number, size_class, employee_count, prefecture, email, quoted_amount, received_at, created_at, updated_at)
       SELECT $1, $2, CASE WHEN g % 7 = 0 THEN NULL ELSE 'L' || lpad((g % 250)::text, 5, '0') || '-' || g END,
              CASE WHEN g % 7 = 0 THEN 'draft' WHEN g % 3 = 0 THEN 'formalCheck' ELSE 'submitted' END, 'subsidy', 1, 'corporation',
              '株式会社一覧' || (g % 40), lpad((1000000000000 + g)::text, 13, '0'), 'sme', 10,
              (ARRAY['東京都', '大阪府', '高知県'])[1 + g % 3], 'list' || g || '@example.jp', 1000000 * (g % 12),
              CASE WHEN g % 7 = 0 THEN NULL ELSE timestamptz '2026-01-01 09:00+09' + make_interval(hours => g % 90) END,
              timestamptz '2026-01-01 08:00+09' + make_interval(hours => g % 60), timestamptz '2026-02-01 08:00+09' + make_interval(hours => g % 50)
         FROM generate_series(1, ${ROWS}) g`,
      [roundId, category.id],
    );
    // the statistics autovacuum would gather (ANALYZE is the table owner's, not the app role's)
    const owner = new Client({ connectionString: ownerUrlOf(t.config.databaseUrl) });
    await owner.connect();
    await owner.query('ANALYZE application').finally(() => owner.end());
  });
  afterAll(() => t?.close());

  it('counts a small result exactly (X-Total-Count-Estimated: false)', async () => {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE prefecture = '高知県' AND status = 'draft'`);
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThanOrEqual(EXACT_LIMIT);
    const res = await list({ filter: { prefecture: '高知県', status: 'draft' }, range: [0, 4] });
    expect(res.headers['x-total-count-estimated']).toBe('false');
    expect(res.headers['content-range']).toBe(`applications 0-4/${n}`);
  });

  it('estimates a total beyond LIST_EXACT_COUNT_LIMIT and says so (X-Total-Count-Estimated: true)', async () => {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application`);
    const res = await list({ range: [0, 24] });
    expect(res.body).toHaveLength(25);
    expect(res.headers['x-total-count-estimated']).toBe('true');
    const total = totalOf(res);
    expect(total).toBeGreaterThan(EXACT_LIMIT);
    // the planner's estimate after ANALYZE: near the real count, not the count itself by construction
    expect(Math.abs(total - n)).toBeLessThanOrEqual(n * 0.2);
    // a filter's estimate too
    const tokyo = await list({ filter: { prefecture: '東京都' }, range: [0, 9] });
    expect(tokyo.headers['x-total-count-estimated']).toBe('true');
    expect(Math.abs(totalOf(tokyo) - ROWS / 3)).toBeLessThanOrEqual(ROWS * 0.1);
  });

  it('answers the exact total on the page that ends the list, however large', async () => {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application`);
    const res = await list({ range: [n - 10, n + 14] });
    expect(res.body).toHaveLength(10);
    expect(res.headers['x-total-count-estimated']).toBe('false');
    expect(res.headers['content-range']).toBe(`applications ${n - 10}-${n - 1}/${n}`);
  });

  it.each(sortableFields(APPLICATION_LIST).flatMap((field) => (['ASC', 'DESC'] as const).map((order) => [field as keyof typeof COLUMN, order] as const)))(
    'pages by %s %s through the index exactly as OFFSET paging orders the rows, deep pages included',
    async (field, order) => {
      const column = COLUMN[field];
      const expected: string[] = (await db.query(`SELECT id FROM application ORDER BY ${column} ${order} NULLS LAST, id ${order}`)).map(
        (r: { id: string }) => r.id,
      );
      const seen: string[] = [];
      for (let start = 0; start < expected.length; start += 100) {
        const page = await list({ sort: [field, order], range: [start, start + 99] });
        seen.push(...page.body.map((a: { id: string }) => a.id));
      }
      expect(seen).toEqual(expected);
      // and a small filtered result (the filter's rows first, sorted after) in the same order
      const few: string[] = (
        await db.query(`SELECT id FROM application WHERE prefecture = '高知県' AND status = 'draft' ORDER BY ${column} ${order} NULLS LAST, id ${order}`)
      ).map((r: { id: string }) => r.id);
      expect(few.length).toBeLessThanOrEqual(EXACT_LIMIT);
      const filtered = await list({ sort: [field, order], range: [0, 99], filter: { prefecture: '高知県', status: 'draft' } });
      expect(filtered.body.map((a: { id: string }) => a.id)).toEqual(few);
    },
  );

  it.each([
    ['a round', () => ({ roundId }), `round_id = $1`],
    ['one status', () => ({ status: 'submitted' }), `status = 'submitted' AND $1::uuid IS NOT NULL`],
  ])('pages %s in the admin order (受付日時 newest first, its own index) as OFFSET paging does', async (_, filter, where) => {
    const expected: string[] = (await db.query(`SELECT id FROM application WHERE ${where} ORDER BY received_at DESC NULLS LAST, id DESC`, [roundId])).map(
      (r: { id: string }) => r.id,
    );
    expect(expected.length).toBeGreaterThan(EXACT_LIMIT);
    const seen: string[] = [];
    for (let start = 0; start < expected.length; start += 100) {
      const page = await list({ sort: ['receivedAt', 'DESC'], range: [start, start + 99], filter: filter() });
      seen.push(...page.body.map((a: { id: string }) => a.id));
    }
    expect(seen).toEqual(expected);
  });

  it('still selects a bulk operation by filter beyond LIST_EXACT_COUNT_LIMIT, counting it exactly', async () => {
    const filter = { roundId, status: 'submitted', prefecture: '大阪府' };
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE round_id = $1 AND status = 'submitted' AND prefecture = '大阪府'`, [
      roundId,
    ]);
    expect(n).toBeGreaterThan(EXACT_LIMIT);
    const res = await t.http().post('/api/applications/bulk-transitions').set(as(s.manager)).send({ filter, transition: 'startFormalCheck' }).expect(200);
    expect(res.body.total).toBe(n);
  });

  it('sorts 状態 in the workflow’s order (下書き, 受付, 形式チェック), not by code', async () => {
    const runs = async (order: 'ASC' | 'DESC') => {
      const seen: string[] = [];
      for (let start = 0; start < ROWS; start += 100)
        seen.push(...(await list({ sort: ['status', order], range: [start, start + 99] })).body.map((a: { status: string }) => a.status));
      return seen.filter((p, i) => p !== seen[i - 1]);
    };
    expect(await runs('ASC')).toEqual(['draft', 'submitted', 'formalCheck']);
    expect(await runs('DESC')).toEqual(['formalCheck', 'submitted', 'draft']);
  });

  it('sorts 都道府県 by their JIS code (北海道 … 沖縄県), as PostgreSQL stores it for each of the 47 names', async () => {
    for (const order of ['ASC', 'DESC'] as const) {
      const seen: string[] = [];
      for (let start = 0; start < ROWS; start += 100)
        seen.push(...(await list({ sort: ['prefecture', order], range: [start, start + 99] })).body.map((a: { prefecture: string }) => a.prefecture));
      const runs = seen.filter((p, i) => p !== seen[i - 1]);
      expect(runs).toEqual(order === 'ASC' ? ['東京都', '大阪府', '高知県'] : ['高知県', '大阪府', '東京都']); // not 大阪府 first by character code
    }
    // the stored code is libs/domain's prefectureOrder for each name, and an unknown name sorts last
    const names = [...PREFECTURES, '東京'];
    const qr = db.createQueryRunner();
    await qr.startTransaction();
    try {
      const stored: { prefecture: string; prefecture_order: number }[] = await qr.query(
        `INSERT INTO application (round_id, category_id, status, workflow_code, workflow_version, applicant_kind, applicant_name, size_class,
                                  employee_count, prefecture, email)
         SELECT $1, category_id, 'draft', 'subsidy', 1, 'corporation', '都道府県順', 'sme', 1, p, 'order@example.jp'
           FROM unnest($2::text[]) p, (SELECT category_id FROM application LIMIT 1) c
         RETURNING prefecture, prefecture_order`,
        [roundId, names],
      );
      expect(stored.map((r) => [r.prefecture, r.prefecture_order])).toEqual(names.map((p) => [p, prefectureOrder(p)]));
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });

  it('documents X-Total-Count-Estimated on GET /api/applications in OpenAPI', async () => {
    const docs = await t.http().get('/api/docs-json').expect(200);
    const headers = docs.body.paths['/api/applications'].get.responses['200'].headers;
    expect(Object.keys(headers)).toEqual(expect.arrayContaining(['Content-Range', 'X-Total-Count-Estimated']));
  });
});
