import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { categoryByCode, closeRound, openRound } from './application-fixtures';
import { DEMO_EMAIL, login, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, uploadRequired, validPayload } from './intake-fixtures';

const APPLICATIONS = 300;
const REVIEWERS = 10;
const RETURNED = [7, 77, 177];
const INELIGIBLE = [8, 88, 188];
/** every 10th applicant plans with an advisor that two demo reviewers belong to (a conflict of interest) */
const CONFLICTED_ADVISOR = '中小企業診断協会';
const PREFECTURES = ['北海道', '宮城県', '東京都', '愛知県', '大阪府', '福岡県'];

/** Runs `work` over `items` with at most `n` in flight (the API is exercised concurrently, as in production). */
async function pool<T>(items: T[], n: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/**
 * The review issue's end-to-end: a round of 300 applications arriving through the intake API, 10
 * reviewers, automatic assignment for the 要件確認 and the 書面審査, every score sheet submitted over
 * HTTP, the simulator, a committed decision and the publication export, all against the real database.
 */
describe('a round from intake to a committed decision (300 applications, 10 reviewers)', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let reviewers: LoggedIn[];
  let round: Round;
  let categoryId: string;
  const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const ids: string[] = [];
  const reviewerOf = (id: string) => reviewers.find((r) => r.user.id === id)!;

  beforeAll(async () => {
    t = await startTestApp({ label: 'review-round' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    // five more reviewers beside the five demo ones, same password
    for (let k = 6; k <= REVIEWERS; k++) {
      await db.query(
        `INSERT INTO staff_user (email, name, role, organisation, password_hash) SELECT $1, $2, 'reviewer', $3, password_hash FROM staff_user WHERE email = $4`,
        [`reviewer${k}@jimukyoku.example.jp`, `審査員 ${k}`, `審査法人${k}`, DEMO_EMAIL.reviewer],
      );
    }
    const emails: string[] = (await db.query(`SELECT email FROM staff_user WHERE role = 'reviewer' ORDER BY email`)).map((r: { email: string }) => r.email);
    expect(emails).toHaveLength(REVIEWERS);
    reviewers = [];
    for (const email of emails) reviewers.push(await login(t, email, DEMO_PASSWORD));
    round = await openRound(t);
    categoryId = (await categoryByCode(t, round, 'restructuring.standard')).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('takes 300 applications in through the intake API', async () => {
    const channel = await createChannel(t, s.admin.token);
    await pool(
      Array.from({ length: APPLICATIONS }, (_, i) => i),
      6,
      async (i) => {
        const attachmentIds = await uploadRequired(t, channel.apiKey);
        const payload = validPayload(round, attachmentIds, {
          expenses: [{ expenseType: 'machinery', amount: 6_000_000 + ((i * 7919) % 50) * 660_000, description: '加工機' }],
          requestedAmount: undefined,
          certifiedAdvisor: { name: i % 10 === 0 ? CONFLICTED_ADVISOR : `支援機関${i % 7}`, id: `ADV${i}` },
          bonusItems: i % 4 === 0 ? ['wageIncreaseBonus'] : [],
        }) as ReturnType<typeof validPayload> & { applicant: Record<string, unknown> };
        payload.applicant = {
          ...payload.applicant,
          name: `株式会社テスト${i}`,
          prefecture: PREFECTURES[i % PREFECTURES.length],
          // a 小規模事業者 of 製造業 has at most 20 people (intake judges the declared 規模区分)
          ...(i % 3 === 0 ? { sizeClass: 'smallBusiness', employeeCount: 15 } : { sizeClass: 'sme' }),
        };
        const res = await t.http().post('/api/intake/applications').set('X-Api-Key', channel.apiKey).set('Idempotency-Key', `review-round-${i}`).send(payload);
        expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
        ids[i] = res.body.id;
      },
    );
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE round_id = $1 AND status = 'submitted'`, [round.id]);
    expect(n).toBe(APPLICATIONS);
  }, 300_000);

  it('assigns every 要件確認 and completes it item by item: 差戻し with the failed item, 要件不適合, the rest to review', async () => {
    const auto = await t.http().post(`/api/rounds/${round.id}/assignments/auto`).set(bearer(s.manager)).send({ purpose: 'formalCheck' }).expect(200);
    expect(auto.body).toMatchObject({ purpose: 'formalCheck', applications: APPLICATIONS, assigned: APPLICATIONS, unfilled: [] });
    const loads = auto.body.loads.map((l: { load: number }) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    const checkers: { application_id: string; reviewer_id: string }[] = await db.query(
      `SELECT application_id, reviewer_id FROM application_assignment WHERE purpose = 'formalCheck' AND revoked_at IS NULL`,
    );
    const checkerOf = new Map(checkers.map((c) => [c.application_id, c.reviewer_id]));
    await pool(ids, 6, async (id, i) => {
      const who = reviewerOf(checkerOf.get(id)!);
      const list = await t.http().get(`/api/applications/${id}/formal-check`).set(bearer(who)).expect(200);
      const answers = list.body.items.map((item: { code: string }) => ({ code: item.code, passed: true }));
      if (RETURNED.includes(i) || INELIGIBLE.includes(i)) {
        answers[0] = { code: 'document.businessPlan', passed: false, comment: '収支計画の表が欠落しています' };
        const outcome = RETURNED.includes(i) ? 'return' : 'ineligible';
        await t.http().post(`/api/applications/${id}/formal-check/complete`).set(bearer(who)).send({ outcome, answers }).expect(200);
      } else {
        await t
          .http()
          .put(`/api/applications/${id}/formal-check`)
          .set(bearer(who))
          .send({ answers: answers.slice(0, 2) })
          .expect(200);
        await t
          .http()
          .post(`/api/applications/${id}/formal-check/complete`)
          .set(bearer(who))
          .send({ outcome: 'pass', answers: answers.slice(2) })
          .expect(200);
      }
    });
    const states: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM application WHERE round_id = $1 GROUP BY status ORDER BY status`,
      [round.id],
    );
    expect(states).toEqual([
      { status: 'ineligible', n: INELIGIBLE.length },
      { status: 'returned', n: RETURNED.length },
      { status: 'underReview', n: APPLICATIONS - RETURNED.length - INELIGIBLE.length },
    ]);
    const [returned] = await db.query(`SELECT payload->>'reason' AS reason FROM notification WHERE application_id = $1 AND template = 'returned'`, [
      ids[RETURNED[0]],
    ]);
    expect(returned.reason).toContain('収支計画の表が欠落しています');
  }, 300_000);

  it("assigns 3 reviewers per application, balanced, never a reviewer of the applicant's 認定支援機関", async () => {
    const auto = await t.http().post(`/api/rounds/${round.id}/assignments/auto`).set(bearer(s.manager)).send({ purpose: 'review', categoryId }).expect(200);
    const inReview = APPLICATIONS - RETURNED.length - INELIGIBLE.length;
    expect(auto.body).toMatchObject({ applications: inReview, assigned: inReview * 3, unfilled: [] });
    const perApp: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE a.round_id = $1 AND x.purpose = 'review' AND x.revoked_at IS NULL GROUP BY a.id`,
      [round.id],
    );
    expect(perApp.every((r) => r.n === 3)).toBe(true);
    const conflicted = await db.query(
      `SELECT count(*)::int AS n FROM application_assignment x JOIN application a ON a.id = x.application_id JOIN staff_user u ON u.id = x.reviewer_id
        WHERE a.round_id = $1 AND x.purpose = 'review' AND u.organisation = a.certified_advisor->>'name'`,
      [round.id],
    );
    expect(conflicted[0].n).toBe(0);
    const board = await t
      .http()
      .get('/api/reviewers')
      .query({ filter: JSON.stringify({ roundId: round.id }), range: '[0,99]' })
      .set(bearer(s.manager))
      .expect(200);
    const open = board.body.map((r: { openCount: number }) => r.openCount);
    // the checkers of the returned applications keep them: the resubmission comes back to them
    expect(open.reduce((a: number, b: number) => a + b, 0)).toBe(inReview * 3 + RETURNED.length);
    expect(Math.max(...open) - Math.min(...open)).toBeLessThanOrEqual(2);
    // but a 要件確認 waiting on the applicant is not 未完了 work: the checkers' lists file it as `waiting`
    const checks = async (state: string) =>
      (
        await t
          .http()
          .get('/api/review-assignments')
          .query({ filter: JSON.stringify({ roundId: round.id, purpose: 'formalCheck', state }), range: '[0,999]' })
          .set(bearer(s.manager))
          .expect(200)
      ).body as { applicationId: string; state: string }[];
    const waiting = await checks('waiting');
    expect(waiting.map((x) => x.applicationId).sort()).toEqual(RETURNED.map((i) => ids[i]).sort());
    expect(waiting.every((x) => x.state === 'waiting')).toBe(true);
    expect((await checks('open')).filter((x) => RETURNED.some((i) => ids[i] === x.applicationId))).toEqual([]);
  });

  it('has every reviewer score their queue: drafts, then submissions; the last one completes the 書面審査', async () => {
    // strict and lenient reviewers: reviewer k shifts every score by k % 3 - 1
    await pool(reviewers, REVIEWERS, async (who, k) => {
      const queue = await t
        .http()
        .get('/api/score-sheets')
        .query({ filter: JSON.stringify({ state: 'open' }), range: '[0,999]' })
        .set(bearer(who))
        .expect(200);
      for (const [j, item] of (queue.body as { id: string; applicationId: string }[]).entries()) {
        if (j === 0) {
          // before submitting their own, the others' scores stay hidden
          await t.http().get(`/api/applications/${item.applicationId}/reviews`).set(bearer(who)).expect(403);
          await t
            .http()
            .put(`/api/score-sheets/${item.id}`)
            .set(bearer(who))
            .send({ scores: { commercialization: 3 } })
            .expect(200);
        }
        const sheet = await t.http().get(`/api/score-sheets/${item.id}`).set(bearer(who)).expect(200);
        const base = parseInt(item.applicationId.replace(/-/g, '').slice(0, 6), 16) % 4;
        const score = (x: number) => Math.max(0, Math.min(5, x + (k % 3) - 1));
        const res = await t
          .http()
          .post(`/api/score-sheets/${item.id}/submit`)
          .set(bearer(who))
          .send({
            scores: { commercialization: score(base + 1), restructuring: score(base), policy: score(2) },
            confirmedBonus: sheet.body.application.claimedBonusItems.map((b: { code: string }) => b.code),
            overallComment: '計画は具体的である',
          });
        expect(res.status).toBe(200);
      }
    });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM application WHERE round_id = $1 AND status = 'reviewed'`, [round.id]);
    expect(n).toBe(APPLICATIONS - RETURNED.length - INELIGIBLE.length);
    const [{ frozen }] = await db.query(`SELECT frozen_at IS NOT NULL AS frozen FROM review_rubric WHERE round_id = $1 AND category_id = $2`, [
      round.id,
      categoryId,
    ]);
    expect(frozen).toBe(true);
  }, 600_000);

  let budget: number;
  let fingerprint: string;
  let adoptedBySimulation: string[];

  it('simulates the adoption within a budget, and the cut-off moves with it', async () => {
    const [{ total }] = await db.query(`SELECT sum(quoted_amount)::bigint AS total FROM application WHERE round_id = $1 AND status = 'reviewed'`, [round.id]);
    budget = Math.floor(Number(total) * 0.4);
    const rank = (b: number) =>
      t.http().get(`/api/rounds/${round.id}/ranking`).query({ categoryId, budget: b, waitlistCount: 10 }).set(bearer(s.manager)).expect(200);
    const sim = (await rank(budget)).body;
    const adopted = sim.entries.filter((e: { outcome: string }) => e.outcome === 'adopted');
    expect(sim.simulation.totals.adoptedAmount).toBeLessThanOrEqual(budget);
    expect(adopted.reduce((a: number, e: { quotedAmount: number }) => a + e.quotedAmount, 0)).toBe(sim.simulation.totals.adoptedAmount);
    expect(sim.simulation.totals.waitlisted).toBe(10);
    expect(sim.simulation.stoppedBy).toBe('budget');
    // the first application below the line would not have fitted
    const firstBelow = sim.entries[adopted.length];
    expect(sim.simulation.totals.adoptedAmount + firstBelow.quotedAmount).toBeGreaterThan(budget);
    // ranks follow the final score
    for (let i = 1; i < sim.entries.length; i++) expect(sim.entries[i - 1].finalScore).toBeGreaterThanOrEqual(sim.entries[i].finalScore);
    const more = (await rank(budget * 2)).body;
    expect(more.simulation.totals.adopted).toBeGreaterThan(sim.simulation.totals.adopted);
    expect(more.simulation.cutoffScore).toBeLessThanOrEqual(sim.simulation.cutoffScore);
    fingerprint = sim.fingerprint;
    adoptedBySimulation = adopted.map((e: { applicationId: string }) => e.applicationId).sort();
  });

  it('commits 採択/補欠/不採択 as one decision, notices held until the 採択発表; a stale simulation is refused', async () => {
    await closeRound(t, round); // 300 applications in, the 応募締切 has passed
    await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(bearer(s.manager))
      .send({ categoryId, budget, waitlistCount: 10, fingerprint: 'f'.repeat(32) })
      .expect(409);
    await t.http().post(`/api/rounds/${round.id}/decisions`).set(bearer(s.reviewer)).send({ categoryId, budget, waitlistCount: 10, fingerprint }).expect(403);
    const res = await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(bearer(s.manager))
      .send({ categoryId, budget, waitlistCount: 10, fingerprint })
      .expect(201);

    const decided: { id: string; status: string; quoted_amount: string }[] = await db.query(
      `SELECT id, status, quoted_amount FROM application WHERE round_id = $1 AND status NOT IN ('returned', 'ineligible')`,
      [round.id],
    );
    expect(decided).toHaveLength(APPLICATIONS - RETURNED.length - INELIGIBLE.length);
    expect(new Set(decided.map((d) => d.status))).toEqual(new Set(['adopted', 'waitlisted', 'rejected']));
    const adopted = decided.filter((d) => d.status === 'adopted');
    const adoptedAmount = adopted.reduce((a, d) => a + Number(d.quoted_amount), 0);
    expect(adoptedAmount).toBeLessThanOrEqual(budget);
    expect(adoptedAmount).toBe(res.body.adoptedAmount);
    expect(adopted.map((d) => d.id).sort()).toEqual(adoptedBySimulation);
    expect(decided.filter((d) => d.status === 'waitlisted')).toHaveLength(10);
    const notices: { template: string; status: string; n: number }[] = await db.query(
      `SELECT n.template, n.status, count(*)::int AS n FROM notification n JOIN application a ON a.id = n.application_id
        WHERE a.round_id = $1 AND n.template IN ('adopted', 'waitlisted', 'rejected') GROUP BY 1, 2 ORDER BY 1`,
      [round.id],
    );
    expect(notices).toEqual([
      { template: 'adopted', status: 'held', n: adopted.length },
      { template: 'rejected', status: 'held', n: decided.length - adopted.length - 10 },
      { template: 'waitlisted', status: 'held', n: 10 },
    ]);
    const [audit] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'adoption.commit' AND entity_id = $1`, [res.body.id]);
    expect(audit.n).toBe(1);
  }, 300_000);

  it('exports the publication list (CSV and Excel) exactly as the database has it, and the full scoring', async () => {
    const expected: Record<string, string | null>[] = await db.query(
      `SELECT receipt_number, applicant_name, corporate_number, prefecture, plan_title, certified_advisor->>'name' AS advisor
         FROM application WHERE round_id = $1 AND status = 'adopted' ORDER BY receipt_number`,
      [round.id],
    );
    const csv = await t
      .http()
      .get(`/api/rounds/${round.id}/exports/adopted`)
      .query({ format: 'csv' })
      .set(bearer(s.manager))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const rows: string[][] = parse((csv.body as Buffer).toString('utf8'), { bom: true });
    expect(rows[0]).toEqual(['受付番号', '事業者名', '法人番号', '都道府県', '事業計画名', '認定支援機関名']);
    expect(rows.slice(1)).toEqual(expected.map((e) => [e.receipt_number, e.applicant_name, e.corporate_number, e.prefecture, e.plan_title, e.advisor]));

    const xlsx = await t
      .http()
      .get(`/api/rounds/${round.id}/exports/adopted`)
      .query({ format: 'xlsx' })
      .set(bearer(s.auditor))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(expected.length + 1);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      expected[0].receipt_number,
      expected[0].applicant_name,
      expected[0].corporate_number,
      expected[0].prefecture,
      expected[0].plan_title,
      expected[0].advisor,
    ]);

    const scores = await t.http().get(`/api/rounds/${round.id}/exports/scores`).query({ format: 'csv' }).set(bearer(s.manager)).expect(200);
    const scoreRows: string[][] = parse(scores.text, { bom: true });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM review_score s JOIN application a ON a.id = s.application_id WHERE a.round_id = $1 AND s.status = 'submitted'`,
      [round.id],
    );
    expect(scoreRows).toHaveLength(n + 1);
    expect(scoreRows[0]).toEqual(expect.arrayContaining(['受付番号', '審査員', '事業化点', '再構築点', '政策点', '合計(加重)']));
    // states and 加点項目 as a person reads them, not their codes (「reviewed」, 「wageIncreaseBonus」)
    const column = (name: string) => scoreRows.slice(1).map((r) => r[scoreRows[0].indexOf(name)]);
    expect(column('状態').every((v) => /^[^a-zA-Z]+$/.test(v))).toBe(true);
    expect(column('確認した加点項目').join('')).not.toMatch(/[a-zA-Z]/);
    expect(column('確認した加点項目').some((v) => v !== '')).toBe(true);
  });

  it('shows the round on the dashboard as the database has it: states, budget used, review progress', async () => {
    const pipeline = await t.http().get('/api/pipeline').set(bearer(s.manager)).expect(200);
    const mine = pipeline.body.find((r: { roundId: string }) => r.roundId === round.id);
    const states: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM application WHERE round_id = $1 GROUP BY status`, [
      round.id,
    ]);
    expect(Object.fromEntries(mine.states.map((x: { code: string; count: number }) => [x.code, x.count]))).toEqual(
      Object.fromEntries(states.map((x) => [x.status, x.n])),
    );
    expect(mine.states.find((x: { code: string }) => x.code === 'adopted').label).toBe('採択（交付候補者）');
    expect(mine.hasAdoption).toBe(true);
    const [{ amount }] = await db.query(`SELECT sum(quoted_amount)::bigint AS amount FROM application WHERE round_id = $1 AND status = 'adopted'`, [round.id]);
    expect(mine.categories.find((c: { categoryId: string }) => c.categoryId === categoryId).adoptedAmount).toBe(Number(amount));
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM review_score s JOIN application a ON a.id = s.application_id WHERE a.round_id = $1 AND s.status = 'submitted'`,
      [round.id],
    );
    // the returned applications' 要件確認 stays open, but they wait on the applicant: not 未完了 (adoption-safety.e2e.ts)
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM application_assignment x JOIN application a ON a.id = x.application_id
        WHERE a.round_id = $1 AND x.purpose = 'formalCheck' AND x.revoked_at IS NULL AND x.submitted_at IS NULL`,
      [round.id],
    );
    expect(open).toBe(RETURNED.length);
    expect(mine.review).toMatchObject({ sheetsSubmitted: n, sheetsOpen: 0, formalChecksOpen: 0 });
  });
});
