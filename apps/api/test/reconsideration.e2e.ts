import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Category } from '../src/modules/programs/category.entity';
import type { Round } from '../src/modules/rounds/round.entity';
import { asIntake, categoryByCode, closeRound, createDraft, draftInput, openRound } from './application-fixtures';
import { login, LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';

/** 30,000,000円 of machinery, 30 employees: 回復・再生応援枠 3/4 capped at 1,500万; 通常枠 2/3 = 2,000万 */
const RECOVERY_AMOUNT = 15_000_000;
const STANDARD_AMOUNT = 20_000_000;

/**
 * 再審査 in another 類型 (docs/reconsideration.md): an application not adopted in a special 枠 of 事業再構築
 * is moved by a manager, with a reason, to 通常枠 of the same round; its quote is recomputed there, its
 * scores and audit carry over, the applicant's notice waits for the 採択発表, the 通常枠 ranking and
 * decision treat it as one of theirs.
 */
describe('reconsideration in another 類型', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let reviewers: LoggedIn[];
  let round: Round;
  let recovery: Category;
  let standard: Category;
  let green: Category;
  /** A: 回復・再生応援枠, below its line; B: 回復・再生応援枠, 補欠 by the committed decision; C: 通常枠 */
  let a: string;
  let b: string;
  let c: string;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const row = async (id: string) =>
    (
      await db.query(`SELECT status, category_id, reconsidered_from_category_id, quoted_amount::int AS amount, version FROM application WHERE id = $1`, [id])
    )[0];
  const reconsider = (who: LoggedIn, id: string, body: object) => t.http().post(`/api/applications/${id}/reconsideration`).set(as(who)).send(body);
  const ranking = async (categoryId: string) =>
    (await t.http().get(`/api/rounds/${round.id}/ranking`).query({ categoryId, budget: 1_000_000_000 }).set(as(s.manager)).expect(200)).body;

  async function submitted(category: Category, name: string): Promise<string> {
    const app = await createDraft(t, draftInput(round, category, { applicantName: name }));
    await asIntake(t, app.id, 'submit');
    // 要件確認 passed (review.e2e.ts drives the checklist)
    await db.query(`UPDATE application SET status = 'underReview' WHERE id = $1`, [app.id]);
    return app.id;
  }

  /** Every reviewer submits each open sheet, scoring an application by `points` (its 3 criteria the same). */
  async function scoreAll(points: Record<string, number>) {
    for (const who of reviewers) {
      const queue = await t
        .http()
        .get('/api/score-sheets')
        .query({ filter: JSON.stringify({ state: 'open' }), range: '[0,99]' })
        .set(as(who))
        .expect(200);
      for (const item of queue.body as { id: string; applicationId: string }[]) {
        const p = points[item.applicationId];
        await t
          .http()
          .post(`/api/score-sheets/${item.id}/submit`)
          .set(as(who))
          .send({ scores: { commercialization: p, restructuring: p, policy: p }, confirmedBonus: [], overallComment: '計画は具体的である' })
          .expect(200);
      }
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ label: 'reconsideration' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    const emails: string[] = (await db.query(`SELECT email FROM staff_user WHERE role = 'reviewer' ORDER BY email`)).map((r: { email: string }) => r.email);
    reviewers = [];
    for (const email of emails) reviewers.push(await login(t, email, DEMO_PASSWORD));
    round = await openRound(t);
    recovery = await categoryByCode(t, round, 'restructuring.recovery');
    standard = await categoryByCode(t, round, 'restructuring.standard');
    green = await categoryByCode(t, round, 'restructuring.greenGrowth');
    a = await submitted(recovery, '株式会社再審査A');
    b = await submitted(recovery, '株式会社再審査B');
    c = await submitted(standard, '株式会社通常枠C');
    for (const category of [recovery, standard]) {
      await t.http().post(`/api/rounds/${round.id}/assignments/auto`).set(as(s.manager)).send({ purpose: 'review', categoryId: category.id }).expect(200);
    }
    await scoreAll({ [a]: 3, [b]: 4, [c]: 5 });
    for (const id of [a, b, c]) expect((await row(id)).status).toBe('reviewed');
    expect((await row(a)).amount).toBe(RECOVERY_AMOUNT);
    await closeRound(t, round); // the decisions below come after the 応募締切
  }, 120_000);
  afterAll(() => t?.close());

  it('offers the manager 通常枠 (the category rule, offered by the round), not as a bare transition', async () => {
    const shown = (await t.http().get(`/api/applications/${a}`).set(as(s.manager)).expect(200)).body;
    expect(shown.reconsiderationTargets).toEqual([{ categoryId: standard.id, code: 'restructuring.standard', name: '通常枠' }]);
    expect(shown.transitions.map((x: { name: string }) => x.name)).not.toContain('reconsiderInCategory');
    expect(shown.reconsideredFrom).toBeNull();
    // a reviewer sees no button; a 通常枠 application has nowhere to go
    expect((await t.http().get(`/api/applications/${c}`).set(as(s.manager)).expect(200)).body.reconsiderationTargets).toEqual([]);
    // the generic transition route cannot move it without a 類型 (nothing changes)
    const bare = await t.http().post(`/api/applications/${a}/transitions/reconsiderInCategory`).set(as(s.manager)).send({ reason: '通常枠で' }).expect(422);
    expect(bare.body.message).toContain('別の類型で再審査');
    expect(await row(a)).toMatchObject({ status: 'reviewed', category_id: recovery.id });
  });

  it('refuses other roles, a 類型 the rule does not name, and a missing reason, changing nothing', async () => {
    await reconsider(s.reviewer, a, { categoryId: standard.id, reason: '理由' }).expect(403);
    await reconsider(s.auditor, a, { categoryId: standard.id, reason: '理由' }).expect(403);
    const wrong = await reconsider(s.manager, a, { categoryId: green.id, reason: '理由' }).expect(422);
    expect(wrong.body).toMatchObject({ code: 'RECONSIDERATION_TARGET_NOT_ALLOWED' });
    expect(wrong.body.message).toContain('通常枠');
    await reconsider(s.manager, a, { categoryId: standard.id }).expect(400);
    await reconsider(s.manager, c, { categoryId: recovery.id, reason: '理由' }).expect(409);
    expect(await row(a)).toMatchObject({ status: 'reviewed', category_id: recovery.id, amount: RECOVERY_AMOUNT });
  });

  it('moves a 補欠 of the committed 回復・再生応援枠 decision to 通常枠, its held 補欠 notice cancelled', async () => {
    // the 回復・再生応援枠 decision: one 採択 (B, the better score), no 補欠 beyond: A would be 不採択, so A is reconsidered first
    const before = await ranking(recovery.id);
    expect(before.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([b, a]);
    const res = await reconsider(s.manager, a, {
      categoryId: standard.id,
      reason: '回復・再生応援枠の採択ラインに届かなかったため、通常枠で再審査する',
      expectedVersion: (await row(a)).version,
    }).expect(200);
    expect(res.body).toMatchObject({ from: { name: '回復・再生応援枠' }, to: { name: '通常枠' }, quotedAmount: STANDARD_AMOUNT });
    expect(res.body.application).toMatchObject({ categoryId: standard.id, reconsideredFrom: { categoryId: recovery.id, name: '回復・再生応援枠' } });
    expect(await row(a)).toMatchObject({ status: 'reviewed', category_id: standard.id, reconsidered_from_category_id: recovery.id, amount: STANDARD_AMOUNT });

    // one audit record: who, why, both 類型 and both amounts
    const [audit] = await db.query(
      `SELECT actor_id, reason, from_status, to_status, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.reconsiderInCategory'`,
      [a],
    );
    expect(audit).toMatchObject({ actor_id: s.manager.user.id, from_status: 'reviewed', to_status: 'reviewed' });
    expect(audit.reason).toContain('通常枠で再審査');
    expect(audit.changes).toMatchObject({
      category: { from: { id: recovery.id, name: '回復・再生応援枠' }, to: { id: standard.id, name: '通常枠' } },
      quotedAmount: { from: RECOVERY_AMOUNT, to: STANDARD_AMOUNT },
    });
    // the applicant is told, at the 採択発表 like every decision notice, in the new 類型
    const [notice] = await db.query(
      `SELECT status, held_until_announcement, payload FROM notification WHERE application_id = $1 AND template = 'reconsidered'`,
      [a],
    );
    expect(notice).toMatchObject({ status: 'held', held_until_announcement: true, payload: { categoryName: '通常枠', quotedAmount: STANDARD_AMOUNT } });

    // the scores carry over: the 通常枠 ranking has A with the score it had, the 回復・再生応援枠 one no longer
    const scoreBefore = before.entries.find((e: { applicationId: string }) => e.applicationId === a).finalScore;
    const std = await ranking(standard.id);
    expect(std.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([c, a]);
    expect(std.entries[1].finalScore).toBe(scoreBefore);
    expect((await ranking(recovery.id)).entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([b]);

    // B: 補欠 in the committed 回復・再生応援枠 decision (nothing fits a 1円 budget), then reconsidered: its held 補欠 notice is no longer so
    const limits = { categoryId: recovery.id, budget: 1, waitlistCount: 1 };
    const rec = (await t.http().get(`/api/rounds/${round.id}/ranking`).query(limits).set(as(s.manager)).expect(200)).body;
    expect(rec.entries.map((e: { applicationId: string }) => e.applicationId)).toEqual([b]);
    await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(as(s.manager))
      .send({ ...limits, fingerprint: rec.fingerprint })
      .expect((r) => expect([200, 201]).toContain(r.status));
    expect((await row(b)).status).toBe('waitlisted');
    await reconsider(s.manager, b, { categoryId: standard.id, reason: '補欠のため通常枠で再審査する' }).expect(200);
    expect(await row(b)).toMatchObject({ status: 'reviewed', category_id: standard.id });
    const notices = await db.query(`SELECT template, status FROM notification WHERE application_id = $1 ORDER BY created_at`, [b]);
    expect(notices.filter((n: { template: string }) => n.template === 'waitlisted')).toEqual([{ template: 'waitlisted', status: 'cancelled' }]);
    expect(notices.filter((n: { template: string }) => n.template === 'reconsidered')).toEqual([{ template: 'reconsidered', status: 'held' }]);
  });

  it('is decided in 通常枠 by its committed decision, and cannot be moved again', async () => {
    const std = await ranking(standard.id);
    expect(std.entries.map((e: { applicationId: string }) => e.applicationId).sort()).toEqual([a, b, c].sort());
    await t
      .http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(as(s.manager))
      .send({ categoryId: standard.id, budget: 1_000_000_000, fingerprint: std.fingerprint })
      .expect((r) => expect([200, 201]).toContain(r.status));
    for (const id of [a, b, c]) expect((await row(id)).status).toBe('adopted');
    expect((await row(a)).amount).toBe(STANDARD_AMOUNT);
    const again = await reconsider(s.manager, a, { categoryId: recovery.id, reason: '戻す' }).expect(409);
    expect(again.body.code).toBe('RECONSIDERATION_NOT_OFFERED');
  });
});
