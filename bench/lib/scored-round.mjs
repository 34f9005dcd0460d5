// The scored round as the review module leaves it, written in bulk SQL instead of through the scoring API:
// `n` applications of one round × category in 審査完了 (`reviewed`), each with three submitted score sheets
// of 30 reviewers on the 事業再構築 rubric's three criteria (weights 4/4/2), a quarter claiming the
// wage-increase bonus. The decision and simulator benches measure what comes after scoring on it.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));

export const REVIEWERS = 30;

/** Writes the reviewers, the applications, their assignments and score sheets, and freezes the rubric; then ANALYZE. */
export async function loadScoredRound(db, { n, roundId, rubric }) {
  // the demo's sample of 都道府県, from the built API (read when called: a bench says first when the build is missing)
  const { PREFECTURES } = require(join(ROOT, 'apps/api/dist/seed/demo/demo-random.js'));
  await db.query(
    `INSERT INTO staff_user (email, name, role, organisation, password_hash)
     SELECT 'bench-reviewer' || g || '@example.jp', '審査員 ' || g, 'reviewer', '審査法人' || g, 'x' FROM generate_series(1, ${REVIEWERS}) g`,
  );
  await db.query(
    `INSERT INTO application (round_id, category_id, receipt_number, status, workflow_code, workflow_version, applicant_kind, applicant_name,
                              size_class, employee_count, prefecture, email, quoted_amount, received_at, claimed_bonus_items)
     SELECT $1, $2, 'B' || lpad(g::text, 6, '0'), 'reviewed', 'subsidy', 1, 'corporation', '株式会社ベンチ' || g,
            (ARRAY['smallBusiness', 'sme'])[1 + g % 2], 10 + g % 90, ($3::text[])[1 + g % ${PREFECTURES.length}], 'bench' || g || '@example.jp',
            5000000 + (g * 7919 % 50) * 500000, now() - make_interval(secs => g), CASE WHEN g % 4 = 0 THEN '["wageIncreaseBonus"]'::jsonb ELSE '[]'::jsonb END
       FROM generate_series(1, $4::int) g`,
    [roundId, rubric.categoryId, PREFECTURES, n],
  );
  await db.query(
    `WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM staff_user WHERE role = 'reviewer'),
          a AS (SELECT id, row_number() OVER (ORDER BY receipt_number) AS n FROM application WHERE round_id = $1)
     INSERT INTO application_assignment (application_id, reviewer_id, purpose, submitted_at)
     SELECT a.id, r.id, 'review', now() FROM a CROSS JOIN generate_series(0, 2) j JOIN r ON r.k = (a.n + j * 7) % ${REVIEWERS}`,
    [roundId],
  );
  await db.query(
    `INSERT INTO review_score (assignment_id, application_id, reviewer_id, rubric_id, scores, confirmed_bonus, total, status, submitted_at)
     SELECT x.id, x.application_id, x.reviewer_id, $2, jsonb_build_object('commercialization', s.c1, 'restructuring', s.c2, 'policy', s.c3),
            CASE WHEN a.claimed_bonus_items <> '[]'::jsonb THEN a.claimed_bonus_items ELSE '[]'::jsonb END, s.c1 * 4 + s.c2 * 4 + s.c3 * 2, 'submitted', now()
       FROM application_assignment x JOIN application a ON a.id = x.application_id
      CROSS JOIN LATERAL (SELECT floor(random() * 6)::int AS c1, floor(random() * 6)::int AS c2, floor(random() * 6)::int AS c3 OFFSET 0) s
      WHERE a.round_id = $1`,
    [roundId, rubric.id],
  );
  await db.query(`UPDATE review_rubric SET frozen_at = now() WHERE id = $1`, [rubric.id]);
  await db.query('ANALYZE');
}
