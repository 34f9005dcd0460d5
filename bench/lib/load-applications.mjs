#!/usr/bin/env node
/**
 * Fills a migrated database with realistic applications in bulk (set-based SQL, generate_series),
 * for the list benchmark (bench/lists.mjs) or by hand:
 *
 *   node bench/lib/load-applications.mjs --database-url postgres://postgres@127.0.0.1:5432/jimukyoku_x --n 1000000
 *
 * The applications go to the 補助金 rounds already in the database (or the ones named), each round at another
 * point of its life, as a secretariat's programme looks after a few years: the oldest decided long
 * ago (不採択 and projects through 支払), the next decided (採択, 補欠, 不採択, 交付申請), the next under
 * 書面審査 (two review assignments each among 30 reviewers), the newest open (下書き, 受付, 要件確認, 差戻し).
 * Each application has a company or sole-proprietor name, a valid 法人番号 (check digit), a 類型 of its
 * round, a prefecture (weighted like the country), size class, 従業員数, 資本金, 申請額 and expenses, and a
 * 受付 time within its round, more of them towards the 締切. received_at, created_at and updated_at follow
 * each other. The secondary indexes of `application` are dropped for the load and rebuilt after it
 * (faster than maintaining them row by row); VACUUM ANALYZE at the end, as autovacuum would.
 *
 * Same --seed, same rows (random() is seeded per round).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));

export const REVIEWERS = 30;

/** Weighted like where applications come from (Tokyo, Osaka, Aichi … first). */
const PREFECTURES = [
  ['東京都', 14],
  ['大阪府', 8],
  ['愛知県', 6],
  ['神奈川県', 6],
  ['埼玉県', 4],
  ['福岡県', 4],
  ['北海道', 4],
  ['兵庫県', 4],
  ['千葉県', 4],
  ['静岡県', 3],
  ['広島県', 2],
  ['京都府', 2],
  ['宮城県', 2],
  ['新潟県', 2],
  ['長野県', 2],
  ['岐阜県', 2],
  ['茨城県', 2],
  ['群馬県', 2],
  ['栃木県', 2],
  ['岡山県', 2],
  ['熊本県', 2],
  ['鹿児島県', 2],
  ['三重県', 1],
  ['福島県', 1],
  ['滋賀県', 1],
  ['奈良県', 1],
  ['山口県', 1],
  ['愛媛県', 1],
  ['長崎県', 1],
  ['青森県', 1],
  ['岩手県', 1],
  ['秋田県', 1],
  ['山形県', 1],
  ['富山県', 1],
  ['石川県', 1],
  ['福井県', 1],
  ['山梨県', 1],
  ['和歌山県', 1],
  ['鳥取県', 1],
  ['島根県', 1],
  ['徳島県', 1],
  ['香川県', 1],
  ['高知県', 1],
  ['佐賀県', 1],
  ['大分県', 1],
  ['宮崎県', 1],
  ['沖縄県', 1],
];
const SURNAMES = [
  '山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤', '吉田', '山本', '松本', '井上', '木村', '林', '清水', '山口',
  '森', '池田', '橋本', '阿部', '石川', '前田', '藤田', '小川', '岡田', '後藤', '長谷川', '村上', '近藤', '石井', '坂本', '遠藤', '青木', '藤井',
  '西村', '福田', '太田', '三浦', '北斗', '桜', '富士', '大和', '東海', '瀬戸内', '日の出', 'みらい', 'アサヒ', 'コスモ',
]; // prettier-ignore
const TRADES = [
  ['製作所', '製造業'], ['工業', '製造業'], ['精機', '製造業'], ['食品', '食料品製造業'], ['酒造', '食料品製造業'], ['商事', '卸売業'], ['商店', '小売業'],
  ['建設', '建設業'], ['工務店', '建設業'], ['電機', '製造業'], ['システム', '情報通信業'], ['ソフト', '情報通信業'], ['観光', '宿泊業'], ['旅館', '宿泊業'],
  ['運輸', '運輸業'], ['物流', '運輸業'], ['不動産', '不動産業'], ['印刷', '印刷業'], ['フーズ', '飲食サービス業'], ['ダイニング', '飲食サービス業'],
  ['クリニック', '医療・福祉'], ['ケアサービス', '医療・福祉'], ['デザイン', '専門サービス業'], ['農園', '農業'], ['水産', '漁業'],
]; // prettier-ignore
const FORMS = ['株式会社', '株式会社', '株式会社', '有限会社', '合同会社'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '大輔', '由美', '翔', '恵'];

/**
 * The state mix of a round at each point of its life (per mille), a workflow's codes. Index 0 is
 * the oldest round; a database with more rounds than phases repeats the oldest phase.
 */
export const PHASES = [
  {
    name: 'decided long ago, projects through 支払',
    mix: { rejected: 600, paid: 180, commercializationReported: 50, amountFixed: 30, performanceReported: 40, grantDecided: 30, withdrawn: 25, ineligible: 45 },
  },
  {
    name: 'decided and announced, 交付申請 under way',
    mix: { rejected: 620, adopted: 110, waitlisted: 30, grantApplied: 110, grantDecided: 60, withdrawn: 20, ineligible: 50 },
  },
  { name: '書面審査', mix: { underReview: 560, reviewed: 300, formalCheck: 40, returned: 30, resubmitted: 10, withdrawn: 20, ineligible: 40 } },
  { name: 'open, applications arriving', mix: { draft: 150, submitted: 450, formalCheck: 200, returned: 80, resubmitted: 70, withdrawn: 20, ineligible: 30 } },
].reverse(); // newest first: the newest round is open

const sqlText = (s) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (xs) => `ARRAY[${xs.map(sqlText).join(',')}]::text[]`;

/** A CASE picking a value by cumulative weight from u in [0, 1). */
function weighted(u, entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = entries.slice(0, -1).map(([v, w]) => {
    acc += w;
    return `WHEN ${u} < ${(acc / total).toFixed(6)} THEN ${sqlText(v)}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${sqlText(entries[entries.length - 1][0])} END`;
}

/**
 * Creates four 事業再構築 rounds (第91〜94回, on the latest restructuring.r3-sup rule set) through the API, one
 * closing 120 days after the other, the newest open for another month, for loadApplications to fill: each
 * then stands at another point of its life (PHASES). `call(method, path, body)` answers the parsed JSON
 * of a manager's request; `purpose` ends the rounds' names.
 */
export async function createLoaderRounds(call, purpose) {
  const ruleSets = await call('GET', `/api/rule-sets?filter=${encodeURIComponent(JSON.stringify({ q: 'restructuring.r3-sup' }))}`);
  const ruleSet = ruleSets.filter((r) => r.code === 'restructuring.r3-sup').sort((a, b) => b.version - a.version)[0];
  const day = 86_400_000;
  const now = Date.now();
  const ids = [];
  for (const [i, number] of [91, 92, 93, 94].entries()) {
    const closes = now + (i - 3) * 120 * day + (i === 3 ? 30 * day : 0);
    const round = await call('POST', '/api/rounds', {
      programId: ruleSet.programId,
      ruleSetId: ruleSet.id,
      number,
      name: `第${number}回公募 (${purpose})`,
      opensAt: new Date(closes - 75 * day).toISOString(),
      closesAt: new Date(closes).toISOString(),
    });
    ids.push(round.id);
  }
  return ids;
}

/**
 * Loads `n` applications spread over the rounds in `db` (a connected pg Client of the owner role);
 * `log` gets progress lines. Returns what was loaded, per round.
 */
export async function loadApplications(db, { n, roundIds, seed = 20220324, log = () => undefined }) {
  const { getWorkflow } = require('@jimukyoku/workflow');
  const rounds = (
    await db.query(
      `SELECT r.id, r.number, r.name, r.opens_at, r.closes_at, r.workflow_version, p.workflow_kind,
              (SELECT array_agg(rc.category_id ORDER BY c.code) FROM round_category rc JOIN category c ON c.id = rc.category_id WHERE rc.round_id = r.id) AS categories
         FROM round r JOIN program p ON p.id = r.program_id
        WHERE p.workflow_kind = 'subsidy' AND ($1::uuid[] IS NULL OR r.id = ANY($1::uuid[]))
        ORDER BY r.closes_at DESC`,
      [roundIds ?? null],
    )
  ).rows.filter((r) => r.categories?.length);
  if (rounds.length === 0) throw new Error('no 補助金 round with a category to load applications into');
  await db.query(`SET maintenance_work_mem = '256MB'`);
  await db.query(
    `INSERT INTO staff_user (email, name, role, organisation, password_hash)
     SELECT 'bench-reviewer' || g || '@example.jp', '審査員 ' || g, 'reviewer', '審査法人' || g, 'x' FROM generate_series(1, ${REVIEWERS}) g
     ON CONFLICT DO NOTHING`,
  );

  // secondary indexes (not the ones behind a constraint) are rebuilt after the load
  const indexes = (
    await db.query(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = 'application' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`,
    )
  ).rows;
  for (const ix of indexes) await db.query(`DROP INDEX "${ix.name}"`);
  // the dashboard's counts (migration PipelineCounts) are recounted once after the load, not per statement
  await db.query(`ALTER TABLE application DISABLE TRIGGER USER`);
  await db.query(`ALTER TABLE application_assignment DISABLE TRIGGER USER`);

  // the newest round takes a larger share (it is the one being worked on), the rest alike
  const weights = rounds.map((_, i) => (i === 0 ? 1.2 : 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const per = weights.map((w) => Math.floor((n * w) / wsum));
  per[0] += n - per.reduce((a, b) => a + b, 0);

  const loaded = [];
  let offset = 0;
  for (const [i, r] of rounds.entries()) {
    const phase = PHASES[Math.min(i, PHASES.length - 1)];
    // only the states the round's workflow version has (subsidy@2 replaced some of the post-award ones)
    const codes = new Set(getWorkflow(r.workflow_kind, r.workflow_version).states.map((s) => s.code));
    const mix = Object.entries(phase.mix).filter(([code]) => codes.has(code));
    const count = per[i];
    const t0 = Date.now();
    await db.query(`SELECT setseed($1)`, [((seed + i) % 1000) / 1000]);
    const status = weighted('u.s', mix);
    const prefecture = weighted('u.p', PREFECTURES);
    const category = `(${sqlArray(r.categories)})[1 + floor(power(u.c, 1.6) * ${r.categories.length})::int]::uuid`;
    // the open round's 締切 is ahead: its received_at runs up to now
    const end = `least(${sqlText(r.closes_at.toISOString())}::timestamptz, now())`;
    const start = `${sqlText(r.opens_at.toISOString())}::timestamptz`;
    await db.query(
      `INSERT INTO application (round_id, category_id, receipt_number, status, workflow_code, workflow_version, applicant_kind, applicant_name,
                                corporate_number, size_class, employee_count, capital, prefecture, industry, email, contact_person, plan_title,
                                expenses, quoted_amount, received_at, created_at, updated_at)
       SELECT $1, x.category_id, CASE WHEN x.status = 'draft' THEN NULL ELSE $2 || lpad(x.g::text, 7, '0') END, x.status, $3, $4,
              x.kind, x.name, x.corporate_number, x.size_class, x.employees, x.capital, x.prefecture, x.industry,
              'info' || (x.g + ${offset}) || '@example.co.jp', '担当 ' || x.surname, x.surname || x.trade || 'の新分野展開計画',
              jsonb_build_array(jsonb_build_object('type', 'equipment', 'description', '設備一式', 'amount', x.amount * 2),
                                jsonb_build_object('type', 'construction', 'description', '建物改修', 'amount', x.amount / 2)),
              x.amount, x.received_at, x.received_at - make_interval(mins => 30 + (x.g % 600)),
              least(now() - make_interval(secs => x.g % 86400), x.received_at + make_interval(hours => CASE WHEN x.status IN ('draft', 'submitted') THEN 0 ELSE 24 * (1 + x.g % 90) END))
         FROM (
           SELECT g, ${status} AS status, ${category} AS category_id, ${prefecture} AS prefecture,
                  CASE WHEN u.k < 0.88 THEN 'corporation' ELSE 'soleProprietor' END AS kind,
                  sn.surname, tr.trade, tr.industry,
                  CASE WHEN u.k < 0.88 THEN fm.form || sn.surname || tr.trade ELSE sn.surname || ' ' || (${sqlArray(GIVEN)})[1 + (g % ${GIVEN.length})] END AS name,
                  CASE WHEN u.k < 0.88 THEN cn.check_digit || cn.base END AS corporate_number,
                  CASE WHEN u.z < 0.55 THEN 'smallBusiness' WHEN u.z < 0.97 THEN 'sme' ELSE 'midsize' END AS size_class,
                  CASE WHEN u.z < 0.55 THEN 1 + floor(u.e * 20)::int ELSE 20 + floor(power(u.e, 2) * 280)::int END AS employees,
                  (1 + floor(power(u.e, 2) * 100)::bigint) * 1000000 AS capital,
                  (10 + floor(power(u.a, 2) * 990)::bigint) * 100000 AS amount,
                  ${start} + (${end} - ${start}) * (1 - power(u.t, 2.5)) AS received_at
             FROM generate_series(1, ${count}) g
             -- u: the row's draws (it names g, so it is evaluated per row, not once for all)
             CROSS JOIN LATERAL (SELECT random() AS s, random() AS c, random() AS p, random() AS k, random() AS z, random() AS e, random() AS a,
                                        random() AS t, random() AS n1, random() AS n2, g AS per_row OFFSET 0) u
             CROSS JOIN LATERAL (SELECT (${sqlArray(SURNAMES)})[1 + floor(u.n1 * ${SURNAMES.length})::int] AS surname) sn
             CROSS JOIN LATERAL (SELECT (${sqlArray(TRADES.map((t) => t[0]))})[1 + floor(u.n2 * ${TRADES.length})::int] AS trade,
                                        (${sqlArray(TRADES.map((t) => t[1]))})[1 + floor(u.n2 * ${TRADES.length})::int] AS industry) tr
             CROSS JOIN LATERAL (SELECT (${sqlArray(FORMS)})[1 + (g % ${FORMS.length})] AS form) fm
             -- 法人番号: 12 digits unique in the database, the check digit in front (9 - Σ Pn×Qn mod 9, Qn 1/2 from the right)
             CROSS JOIN LATERAL (SELECT lpad((100000000000 + (g + ${offset})::bigint * 7919 % 899999999999)::text, 12, '0') AS base OFFSET 0) b
             CROSS JOIN LATERAL (SELECT b.base, (9 - (SELECT sum(substr(b.base, 13 - k, 1)::int * (2 - k % 2)) FROM generate_series(1, 12) k) % 9)::text AS check_digit) cn
         ) x`,
      [r.id, `R${r.number}-`, r.workflow_kind, r.workflow_version],
    );
    offset += count;
    loaded.push({ round: r.name, phase: phase.name, count });
    log(`${r.name}: ${count.toLocaleString()} applications (${phase.name}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  // 書面審査: two review assignments per application under review among the reviewers; 要件確認 one each.
  // The secretariat assigns in one batch a day, as 一括割当 does (one 審査期限 for the whole batch). Only the
  // loaded rounds' applications: others in the database (a bench's own scored round) keep theirs.
  const t1 = Date.now();
  await db.query(
    `WITH rv AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM staff_user WHERE role = 'reviewer' AND email LIKE 'bench-reviewer%'),
          a AS (SELECT id, status, received_at, row_number() OVER (ORDER BY id) AS n FROM application
                 WHERE status IN ('underReview', 'reviewed', 'formalCheck') AND round_id = ANY($1::uuid[]))
     INSERT INTO application_assignment (application_id, reviewer_id, purpose, assigned_at, due_at, submitted_at)
     SELECT a.id, rv.id, CASE WHEN a.status = 'formalCheck' THEN 'formalCheck' ELSE 'review' END, date_trunc('day', a.received_at) + interval '20 days 1 hour',
            date_trunc('day', a.received_at) + interval '40 days 1 hour', CASE WHEN a.status = 'reviewed' OR (a.status = 'underReview' AND j = 0 AND a.n % 3 = 0) THEN a.received_at + interval '35 days' END
       FROM a CROSS JOIN generate_series(0, 1) j JOIN rv ON rv.k = (a.n + j * 7) % ${REVIEWERS}
      WHERE a.status <> 'formalCheck' OR j = 0`,
    [rounds.map((r) => r.id)],
  );
  log(`review and 要件確認 assignments in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  await db.query(`ALTER TABLE application ENABLE TRIGGER USER`);
  await db.query(`ALTER TABLE application_assignment ENABLE TRIGGER USER`);
  await db.query(`SELECT rebuild_pipeline_counts()`);

  const t2 = Date.now();
  for (const ix of indexes) await db.query(ix.def);
  log(`rebuilt ${indexes.length} indexes of application in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
  const t3 = Date.now();
  await db.query('VACUUM ANALYZE application');
  await db.query('VACUUM ANALYZE application_assignment');
  log(`VACUUM ANALYZE in ${((Date.now() - t3) / 1000).toFixed(1)} s`);
  return loaded;
}

// standalone: node bench/lib/load-applications.mjs --database-url … --n …
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      n: { type: 'string', default: '1000000' },
      round: { type: 'string', multiple: true },
      seed: { type: 'string', default: '20220324' },
    },
  });
  if (!values['database-url']) {
    console.error(
      'Usage: node bench/lib/load-applications.mjs --database-url postgres://postgres@127.0.0.1:5432/<db> [--n 1000000] [--round <id> …] [--seed 20220324]',
    );
    process.exit(2);
  }
  const { Client } = require('pg');
  const db = new Client({ connectionString: values['database-url'] });
  await db.connect();
  const t0 = Date.now();
  try {
    await loadApplications(db, { n: Number(values.n), roundIds: values.round, seed: Number(values.seed), log: (m) => console.log(`[load] ${m}`) });
    console.log(`[load] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
  }
}
