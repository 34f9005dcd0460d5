import { asIntake, closeRound, reopenRound } from './application-fixtures';
import { insertNotifications } from './notification-fixtures';
import { bearer, FULL, startReviewDesk, type ReviewDesk } from './review-fixtures';
import { until, waitingOnLock } from './lock-waits';

/**
 * Staff requests sent at the same moment, as race-fuzzing the staff routes sent them: each pair once answered
 * 500 or 503 (a deadlock) or left data its rules forbid (a sheet submitted past its revocation, a reviewer
 * over capacity, scores frozen against criteria changed under them, one mail resent four times). Each now
 * answers one of the two and refuses the other.
 */
describe('review desk: requests at the same moment', () => {
  let d: ReviewDesk;
  const api = () => d.t.http();
  const assignment = async (id: string) =>
    (await d.db.query(`SELECT revoked_at, submitted_at FROM application_assignment WHERE id = $1`, [id]))[0] as {
      revoked_at: Date | null;
      submitted_at: Date | null;
    };

  beforeAll(async () => {
    d = await startReviewDesk('review-races');
  });
  afterAll(() => d?.t.close());

  // first: the round's rubric is still unfrozen (the first saved score freezes it)
  it('a first submission and a change of the rubric: the sheet is frozen against the criteria the rubric keeps', async () => {
    const x = await d.assignTo(await d.underReview(), d.staff.reviewer);
    const rubric = (
      await api()
        .get('/api/review-rubrics')
        .query({ filter: JSON.stringify({ roundId: d.round.id }) })
        .set(bearer(d.staff.manager))
        .expect(200)
    ).body.find((r: { categoryId: string }) => r.categoryId === d.categoryId);
    const reweighted = [...rubric.criteria.slice(0, 2), { ...rubric.criteria[2], weight: rubric.criteria[2].weight + 1 }];
    const [submit, change] = await Promise.all([
      api().post(`/api/score-sheets/${x}/submit`).set(bearer(d.staff.reviewer)).send({ scores: FULL }),
      api().put(`/api/review-rubrics/${rubric.id}`).set(bearer(d.staff.manager)).send({ criteria: reweighted }),
    ]);
    expect(submit.status).toBe(200);
    // either the change came first and the sheet was scored against it, or the sheet froze the rubric first
    if (change.status !== 200) expect(change.body.code).toBe('RUBRIC_FROZEN');
    const [stored] = await d.db.query(`SELECT version, frozen_at FROM review_rubric WHERE id = $1`, [rubric.id]);
    const [audit] = await d.db.query(`SELECT changes FROM audit_log WHERE action = 'review.submit' AND entity_id = $1`, [x]);
    expect(stored.frozen_at).not.toBeNull();
    expect(audit.changes.rubricVersion).toBe(stored.version);
  });

  it('the last score completing the review as the applicant withdraws: both are kept, in order (the withdrawal of the reviewed application), the withdrawal not refused as stale', async () => {
    const id = await d.underReview();
    const x = await d.assignTo(id, d.staff.reviewer);
    // The submission is held after it has locked the application (a second connection holds its assignment) while
    // the withdrawal arrives. The withdrawal used to read the application unlocked, decide on 書面審査 and find its
    // version moved by the completed review: 409 STALE_VERSION, 「画面を更新して…」 to an applicant.
    const holder = d.db.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM application_assignment WHERE id = $1 FOR UPDATE`, [x]);
      const submit = api()
        .post(`/api/score-sheets/${x}/submit`)
        .set(bearer(d.staff.reviewer))
        .send({ scores: FULL })
        .then((r) => r);
      await until(async () => (await waitingOnLock(d.db)) === 1);
      expect(await waitingOnLock(d.db)).toBe(1);
      let settled = false;
      const withdrawal = asIntake(d.t, id, 'withdraw', '事業計画を見直すため').then(
        (outcome) => ((settled = true), { status: outcome.application.status }),
        (e: { getResponse?: () => unknown }) => ((settled = true), { refused: e.getResponse?.() ?? String(e) }),
      );
      await until(async () => settled || (await waitingOnLock(d.db)) === 2);
      await holder.commitTransaction();
      const [submitted, withdrawn] = await Promise.all([submit, withdrawal]);
      expect(submitted.status).toBe(200);
      expect(submitted.body.completion).toBe('completed');
      expect(withdrawn).toEqual({ status: 'withdrawn' });
      const actions = await d.db.query(`SELECT action FROM audit_log WHERE entity_id IN ($1, $2) AND action <> 'assignment.created' ORDER BY id`, [id, x]);
      expect(actions.map((a: { action: string }) => a.action).slice(-3)).toEqual(['review.submit', 'application.completeReview', 'application.withdraw']);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('a submission and the revocation of its assignment: never both (a sheet submitted on a revoked assignment)', async () => {
    for (let i = 0; i < 3; i++) {
      const x = await d.assignTo(await d.underReview(), d.staff.reviewer);
      const [submit, revoke] = await Promise.all([
        api().post(`/api/score-sheets/${x}/submit`).set(bearer(d.staff.reviewer)).send({ scores: FULL }),
        api().delete(`/api/review-assignments/${x}`).set(bearer(d.staff.manager)),
      ]);
      for (const r of [submit, revoke]) expect(r.status).toBeLessThan(500);
      const row = await assignment(x);
      expect(row.revoked_at !== null && row.submitted_at !== null).toBe(false);
      expect([submit.status, revoke.status].filter((s) => s === 200)).toHaveLength(1);
    }
  });

  it('a sheet saved while its assignment is reopened or reassigned: no deadlock (503), and the save lands before or is refused', async () => {
    for (let i = 0; i < 3; i++) {
      const x = await d.assignTo(await d.underReview(), d.staff.reviewer);
      const [save, reassign] = await Promise.all([
        api()
          .put(`/api/score-sheets/${x}`)
          .set(bearer(d.staff.reviewer))
          .send({ scores: { commercialization: 3 } }),
        api().put(`/api/review-assignments/${x}`).set(bearer(d.staff.manager)).send({ reviewerId: d.reviewer2.user.id, reason: '交代' }),
      ]);
      expect(reassign.status).toBe(200);
      expect([200, 409]).toContain(save.status);
      if (save.status === 409) expect(save.body.code).toBe('ASSIGNMENT_CLOSED');
    }
    for (let i = 0; i < 3; i++) {
      const x = await d.assignTo(await d.underReview(), d.staff.reviewer);
      await api().post(`/api/score-sheets/${x}/submit`).set(bearer(d.staff.reviewer)).send({ scores: FULL }).expect(200);
      const [reopen, again] = await Promise.all([
        api().post(`/api/score-sheets/${x}/reopen`).set(bearer(d.staff.manager)).send({ reason: '採点の根拠を確認してください' }),
        api().post(`/api/score-sheets/${x}/submit`).set(bearer(d.staff.reviewer)).send({ scores: FULL }),
      ]);
      expect(reopen.status).toBe(200);
      expect(again.status).toBeLessThan(500);
    }
  });

  it('a decision committed while a sheet of it is reopened: one of them, never a decided application with a reopened sheet', async () => {
    for (let i = 0; i < 2; i++) {
      const id = await d.underReview();
      const reviewers = [d.staff.reviewer, d.reviewer2, d.reviewer3];
      // all three assigned first: the 書面審査 completes when every assigned reviewer has submitted
      const sheets: string[] = [];
      for (const who of reviewers) sheets.push(await d.assignTo(id, who));
      for (const [n, who] of reviewers.entries()) await api().post(`/api/score-sheets/${sheets[n]}/submit`).set(bearer(who)).send({ scores: FULL }).expect(200);
      expect((await d.db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status).toBe('reviewed');
      const choice = { categoryId: d.categoryId, budget: 1_000_000_000 };
      const { fingerprint } = (await api().get(`/api/rounds/${d.round.id}/ranking`).query(choice).set(bearer(d.staff.manager)).expect(200)).body;
      await closeRound(d.t, d.round); // a decision comes after the 応募締切
      const [commit, reopen] = await Promise.all([
        api()
          .post(`/api/rounds/${d.round.id}/decisions`)
          .set(bearer(d.staff.manager))
          .send({ ...choice, fingerprint }),
        api().post(`/api/score-sheets/${sheets[0]}/reopen`).set(bearer(d.staff.manager)).send({ reason: '採点の根拠を確認してください' }),
      ]);
      await reopenRound(d.t, d.round); // the next application arrives in the same round
      expect([201, 409]).toContain(commit.status);
      expect(reopen.status).toBeLessThan(500);
      expect([commit.status, reopen.status].filter((s) => s < 300)).toHaveLength(1);
      const [{ status }] = await d.db.query(`SELECT status FROM application WHERE id = $1`, [id]);
      const [{ drafts }] = await d.db.query(`SELECT count(*)::int AS drafts FROM review_score WHERE assignment_id = ANY($1) AND status <> 'submitted'`, [
        sheets,
      ]);
      if (commit.status === 201) expect({ status, drafts }).toEqual({ status: 'adopted', drafts: 0 });
      else expect({ status, drafts }).toEqual({ status: 'reviewed', drafts: 1 });
    }
  });

  it("a 要件確認 completed while the checker's assignment is revoked: one of them, never a check completed past its revocation", async () => {
    for (let i = 0; i < 3; i++) {
      const id = await d.submitted();
      const x = await d.assignTo(id, d.reviewer3, 'formalCheck');
      const list = await api().get(`/api/applications/${id}/formal-check`).set(bearer(d.reviewer3)).expect(200);
      const answers = list.body.items.map((item: { code: string; passNeedsReason?: boolean }) => ({
        code: item.code,
        passed: true,
        ...(item.passNeedsReason ? { overrideReason: '売上高の減少を書面で確認した' } : {}),
      }));
      const [complete, revoke] = await Promise.all([
        api().post(`/api/applications/${id}/formal-check/complete`).set(bearer(d.reviewer3)).send({ outcome: 'pass', answers }),
        api().delete(`/api/review-assignments/${x}`).set(bearer(d.staff.manager)),
      ]);
      for (const r of [complete, revoke]) expect(r.status).toBeLessThan(500);
      expect([complete.status, revoke.status].filter((s) => s < 300)).toHaveLength(1);
    }
  });

  it('four assignments to one reviewer with one place left: one is made, the others are refused at capacity', async () => {
    const apps = [await d.underReview(), await d.underReview(), await d.underReview(), await d.underReview()];
    const [{ load }] = await d.db.query(
      `SELECT count(*)::int AS load FROM application_assignment WHERE reviewer_id = $1 AND revoked_at IS NULL AND submitted_at IS NULL`,
      [d.reviewer3.user.id],
    );
    await d.db.query(`UPDATE staff_user SET review_capacity = $2 WHERE id = $1`, [d.reviewer3.user.id, load + 1]);
    try {
      const answers = await Promise.all(
        apps.map((applicationId) =>
          api().post('/api/review-assignments').set(bearer(d.staff.manager)).send({ applicationId, reviewerId: d.reviewer3.user.id }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
      for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('REVIEWER_AT_CAPACITY');
    } finally {
      await d.db.query(`UPDATE staff_user SET review_capacity = 300 WHERE id = $1`, [d.reviewer3.user.id]);
    }
  });

  it('two conflicts of interest declared for one reviewer at once are both kept, without a deadlock', async () => {
    const declare = (value: string) =>
      api().post('/api/conflicts-of-interest').set(bearer(d.staff.manager)).send({ reviewerId: d.reviewer2.user.id, kind: 'organisation', value });
    for (let i = 0; i < 3; i++) {
      const answers = await Promise.all([declare(`同時申告株式会社${i}A`), declare(`同時申告株式会社${i}B`)]);
      expect(answers.map((a) => a.status)).toEqual([201, 201]);
    }
  });

  it('one reviewer assigned to one application four times at once: one assignment with its body, the others 409', async () => {
    const applicationId = await d.underReview();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => api().post('/api/review-assignments').set(bearer(d.staff.manager)).send({ applicationId, reviewerId: d.reviewer2.user.id })),
    );
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(1);
    expect(made[0]!.body.id).toEqual(expect.any(String));
    for (const a of answers.filter((x) => x.status !== 201)) expect(a.body).toMatchObject({ code: 'ALREADY_ASSIGNED' });
  });

  it('a notification resent four times at once is resent once; the others are 409 while the copy waits', async () => {
    const [original] = await insertNotifications(d.db, 1, { status: 'sent', recipientPrefix: 'twice' });
    const answers = await Promise.all([1, 2, 3, 4].map(() => api().post(`/api/notifications/${original.id}/resend`).set(bearer(d.staff.manager)).send({})));
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(a.body).toMatchObject({ code: 'RESEND_PENDING', resendId: made[0]!.body.id });
    const [{ n }] = await d.db.query(`SELECT count(*)::int AS n FROM notification WHERE payload->>'resentFrom' = $1`, [original.id]);
    expect(n).toBe(1);
  });
});
