import type { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { login, type LoggedIn } from './auth-helpers';
import type { TestApp } from './harness';
import { closeRound, reopenRound } from './application-fixtures';
import { bearer, FULL, ReviewDesk, startReviewDesk } from './review-fixtures';

/** Scoring and ranking on the reviewer's desk: private sheets, the rubric's checks, reopening, disagreement, what-ifs and limits. */
describe('review: scoring and ranking', () => {
  let t: TestApp;
  let db: DataSource;
  let s: ReviewDesk['staff'];
  let r2: LoggedIn;
  let round: Round;
  let categoryId: string;
  let desk: ReviewDesk;
  const as = bearer;
  const api = () => t.http();
  const assignTo = (applicationId: string, reviewer: LoggedIn, purpose?: string) => desk.assignTo(applicationId, reviewer, purpose);
  const underReview = (overrides = {}) => desk.underReview(overrides);

  beforeAll(async () => {
    desk = await startReviewDesk('review-scoring');
    ({ t, db, staff: s, reviewer2: r2, round, categoryId } = desk);
    // the rubric these cases score against: weights 4, 4 and 3 (政策点 raised from 2), two reviewers per application
    const rubrics = await api()
      .get('/api/review-rubrics')
      .query({ filter: JSON.stringify({ roundId: round.id }) })
      .set(as(s.manager))
      .expect(200);
    const rubric = rubrics.body.find((r: { categoryId: string }) => r.categoryId === categoryId);
    await api()
      .put(`/api/review-rubrics/${rubric.id}`)
      .set(as(s.manager))
      .send({ criteria: [...rubric.criteria.slice(0, 2), { ...rubric.criteria[2], weight: 3 }], reviewersPerApplication: 2 })
      .expect(200);
  });
  afterAll(() => t?.close());

  describe('scoring', () => {
    it('keeps sheets private until submitted, checks them against the rubric, and reopens only by a manager', async () => {
      const id = await underReview();
      const x1 = await assignTo(id, s.reviewer);
      const x2 = await assignTo(id, r2);
      await api().get(`/api/score-sheets/${x1}`).set(as(r2)).expect(404);
      await api().put(`/api/score-sheets/${x1}`).set(as(r2)).send({ scores: FULL }).expect(404);

      const range = await api()
        .put(`/api/score-sheets/${x1}`)
        .set(as(s.reviewer))
        .send({ scores: { commercialization: 7 } })
        .expect(400);
      expect(range.body.errors[0].message).toContain('事業化点');
      const unclaimed = await api()
        .put(`/api/score-sheets/${x1}`)
        .set(as(s.reviewer))
        .send({ confirmedBonus: ['partnershipBonus'] })
        .expect(400);
      expect(unclaimed.body.errors[0].message).toContain('申告していません');
      // named by the request's own field, so the form shows it there
      const unknown = await api()
        .put(`/api/score-sheets/${x1}`)
        .set(as(s.reviewer))
        .send({ confirmedBonus: ['nope'] })
        .expect(400);
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).toContain('confirmedBonus[0]');
      // a comment is text within its limit on a criterion of the rubric; a key every object has is no criterion either
      for (const comments of [{ policy: { x: [1] } }, { restructuring: 123 }, { commercialization: null }, { policy: 'x'.repeat(4001) }, { toString: 'x' }]) {
        const junk = await api().put(`/api/score-sheets/${x1}`).set(as(s.reviewer)).send({ comments });
        expect({ comments, status: junk.status, field: junk.body.errors?.[0]?.field }).toEqual({
          comments,
          status: 400,
          field: expect.stringMatching(/^comments/),
        });
      }
      const member = await api().put(`/api/score-sheets/${x1}`).set(as(s.reviewer)).send(JSON.parse('{"scores": {"constructor": 3}}')).expect(400);
      expect(member.body.errors[0].message).toContain('「constructor」は使えません');
      await api()
        .put(`/api/score-sheets/${x1}`)
        .set(as(s.reviewer))
        .send({ scores: { commercialization: 4 }, comments: { commercialization: '市場分析が具体的' } })
        .expect(200);
      const [stored] = await db.query(`SELECT comments FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id WHERE x.id = $1`, [x1]);
      expect(stored.comments).toEqual({ commercialization: '市場分析が具体的' });
      const incomplete = await api().post(`/api/score-sheets/${x1}/submit`).set(as(s.reviewer)).send({}).expect(400);
      expect(incomplete.body.code).toBe('INVALID_SCORES');

      await api().get(`/api/applications/${id}/reviews`).set(as(s.reviewer)).expect(403);
      const first = await api()
        .post(`/api/score-sheets/${x1}/submit`)
        .set(as(s.reviewer))
        .send({ scores: FULL, confirmedBonus: ['wageIncreaseBonus'] })
        .expect(200);
      // weights 4, 4 and 3 (set in beforeAll)
      expect(first.body).toMatchObject({ status: 'submitted', total: 4 * 4 + 3 * 4 + 2 * 3, completion: 'pending' });
      await api().put(`/api/score-sheets/${x1}`).set(as(s.reviewer)).send({ scores: FULL }).expect(409);
      const seen = await api().get(`/api/applications/${id}/reviews`).set(as(s.reviewer)).expect(200);
      expect(seen.body.sheets).toHaveLength(1);

      const last = await api()
        .post(`/api/score-sheets/${x2}/submit`)
        .set(as(r2))
        .send({ scores: { commercialization: 3, restructuring: 3, policy: 3 } })
        .expect(200);
      expect(last.body.completion).toBe('completed');
      const [{ status }] = await db.query(`SELECT status FROM application WHERE id = $1`, [id]);
      expect(status).toBe('reviewed');
      const reviews = (await api().get(`/api/applications/${id}/reviews`).set(as(s.manager)).expect(200)).body;
      expect(reviews.reopenable).toBe(true);
      const summary = reviews.summary;
      // totals 34 and 33; 賃上げ加点 confirmed by one of two reviewers is not a majority
      expect(summary).toMatchObject({ submitted: 2, mean: 33.5, bonus: 0, spread: 1 });

      await api().post(`/api/score-sheets/${x1}/reopen`).set(as(s.reviewer)).send({ reason: 'x' }).expect(403);
      await api().post(`/api/score-sheets/${x1}/reopen`).set(as(s.manager)).send({}).expect(400);
      const reopened = await api().post(`/api/score-sheets/${x1}/reopen`).set(as(s.manager)).send({ reason: '政策点の根拠の再確認' }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'draft', reopenReason: '政策点の根拠の再確認', editable: false });
      const ranking = await api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId }).set(as(s.manager)).expect(200);
      expect(ranking.body.entries.find((e: { applicationId: string }) => e.applicationId === id).pendingReviews).toBe(1);
      await closeRound(t, round); // the decision comes after the 応募締切
      const blocked = await api()
        .post(`/api/rounds/${round.id}/decisions`)
        .set(as(s.manager))
        .send({ categoryId, fingerprint: ranking.body.fingerprint })
        .expect(409);
      expect(blocked.body.code).toBe('REVIEWS_REOPENED');
      await reopenRound(t, round); // the desk's later applications arrive in the same round
      // the cached ranking follows an assignment change that touches neither sheet nor application (a revocation)
      const pendingOf = async () =>
        (await api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId }).set(as(s.manager)).expect(200)).body.entries.find(
          (e: { applicationId: string }) => e.applicationId === id,
        ).pendingReviews;
      await db.query(`UPDATE application_assignment SET revoked_at = now() WHERE id = $1`, [x1]);
      expect(await pendingOf()).toBe(0);
      await db.query(`UPDATE application_assignment SET revoked_at = NULL WHERE id = $1`, [x1]);
      expect(await pendingOf()).toBe(1);
      const again = await api().get(`/api/score-sheets/${x1}`).set(as(s.reviewer)).expect(200);
      expect(again.body.editable).toBe(true);
      await api()
        .post(`/api/score-sheets/${x1}/submit`)
        .set(as(s.reviewer))
        .send({ scores: { ...FULL, policy: 1 } })
        .expect(200);
      const [audit] = await db.query(`SELECT actor_role, reason FROM audit_log WHERE action = 'review.reopen' AND entity_id = $1`, [x1]);
      expect(audit).toEqual({ actor_role: 'manager', reason: '政策点の根拠の再確認' });
      // decided, its sheets are no longer offered for reopening, and a reopen is refused
      await db.query(`UPDATE application SET status = 'adopted' WHERE id = $1`, [id]);
      expect((await api().get(`/api/applications/${id}/reviews`).set(as(s.manager)).expect(200)).body.reopenable).toBe(false);
      const decided = await api().post(`/api/score-sheets/${x1}/reopen`).set(as(s.manager)).send({ reason: '再確認' }).expect(409);
      expect(decided.body.code).toBe('REVIEW_DECIDED');
    });

    it('brings in one more reviewer when the reviewers disagree beyond the threshold', async () => {
      const [rubric] = await db.query(`SELECT id FROM review_rubric WHERE round_id = $1 AND category_id = $2`, [round.id, categoryId]);
      await api().put(`/api/review-rubrics/${rubric.id}`).set(as(s.manager)).send({ disagreementThreshold: 10, extraReviewerOnDisagreement: true }).expect(200);
      const id = await underReview();
      const x1 = await assignTo(id, s.reviewer);
      const x2 = await assignTo(id, r2);
      await api()
        .post(`/api/score-sheets/${x1}/submit`)
        .set(as(s.reviewer))
        .send({ scores: { commercialization: 5, restructuring: 5, policy: 5 } })
        .expect(200);
      const res = await api()
        .post(`/api/score-sheets/${x2}/submit`)
        .set(as(r2))
        .send({ scores: { commercialization: 1, restructuring: 1, policy: 1 } })
        .expect(200);
      expect(res.body.completion).toBe('extraReviewer');
      const extra = await db.query(
        `SELECT reviewer_id, assigned_by FROM application_assignment WHERE application_id = $1 AND purpose = 'review' AND submitted_at IS NULL AND revoked_at IS NULL`,
        [id],
      );
      expect(extra).toHaveLength(1);
      expect([s.reviewer.user.id, r2.user.id]).not.toContain(extra[0].reviewer_id);
      const [{ status }] = await db.query(`SELECT status FROM application WHERE id = $1`, [id]);
      expect(status).toBe('underReview');
      // the one called in scores without the others' totals in view, and sees no one's assignment but their own
      const [{ email }] = await db.query(`SELECT email FROM staff_user WHERE id = $1`, [extra[0].reviewer_id]);
      const newcomer = await login(t, email, DEMO_PASSWORD);
      type Seen = { timeline: { action: string; ip: string | null }[]; assignments: { reviewerId: string }[] };
      const seenBy = async (who: LoggedIn): Promise<Seen> => (await api().get(`/api/applications/${id}`).set(as(who)).expect(200)).body;
      const before = await seenBy(newcomer);
      expect(before.timeline.map((e) => e.action)).not.toContain('review.disagreement');
      expect(new Set(before.assignments.map((a) => a.reviewerId))).toEqual(new Set([newcomer.user.id]));
      expect(before.timeline.every((e) => e.ip === null)).toBe(true);
      // those who scored see the disagreement; the manager sees everyone's assignments
      expect((await seenBy(s.reviewer)).timeline.map((e) => e.action)).toContain('review.disagreement');
      expect(new Set((await seenBy(s.reviewer)).assignments.map((a) => a.reviewerId))).toEqual(new Set([s.reviewer.user.id]));
      expect(new Set((await seenBy(s.manager)).assignments.map((a) => a.reviewerId))).toEqual(new Set([s.reviewer.user.id, r2.user.id, newcomer.user.id]));
      await api()
        .put(`/api/review-rubrics/${rubric.id}`)
        .set(as(s.manager))
        .send({ disagreementThreshold: null, extraReviewerOnDisagreement: false })
        .expect(200);
    });
  });

  describe('ranking', () => {
    it('answers a what-if from the same ranking, and a changed score from a new one', async () => {
      const id = await underReview();
      const x = await assignTo(id, s.reviewer);
      await api()
        .post(`/api/score-sheets/${x}/submit`)
        .set(as(s.reviewer))
        .send({ scores: { commercialization: 1, restructuring: 1, policy: 1 } })
        .expect(200);
      const rank = (budget?: number) =>
        api()
          .get(`/api/rounds/${round.id}/ranking`)
          .query({ categoryId, ...(budget === undefined ? {} : { budget }) })
          .set(as(s.manager))
          .expect(200);
      const before = (await rank()).body;
      const entry = (r: { entries: { applicationId: string; finalScore: number }[] }) => r.entries.find((e) => e.applicationId === id)!;
      expect(entry(before).finalScore).toBe(11);
      const whatIf = (await rank(0)).body;
      expect(whatIf.fingerprint).toBe(before.fingerprint);
      expect(whatIf.simulation.totals.adopted).toBe(0);
      await api().post(`/api/score-sheets/${x}/reopen`).set(as(s.manager)).send({ reason: '採点の誤り' }).expect(200);
      await api()
        .post(`/api/score-sheets/${x}/submit`)
        .set(as(s.reviewer))
        .send({ scores: { commercialization: 5, restructuring: 5, policy: 5 } })
        .expect(200);
      const after = (await rank()).body;
      expect(entry(after).finalScore).toBe(55);
      expect(after.fingerprint).not.toBe(before.fingerprint);
      // reviewers can only be added where the review is open
      const late = await api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId: id, reviewerId: r2.user.id }).expect(409);
      expect(late.body.code).toBe('NOT_ASSIGNABLE');
    });

    it('refuses limits a person must correct, with the field named', async () => {
      const bad = await api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId, budget: -5 }).set(as(s.manager)).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'budget' });
      await api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId: 'nope' }).set(as(s.manager)).expect(400);
      await api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId }).set(as(s.reviewer)).expect(403);
      const ok = await api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId, budget: '', normalise: 'true' }).set(as(s.auditor)).expect(200);
      expect(ok.body).toMatchObject({ normalise: true, limits: { budget: null } });
      expect(ok.body.tieBreak.length).toBeGreaterThan(0);
    });
  });
});
