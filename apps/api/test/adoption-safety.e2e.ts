import { DataSource } from 'typeorm';
import { formatJst } from '@jimukyoku/domain';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, categoryByCode, closeRound, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/** 20,000,000円: the fixture's draft (30,000,000円 of machinery at 2/3) */
const AMOUNT = 20_000_000;

/**
 * Decisions that are hard to get wrong: a single 採択 outside a committed decision waits for the 応募締切
 * and stays within the 類型's 予算 unless a manager gives a reason (audited); a committed decision is the
 * manager's confirmed line; the simulator's answer carries what its warnings need; the dashboard's
 * 要件確認 未完了 leaves out what waits on the applicant or is over.
 */
describe('adoption safety', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });
  const fire = (who: keyof typeof s, id: string, name: string, body: object = {}) =>
    t.http().post(`/api/applications/${id}/transitions/${name}`).set(as(who)).send(body);
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const auditOf = (id: string, action: string) =>
    db.query(`SELECT reason, changes FROM audit_log WHERE entity_type = 'application' AND entity_id = $1 AND action = $2`, [id, action]);

  /** `n` submitted applications of the round's 事業再構築 通常枠 (20,000,000円 each), put in `status`. */
  async function applications(round: Round, n: number, status?: string): Promise<string[]> {
    const category = await categoryByCode(t, round, 'restructuring.standard');
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const app = await createDraft(t, draftInput(round, category));
      await asIntake(t, app.id, 'submit');
      if (status) await db.query(`UPDATE application SET status = $2 WHERE id = $1`, [app.id, status]);
      ids.push(app.id);
    }
    return ids;
  }
  const setBudget = async (round: Round, budget: number) =>
    db.query(
      `UPDATE round_category SET budget = $2 WHERE round_id = $1 AND category_id = (SELECT id FROM category WHERE rule_set_id = $3 AND code = 'restructuring.standard')`,
      [round.id, budget, round.ruleSetId],
    );

  beforeAll(async () => {
    t = await startTestApp({ label: 'adoption_safety' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
  });
  afterAll(() => t?.close());

  describe('a single 採択', () => {
    let round: Round;
    let ids: string[];

    beforeAll(async () => {
      round = await openRound(t);
      await setBudget(round, 50_000_000);
      ids = await applications(round, 3, 'reviewed');
    });

    it('shows the budget effect and asks for a reason while the round still takes applications', async () => {
      const shown = (await t.http().get(`/api/applications/${ids[0]}`).set(as('manager')).expect(200)).body;
      expect(shown.budgetEffect).toEqual({ budget: 50_000_000, adoptedAmount: 0, amount: AMOUNT });
      const adopt = shown.transitions.find((x: { name: string }) => x.name === 'adopt');
      expect(adopt).toMatchObject({ requiresReason: true });
      expect(adopt.overrideReasons.join('')).toContain('受付中');
      // 不採択 and 補欠 need no override
      expect(shown.transitions.find((x: { name: string }) => x.name === 'waitlist')).toMatchObject({ requiresReason: false, overrideReasons: [] });
    });

    it('refuses it before the 応募締切 without a reason (422), changing nothing', async () => {
      const refused = await fire('manager', ids[0], 'adopt').expect(422);
      expect(refused.body).toMatchObject({ statusCode: 422, code: 'OVERRIDE_REASON_REQUIRED' });
      expect(refused.body.message).toContain('公募回はまだ受付中です');
      expect(refused.body.message).toContain('理由を入力');
      const blank = await fire('manager', ids[0], 'adopt', { reason: '   ' }).expect(422);
      expect(blank.body.code).toBe('OVERRIDE_REASON_REQUIRED');
      expect(await statusOf(ids[0])).toBe('reviewed');
      expect(await auditOf(ids[0], 'application.adopt')).toHaveLength(0);
    });

    it('lets a manager adopt before the 応募締切 with a reason, audited with what it overrode', async () => {
      await fire('manager', ids[0], 'adopt', { reason: '事業開始が急がれるため先行して採択' }).expect(200);
      const [audit] = await auditOf(ids[0], 'application.adopt');
      expect(audit.reason).toBe('事業開始が急がれるため先行して採択');
      expect(audit.changes.overridden).toEqual([expect.objectContaining({ guard: 'afterRoundDeadline', code: 'ROUND_STILL_OPEN' })]);
    });

    it('after the 応募締切 adopts within the 予算 without a reason, and refuses beyond it unless a reason is given', async () => {
      await closeRound(t, round);
      const within = await fire('manager', ids[1], 'adopt').expect(200);
      expect(within.body.application.status).toBe('adopted');
      expect((await auditOf(ids[1], 'application.adopt'))[0].changes.overridden).toBeUndefined();

      const shown = (await t.http().get(`/api/applications/${ids[2]}`).set(as('manager')).expect(200)).body;
      expect(shown.budgetEffect).toEqual({ budget: 50_000_000, adoptedAmount: 40_000_000, amount: AMOUNT });
      const over = await fire('manager', ids[2], 'adopt').expect(422);
      expect(over.body.code).toBe('OVERRIDE_REASON_REQUIRED');
      expect(over.body.message).toContain('類型の予算を超えます（予算 50,000,000円、採択済 40,000,000円、この申請 20,000,000円、超過 10,000,000円）');
      expect(await statusOf(ids[2])).toBe('reviewed');

      await fire('manager', ids[2], 'adopt', { reason: '予算の追加配分が決定済み' }).expect(200);
      const [audit] = await auditOf(ids[2], 'application.adopt');
      expect(audit.reason).toBe('予算の追加配分が決定済み');
      expect(audit.changes.overridden).toEqual([expect.objectContaining({ guard: 'withinBudget', code: 'OVER_BUDGET' })]);
    });
  });

  describe('several 採択 at once', () => {
    it('three 繰上げ at once take the one slot left once; the others are refused, and the 採択枠 and 予算 hold', async () => {
      const round = await openRound(t);
      await setBudget(round, 3 * AMOUNT);
      await db.query(
        `UPDATE round_category SET adoption_quota = 3 WHERE round_id = $1 AND category_id = (SELECT id FROM category WHERE rule_set_id = $2 AND code = 'restructuring.standard')`,
        [round.id, round.ruleSetId],
      );
      await applications(round, 2, 'adopted');
      const waitlisted = await applications(round, 3, 'waitlisted');
      await closeRound(t, round);
      const answers = await Promise.all(waitlisted.map((id) => fire('manager', id, 'promoteFromWaitlist', { reason: '辞退が出たため' })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422]);
      for (const refused of answers.filter((a) => a.status === 422))
        expect(refused.body.guardFailures).toContainEqual(expect.objectContaining({ guard: 'slotAvailable' }));
      const [held] = await db.query(
        `SELECT count(*)::int AS n, sum(quoted_amount)::float8 AS amount FROM application WHERE round_id = $1 AND status = 'adopted'`,
        [round.id],
      );
      expect(held).toEqual({ n: 3, amount: 3 * AMOUNT });
    });
  });

  describe('a committed decision and the simulator', () => {
    it('answers the 類型 budget and the applications still before the decision, and commits beyond the budget without a reason', async () => {
      const round = await openRound(t);
      await setBudget(round, 30_000_000);
      const reviewed = await applications(round, 3, 'reviewed');
      await applications(round, 1); // 申請済: waiting for its 要件確認
      await applications(round, 1, 'formalCheck');
      await applications(round, 2, 'underReview');
      await applications(round, 1, 'returned'); // waits on the applicant: not counted
      const categoryId = (await categoryByCode(t, round, 'restructuring.standard')).id;
      const ranking = (await t.http().get(`/api/rounds/${round.id}/ranking?categoryId=${categoryId}&budget=100000000`).set(as('manager')).expect(200)).body;
      expect(ranking.standing).toEqual({ categoryBudget: 30_000_000, adopted: 0, adoptedAmount: 0, inFormalCheck: 2, inReview: 2 });
      expect(ranking.simulation.totals).toMatchObject({ adopted: 3, adoptedAmount: 60_000_000 });
      expect(ranking.committed).toBeNull();

      // a body's limit is a number or null: an emptied field ("") or a number as text is not "no limit"
      for (const budget of ['', '100000000', 'null']) {
        const refused = await t
          .http()
          .post(`/api/rounds/${round.id}/decisions`)
          .set(as('manager'))
          .send({ categoryId, budget, fingerprint: ranking.fingerprint });
        expect([refused.status, refused.body.message]).toEqual([
          400,
          '入力内容に誤りがあります: budget (予算) は1兆円までの0以上の整数 (円) で指定してください',
        ]);
      }
      const quotaText = await t
        .http()
        .post(`/api/rounds/${round.id}/decisions`)
        .set(as('manager'))
        .send({ categoryId, quota: '', fingerprint: ranking.fingerprint });
      expect(quotaText.status).toBe(400);
      for (const id of reviewed) expect(await statusOf(id)).toBe('reviewed');

      // while the round still takes applications the ranking is not complete: the decision waits for the 応募締切
      const early = await t
        .http()
        .post(`/api/rounds/${round.id}/decisions`)
        .set(as('manager'))
        .send({ categoryId, budget: 100_000_000, fingerprint: ranking.fingerprint })
        .expect(422);
      expect(early.body).toMatchObject({ code: 'ROUND_STILL_OPEN', closesAt: round.closesAt.toISOString() });
      expect(early.body.message).toBe(`公募回はまだ申請を受け付けています (応募締切 ${formatJst(round.closesAt)})。締切の後に確定してください。`);
      for (const id of reviewed) expect(await statusOf(id)).toBe('reviewed');
      expect((await t.http().get(`/api/rounds/${round.id}/decisions`).set(as('auditor')).expect(200)).body).toHaveLength(0);

      // after it, 60,000,000円 > 30,000,000円: the committed line is the manager's, no reason asked
      await closeRound(t, round);
      await t
        .http()
        .post(`/api/rounds/${round.id}/decisions`)
        .set(as('manager'))
        .send({ categoryId, budget: 100_000_000, fingerprint: ranking.fingerprint })
        .expect(201);
      for (const id of reviewed) expect(await statusOf(id)).toBe('adopted');

      const after = (await t.http().get(`/api/rounds/${round.id}/ranking?categoryId=${categoryId}`).set(as('auditor')).expect(200)).body;
      expect(after.entryCount).toBe(0);
      expect(after.standing).toMatchObject({ adopted: 3, adoptedAmount: 60_000_000 });
      expect(after.committed.decision).toMatchObject({ budget: 100_000_000, adoptedCount: 3, adoptedAmount: 60_000_000 });
      expect(after.committed.entries).toHaveLength(3);
      expect(after.committed.entries[0]).toMatchObject({ rank: 1, outcome: 'adopted', quotedAmount: AMOUNT, applicantName: '株式会社テスト製作所' });
      expect(after.committed.entries.map((e: { applicationId: string }) => e.applicationId).sort()).toEqual([...reviewed].sort());
      expect(after.committed.chart.finalScores).toHaveLength(3);
      // each as it was ranked: the final score with its 審査点 and 加点
      type Scored = { applicationId: string; finalScore: number; mean: number | null; bonus: number | null };
      const scores = (entries: Scored[]) => entries.map((e) => [e.applicationId, e.finalScore, e.mean, e.bonus]).sort();
      expect(scores(after.committed.entries)).toEqual(scores(ranking.entries));
      // the history of a round that does not exist is not an empty one
      expect((await t.http().get(`/api/rounds/${round.id}/decisions`).set(as('auditor')).expect(200)).body).toHaveLength(1);
      const unknown = await t.http().get('/api/rounds/00000000-0000-4000-8000-000000000000/decisions').set(as('auditor')).expect(404);
      expect(unknown.body).toMatchObject({ code: 'ROUND_NOT_FOUND', message: '指定された公募回はありません。' });
    });
  });

  describe('a decision after a single 採択', () => {
    it('shares what the single 採択 left of the 予算 and 採択枠, as the simulator showed', async () => {
      const round = await openRound(t);
      await setBudget(round, 50_000_000);
      const [single, ...ranked] = await applications(round, 4, 'reviewed');
      await closeRound(t, round);
      await fire('manager', single, 'adopt').expect(200);
      const categoryId = (await categoryByCode(t, round, 'restructuring.standard')).id;
      const ranking = (await t.http().get(`/api/rounds/${round.id}/ranking?categoryId=${categoryId}`).set(as('manager')).expect(200)).body;
      // 50,000,000円 less the single 採択's 20,000,000円 takes one more of 20,000,000円, not two
      expect(ranking.standing).toMatchObject({ adopted: 1, adoptedAmount: AMOUNT });
      expect(ranking.simulation.totals).toMatchObject({ applied: 3, adopted: 1, adoptedAmount: AMOUNT, remainingBudget: 10_000_000 });
      await t.http().post(`/api/rounds/${round.id}/decisions`).set(as('manager')).send({ categoryId, fingerprint: ranking.fingerprint }).expect(201);
      expect((await Promise.all(ranked.map(statusOf))).filter((s) => s === 'adopted')).toHaveLength(1);
      const after = (await t.http().get(`/api/rounds/${round.id}/ranking?categoryId=${categoryId}`).set(as('auditor')).expect(200)).body;
      expect(after.standing).toMatchObject({ adopted: 2, adoptedAmount: 2 * AMOUNT });

      // a 採択枠 of 2 with one held leaves one
      const quotaRound = await openRound(t);
      const [first, ...rest] = await applications(quotaRound, 3, 'reviewed');
      await closeRound(t, quotaRound);
      await fire('manager', first, 'adopt').expect(200);
      const quotaCategory = (await categoryByCode(t, quotaRound, 'restructuring.standard')).id;
      const quota = (await t.http().get(`/api/rounds/${quotaRound.id}/ranking?categoryId=${quotaCategory}&quota=2`).set(as('manager')).expect(200)).body;
      expect(quota.simulation.totals).toMatchObject({ applied: 2, adopted: 1 });
      await t
        .http()
        .post(`/api/rounds/${quotaRound.id}/decisions`)
        .set(as('manager'))
        .send({ categoryId: quotaCategory, quota: 2, fingerprint: quota.fingerprint })
        .expect(201);
      expect((await Promise.all(rest.map(statusOf))).filter((s) => s === 'adopted')).toHaveLength(1);
    });
  });

  describe('the dashboard', () => {
    it('counts a 要件確認 as 未完了 only while the secretariat can act on it', async () => {
      const round = await openRound(t);
      const [open, returned, withdrawn, closed] = await applications(round, 4);
      for (const id of [open, returned, withdrawn, closed])
        await db.query(`INSERT INTO application_assignment (application_id, reviewer_id, purpose) VALUES ($1, $2, 'formalCheck')`, [id, s.reviewer.user.id]);
      await db.query(`UPDATE application SET status = 'returned' WHERE id = $1`, [returned]);
      await db.query(`UPDATE application SET status = 'withdrawn' WHERE id = $1`, [withdrawn]);
      await db.query(`UPDATE application SET status = 'ineligible' WHERE id = $1`, [closed]);
      const rounds = (await t.http().get('/api/pipeline').set(as('manager')).expect(200)).body;
      const mine = rounds.find((r: { roundId: string }) => r.roundId === round.id);
      expect(mine.review.formalChecksOpen).toBe(1);
    });
  });
});
