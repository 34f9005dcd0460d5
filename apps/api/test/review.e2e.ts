import type { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { asIntake, categoryByCode, corporateNumber, createDraft, draftInput, openRound } from './application-fixtures';
import { login, type LoggedIn } from './auth-helpers';
import type { TestApp } from './harness';
import { bearer, ReviewDesk, startReviewDesk } from './review-fixtures';

/** The review module's rules one by one: checklist, rubric freeze, conflicts, assignment, bad input (scoring and ranking: review-scoring.e2e). */
describe('review and adoption', () => {
  let t: TestApp;
  let db: DataSource;
  let s: ReviewDesk['staff'];
  let r2: LoggedIn;
  let r3: LoggedIn;
  let round: Round;
  let categoryId: string;
  let desk: ReviewDesk;
  const as = bearer;
  const api = () => t.http();
  const submitted = (overrides = {}) => desk.submitted(overrides);
  const assignTo = (applicationId: string, reviewer: LoggedIn, purpose?: string) => desk.assignTo(applicationId, reviewer, purpose);
  const underReview = (overrides = {}) => desk.underReview(overrides);

  beforeAll(async () => {
    desk = await startReviewDesk('review');
    ({ t, db, staff: s, reviewer2: r2, reviewer3: r3, round, categoryId } = desk);
  });
  afterAll(() => t?.close());

  describe('要件確認 (formal check)', () => {
    it('builds the checklist from the category and the application, and refuses what does not fit it', async () => {
      const id = await submitted();
      await assignTo(id, s.reviewer, 'formalCheck');
      const list = (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body;
      expect(list).toMatchObject({ open: true, completed: false, status: 'submitted' });
      const codes = list.items.map((i: { code: string }) => i.code);
      expect(codes).toEqual(expect.arrayContaining(['document.businessPlan', 'document.advisorConfirmation', 'advisor.confirmed', 'declaration.noDuplicate']));
      // a draft made by a fixture has no intake channel: received on paper (as a bulk import), so a document not
      // uploaded is for the checker to find among its papers, not suggested 不適 (an uploaded one: libs/domain's spec)
      expect(list.items.find((i: { code: string }) => i.code === 'document.businessPlan')).toMatchObject({
        suggestion: null,
        hint: expect.stringContaining('紙で受け付けた申請です'),
      });

      const unknown = await api()
        .put(`/api/applications/${id}/formal-check`)
        .set(as(s.reviewer))
        .send({ answers: [{ code: 'document.nothing', passed: true }] })
        .expect(400);
      expect(unknown.body.errors[0].message).toContain('document.nothing');
      // one answer per item, and each an answer: a list in its place is named, not read as 「undefined」
      const twice = await api()
        .put(`/api/applications/${id}/formal-check`)
        .set(as(s.reviewer))
        .send({
          answers: [
            { code: codes[0], passed: false },
            { code: codes[0], passed: true },
          ],
        })
        .expect(400);
      expect(twice.body.errors).toEqual([{ field: `answers.${codes[0]}`, message: expect.stringContaining('2つ以上') }]);
      const nested = await api()
        .put(`/api/applications/${id}/formal-check`)
        .set(as(s.reviewer))
        .send({ answers: [[]] })
        .expect(400);
      expect(JSON.stringify(nested.body)).not.toContain('undefined');
      expect(nested.body.errors[0].message).toContain('answers の各要素は');
      // saving a first answer starts the 要件確認
      await api()
        .put(`/api/applications/${id}/formal-check`)
        .set(as(s.reviewer))
        .send({ answers: [{ code: codes[0], passed: true }] })
        .expect(200);
      const [{ status }] = await db.query(`SELECT status FROM application WHERE id = $1`, [id]);
      expect(status).toBe('formalCheck');

      const incomplete = await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'pass' }).expect(422);
      expect(incomplete.body.code).toBe('FORMAL_CHECK_INCOMPLETE');
      const answers = codes.map((code: string) => ({
        code,
        passed: code !== 'advisor.confirmed',
        comment: code === 'advisor.confirmed' ? '確認書の押印がありません' : undefined,
        overrideReason: code === 'eligibility.requirements' ? '売上高の減少を書面で確認した' : undefined,
      }));
      const mismatch = await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'pass', answers }).expect(422);
      expect(mismatch.body.code).toBe('FORMAL_CHECK_OUTCOME_MISMATCH');
      // the manager reads it, but only the reviewer completes it
      await api().get(`/api/applications/${id}/formal-check`).set(as(s.manager)).expect(200);
      await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.manager)).send({ outcome: 'return', answers }).expect(403);

      // a 不適 with no comment would reach the applicant as a bare label: refused, naming it, and nothing changes
      const bare = answers.map((a: { code: string; comment?: string }) => (a.code === 'advisor.confirmed' ? { ...a, comment: '　' } : a));
      const unexplained = await api()
        .post(`/api/applications/${id}/formal-check/complete`)
        .set(as(s.reviewer))
        .send({ outcome: 'return', answers: bare })
        .expect(422);
      expect(unexplained.body).toMatchObject({
        code: 'CORRECTION_UNEXPLAINED',
        errors: [{ field: 'answers', message: expect.stringContaining('のコメントを入力してください') }],
      });
      expect((await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status).toBe('formalCheck');

      const done = await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'return', answers }).expect(200);
      expect(done.body.transition.to).toBe('returned');
      const [n] = await db.query(`SELECT payload->>'reason' AS reason FROM notification WHERE application_id = $1 AND template = 'returned'`, [id]);
      expect(n.reason).toContain('確認書の押印がありません');
      const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.returnForCorrection'`, [id]);
      expect(audit.changes.formalCheck.failedItems).toEqual(['advisor.confirmed']);
      await api().put(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).send({ answers: [] }).expect(409);
    });

    it('a 再提出 reopens the 要件確認: the check completed before the 差戻し neither shows as done nor passes the corrected application', async () => {
      const id = await submitted();
      await assignTo(id, s.reviewer, 'formalCheck');
      const check = (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body;
      const answers = check.items.map((i: { code: string; passNeedsReason?: boolean }, n: number) => ({
        code: i.code,
        passed: n !== 0,
        ...(n === 0 ? { comment: '頁が欠けています' } : {}),
        ...(i.passNeedsReason && n !== 0 ? { overrideReason: '売上高の減少を書面で確認した' } : {}),
      }));
      await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'return', answers }).expect(200);
      await asIntake(t, id, 'resubmit');

      // the earlier answers are the checker's draft; nothing is completed, and the bare transitions are refused
      const reopened = (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body;
      expect(reopened).toMatchObject({ open: true, completed: false, passed: null, checkedBy: null, status: 'resubmitted' });
      expect(reopened.items[0]).toMatchObject({ passed: false, comment: '頁が欠けています' });
      await api().post(`/api/applications/${id}/transitions/startFormalCheck`).set(as(s.reviewer)).send({}).expect(200);
      const bare = await api().post(`/api/applications/${id}/transitions/passFormalCheck`).set(as(s.reviewer)).send({}).expect(422);
      expect(bare.body.message).toContain('要件確認が完了していません');

      const passed = answers.map((a: { code: string }, n: number) => (n === 0 ? { code: a.code, passed: true } : a));
      const done = await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'pass', answers: passed }).expect(200);
      expect(done.body.transition).toMatchObject({ from: 'formalCheck', to: 'underReview' });
    });

    it('keeps a reviewer away from applications they are not assigned to', async () => {
      const id = await submitted();
      await api().get(`/api/applications/${id}/formal-check`).set(as(r2)).expect(404);
    });
  });

  describe('rubrics', () => {
    it("gives every offered category its programme's default, validates edits and freezes criteria at the first score", async () => {
      const list = await api()
        .get('/api/review-rubrics')
        .query({ filter: JSON.stringify({ roundId: round.id }) })
        .set(as(s.manager))
        .expect(200);
      const offered = await db.query(`SELECT count(*)::int AS n FROM round_category WHERE round_id = $1`, [round.id]);
      expect(list.body).toHaveLength(offered[0].n);
      const rubric = list.body.find((r: { categoryId: string }) => r.categoryId === categoryId);
      expect(rubric.criteria.map((c: { label: string }) => c.label)).toEqual(['事業化点', '再構築点', '政策点']);
      expect(rubric).toMatchObject({ reviewersPerApplication: 3, frozen: false, maxTotal: 50 });

      const bad = await api()
        .put(`/api/review-rubrics/${rubric.id}`)
        .set(as(s.manager))
        .send({ criteria: [{ code: 'x', label: '', maxScore: 0, weight: -1 }] })
        .expect(400);
      expect(bad.body.code).toBe('INVALID_RUBRIC');
      expect(bad.body.errors.length).toBeGreaterThan(0);
      await api().put(`/api/review-rubrics/${rubric.id}`).set(as(s.reviewer)).send({ reviewDays: 10 }).expect(403);
      const edited = await api()
        .put(`/api/review-rubrics/${rubric.id}`)
        .set(as(s.manager))
        .send({ criteria: [...rubric.criteria.slice(0, 2), { ...rubric.criteria[2], weight: 3 }], reviewersPerApplication: 2 })
        .expect(200);
      expect(edited.body).toMatchObject({ version: rubric.version + 1, maxTotal: 55, reviewersPerApplication: 2 });
      const [audit] = await db.query(`SELECT changes FROM audit_log WHERE action = 'reviewRubric.update' AND entity_id = $1`, [rubric.id]);
      expect(Object.keys(audit.changes)).toEqual(expect.arrayContaining(['criteria', 'reviewersPerApplication']));

      const id = await underReview();
      const x = await assignTo(id, s.reviewer);
      await api()
        .put(`/api/score-sheets/${x}`)
        .set(as(s.reviewer))
        .send({ scores: { commercialization: 3 } })
        .expect(200);
      const frozen = await api().put(`/api/review-rubrics/${rubric.id}`).set(as(s.manager)).send({ criteria: rubric.criteria }).expect(409);
      expect(frozen.body.code).toBe('RUBRIC_FROZEN');
      // the review settings stay editable, also when a form sends the frozen criteria back as they were
      const current = (await api().get(`/api/review-rubrics/${rubric.id}`).set(as(s.manager)).expect(200)).body;
      const echoed = current.criteria.map((c: Record<string, unknown>) => Object.fromEntries(Object.entries(c).reverse()));
      await api()
        .put(`/api/review-rubrics/${rubric.id}`)
        .set(as(s.manager))
        .send({ criteria: echoed, bonusItems: current.bonusItems, reviewersPerApplication: 3, disagreementThreshold: 12 })
        .expect(200);
    });
  });

  describe('assignment', () => {
    it('refuses a reviewer with a conflict of interest or at capacity, and audits reassignment', async () => {
      const cn = corporateNumber();
      const id = await underReview({ corporateNumber: cn, certifiedAdvisor: { name: '東西銀行', id: 'ADV-9' } });
      // reviewer3 belongs to 東西銀行, the applicant's 認定支援機関
      const advisor = await api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId: id, reviewerId: r3.user.id }).expect(409);
      expect(advisor.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
      expect(advisor.body.message).toContain('認定支援機関');
      // a reviewer declares the company itself
      await api().post('/api/conflicts-of-interest').set(as(r2)).send({ reviewerId: s.reviewer.user.id, kind: 'corporateNumber', value: cn }).expect(403);
      // typed in full width with a full-width hyphen, as the company's papers may print it: stored as published
      const wide = `${cn.slice(0, 4)}－${cn.slice(4)}`.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      const declared = await api()
        .post('/api/conflicts-of-interest')
        .set(as(r2))
        .send({ reviewerId: r2.user.id, kind: 'corporateNumber', value: wide, note: '元勤務先' })
        .expect(201);
      expect(declared.body.value).toBe(cn);
      await api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId: id, reviewerId: r2.user.id }).expect(409);
      // a number that is none (too short, or its check digit mistyped) would protect no one
      for (const [value, says] of [
        ['12345', '13桁'],
        [`${(Number(cn[0]) % 9) + 1}${cn.slice(1)}`, 'チェックデジット'],
      ]) {
        const bad = await api().post('/api/conflicts-of-interest').set(as(r2)).send({ reviewerId: r2.user.id, kind: 'corporateNumber', value }).expect(400);
        expect(bad.body.errors).toEqual([{ field: 'value', message: expect.stringContaining(says) }]);
      }
      // an organisation that would match nothing: blank (a 500 before) or a legal form alone; nothing kept
      const declaredBefore = (await db.query(`SELECT count(*)::int AS n FROM conflict_of_interest`))[0].n;
      for (const value of ['   ', '\u3000', '株式会社', '（株）']) {
        const blank = await api().post('/api/conflicts-of-interest').set(as(r2)).send({ reviewerId: r2.user.id, kind: 'organisation', value }).expect(400);
        expect(blank.body).toMatchObject({ code: 'INVALID_CONFLICT', message: '組織名を入力してください。「株式会社」などの法人格だけでは照合できません。' });
      }
      expect((await db.query(`SELECT count(*)::int AS n FROM conflict_of_interest`))[0].n).toBe(declaredBefore);

      await api().put(`/api/reviewers/${s.reviewer.user.id}`).set(as(s.manager)).send({ reviewCapacity: 0 }).expect(200);
      const full = await api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId: id, reviewerId: s.reviewer.user.id }).expect(409);
      expect(full.body.code).toBe('REVIEWER_AT_CAPACITY');
      await api().put(`/api/reviewers/${s.reviewer.user.id}`).set(as(s.manager)).send({ reviewCapacity: 300 }).expect(200);

      const x = await assignTo(id, s.reviewer);
      await api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId: id, reviewerId: s.reviewer.user.id }).expect(409);
      const r4 = await login(t, 'reviewer4@jimukyoku.example.jp', DEMO_PASSWORD);
      const moved = await api().put(`/api/review-assignments/${x}`).set(as(s.manager)).send({ reviewerId: r4.user.id, reason: '負荷の平準化' }).expect(200);
      expect(moved.body).toMatchObject({ reviewerId: r4.user.id, state: 'open' });
      const old = (await api().get(`/api/review-assignments/${x}`).set(as(s.manager)).expect(200)).body;
      expect(old.state).toBe('revoked');
      const actions = (
        await db.query(
          `SELECT action FROM audit_log WHERE entity_type = 'applicationAssignment' AND changes->>'applicationId' = $1 AND changes->>'purpose' = 'review' ORDER BY id`,
          [id],
        )
      ).map((r: { action: string }) => r.action);
      expect(actions).toEqual(['assignment.create', 'assignment.reassign', 'assignment.create']);
      const [conflictAudit] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'conflictOfInterest.declare' AND entity_id = $1`, [
        declared.body.id,
      ]);
      expect(conflictAudit.n).toBe(1);
      // a reviewer sees only their own assignments
      const mine = await api().get('/api/review-assignments').set(as(r4)).expect(200);
      expect(mine.body.every((a: { reviewerId: string }) => a.reviewerId === r4.user.id)).toBe(true);
    });

    it('revokes open assignments a new declaration forbids', async () => {
      const id = await underReview({ applicantName: '株式会社みなと商事' });
      const x = await assignTo(id, r2);
      const res = await api()
        .post('/api/conflicts-of-interest')
        .set(as(s.manager))
        .send({ reviewerId: r2.user.id, kind: 'organisation', value: '(株)みなと商事' })
        .expect(201);
      expect(res.body.revokedAssignments).toBe(1);
      expect((await api().get(`/api/review-assignments/${x}`).set(as(s.manager)).expect(200)).body.state).toBe('revoked');
    });

    it('takes a reviewer who is deactivated, or given another role, off their open assignments (audited), so they are filled again', async () => {
      const [r4, r5] = await Promise.all([
        login(t, 'reviewer4@jimukyoku.example.jp', DEMO_PASSWORD),
        login(t, 'reviewer5@jimukyoku.example.jp', DEMO_PASSWORD),
      ]);
      const id = await underReview();
      const [byR4, byR5] = [await assignTo(id, r4), await assignTo(id, r5)];
      const stateOf = async (x: string) => (await api().get(`/api/review-assignments/${x}`).set(as(s.manager)).expect(200)).body.state;
      const [open] = await db.query(
        `SELECT count(*)::int AS n FROM application_assignment WHERE reviewer_id = $1 AND revoked_at IS NULL AND submitted_at IS NULL`,
        [r4.user.id],
      );
      try {
        await api().put(`/api/users/${r4.user.id}`).set(as(s.admin)).send({ active: false }).expect(200);
        await api().put(`/api/users/${r5.user.id}`).set(as(s.admin)).send({ role: 'auditor' }).expect(200);
        expect([await stateOf(byR4), await stateOf(byR5)]).toEqual(['revoked', 'revoked']);
        const reasons = await db.query(
          `SELECT entity_id, changes->>'reason' AS reason FROM audit_log WHERE action = 'assignment.revoke' AND entity_id = ANY($1)`,
          [[byR4, byR5]],
        );
        expect(Object.fromEntries(reasons.map((r: { entity_id: string; reason: string }) => [r.entity_id, r.reason]))).toEqual({
          [byR4]: '審査員のアカウントが無効化されたため',
          [byR5]: '審査員以外の役割に変更されたため',
        });
        const [account] = await db.query(`SELECT changes FROM audit_log WHERE action = 'user.deactivated' AND entity_id = $1`, [r4.user.id]);
        expect(account.changes).toMatchObject({ active: { from: true, to: false }, revokedAssignments: open.n });
        expect(open.n).toBeGreaterThan(0);
      } finally {
        // back at work, they are assigned afresh, as anyone else (the revoked stay revoked)
        await api().put(`/api/users/${r4.user.id}`).set(as(s.admin)).send({ active: true }).expect(200);
        await api().put(`/api/users/${r5.user.id}`).set(as(s.admin)).send({ role: 'reviewer' }).expect(200);
      }
      expect(await stateOf(byR4)).toBe('revoked');
    });

    it('counts an assignment whose application was withdrawn neither as open, nor overdue, nor against the reviewer’s capacity', async () => {
      const id = await submitted();
      const x = await assignTo(id, r3, 'formalCheck');
      await db.query(`UPDATE application_assignment SET due_at = now() - interval '1 day' WHERE id = $1`, [x]);
      const board = async () =>
        (
          await api()
            .get(`/api/reviewers?filter=${encodeURIComponent(JSON.stringify({ id: [r3.user.id] }))}`)
            .set(as(s.manager))
            .expect(200)
        ).body[0];
      const before = await board();
      await asIntake(t, id, 'withdraw', '事業計画を見直すため');
      const after = await board();
      expect([after.openCount, after.overdueCount, after.openFormalChecks]).toEqual([
        before.openCount - 1,
        before.overdueCount - 1,
        before.openFormalChecks - 1,
      ]);
      expect((await api().get(`/api/review-assignments/${x}`).set(as(s.manager)).expect(200)).body.state).toBe('waiting');
      // a capacity its open work fills but for one: the withdrawn one does not take that place
      await api()
        .put(`/api/reviewers/${r3.user.id}`)
        .set(as(s.manager))
        .send({ reviewCapacity: after.openCount + 1 })
        .expect(200);
      try {
        await assignTo(await underReview(), r3);
      } finally {
        await api().put(`/api/reviewers/${r3.user.id}`).set(as(s.manager)).send({ reviewCapacity: 300 }).expect(200);
      }
    });

    it('refuses a 審査期限 already past, naming it in JST, and changes nothing', async () => {
      const id = await underReview();
      const past = '2022-04-01T18:00:00+09:00';
      const before = (await db.query(`SELECT count(*)::int AS n FROM application_assignment`))[0].n;
      const created = await api()
        .post('/api/review-assignments')
        .set(as(s.manager))
        .send({ applicationId: id, reviewerId: r2.user.id, dueAt: past })
        .expect(400);
      expect(created.body.code).toBe('VALIDATION_FAILED');
      expect(created.body.errors).toEqual([
        { field: 'dueAt', message: '審査期限 (2022年4月1日(金) 18:00:00) が過ぎています。これから先の日時を指定してください' },
      ]);
      await api().post(`/api/rounds/${round.id}/assignments/auto`).set(as(s.manager)).send({ dueAt: past }).expect(400);
      expect((await db.query(`SELECT count(*)::int AS n FROM application_assignment`))[0].n).toBe(before);

      const x = await assignTo(id, r2);
      const [{ due_at: due }] = await db.query(`SELECT due_at FROM application_assignment WHERE id = $1`, [x]);
      const moved = await api().put(`/api/review-assignments/${x}`).set(as(s.manager)).send({ dueAt: past }).expect(400);
      expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'dueAt' })]);
      expect((await db.query(`SELECT due_at FROM application_assignment WHERE id = $1`, [x]))[0].due_at).toEqual(due);
      const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
      await api().put(`/api/review-assignments/${x}`).set(as(s.manager)).send({ dueAt: later }).expect(200);
    });

    it('reports what automatic assignment could not fill, with the reason', async () => {
      const lonely = await openRound(t);
      const category = await categoryByCode(t, lonely, 'restructuring.standard');
      const app = await createDraft(
        t,
        draftInput(lonely, category, { corporateNumber: corporateNumber(), certifiedAdvisor: { name: '中小企業診断協会', id: 'A' } }),
      );
      await asIntake(t, app.id, 'submit');
      await db.query(`UPDATE application SET status = 'underReview' WHERE id = $1`, [app.id]);
      await db.query(
        `UPDATE staff_user SET review_capacity = 0 WHERE role = 'reviewer' AND email NOT IN ('reviewer@jimukyoku.example.jp', 'reviewer4@jimukyoku.example.jp', 'reviewer5@jimukyoku.example.jp')`,
      );
      try {
        const res = await api().post(`/api/rounds/${lonely.id}/assignments/auto`).set(as(s.manager)).send({ purpose: 'review' }).expect(200);
        // reviewer and reviewer4 belong to 中小企業診断協会: only reviewer5 can take it
        expect(res.body.assigned).toBe(1);
        expect(res.body.unfilled).toEqual([expect.objectContaining({ applicationId: app.id, missing: 2, applicantName: app.applicantName })]);
        expect(res.body.unfilled[0].reason).toMatch(/審査員/);
      } finally {
        await db.query(`UPDATE staff_user SET review_capacity = 300 WHERE role = 'reviewer'`);
      }
    });
  });

  describe('bad input', () => {
    it('is answered with a 4xx and a Japanese message a person can act on, never a 500', async () => {
      const [rubric] = await db.query(`SELECT id FROM review_rubric WHERE round_id = $1 AND category_id = $2`, [round.id, categoryId]);
      const id = await underReview();
      const x = await assignTo(id, r3.user.id === s.reviewer.user.id ? r2 : s.reviewer);
      const cases: [string, () => Promise<{ status: number; body: { message?: string } }>][] = [
        ['rubric criteria not a list', () => api().put(`/api/review-rubrics/${rubric.id}`).set(as(s.manager)).send({ criteria: 'x' })],
        ['rubric threshold negative', () => api().put(`/api/review-rubrics/${rubric.id}`).set(as(s.manager)).send({ disagreementThreshold: -1 })],
        ['rubric id not a uuid', () => api().put('/api/review-rubrics/nope').set(as(s.manager)).send({ reviewDays: 3 })],
        [
          'score not a number',
          () =>
            api()
              .put(`/api/score-sheets/${x}`)
              .set(as(s.reviewer))
              .send({ scores: { commercialization: 'abc' } }),
        ],
        [
          'score not an object',
          () =>
            api()
              .put(`/api/score-sheets/${x}`)
              .set(as(s.reviewer))
              .send({ scores: [1, 2] }),
        ],
        [
          'unknown criterion',
          () =>
            api()
              .put(`/api/score-sheets/${x}`)
              .set(as(s.reviewer))
              .send({ scores: { nothing: 1 } }),
        ],
        [
          'criterion named __proto__ (once dropped unseen)',
          () => api().put(`/api/score-sheets/${x}`).set(as(s.reviewer)).set('Content-Type', 'application/json').send('{"scores": {"__proto__": 5}}'),
        ],
        ['auto-assign purpose', () => api().post(`/api/rounds/${round.id}/assignments/auto`).set(as(s.manager)).send({ purpose: 'x' })],
        ['auto-assign naive due date', () => api().post(`/api/rounds/${round.id}/assignments/auto`).set(as(s.manager)).send({ dueAt: '2022-04-01T18:00:00' })],
        ['auto-assign unknown round', () => api().post('/api/rounds/00000000-0000-4000-8000-000000000000/assignments/auto').set(as(s.manager)).send({})],
        [
          'assignment of nobody',
          () => api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId: id, reviewerId: '00000000-0000-4000-8000-000000000000' }),
        ],
        ['decision without fingerprint', () => api().post(`/api/rounds/${round.id}/decisions`).set(as(s.manager)).send({ categoryId })],
        ['ranking quota not a number', () => api().get(`/api/rounds/${round.id}/ranking`).query({ categoryId, quota: 'many' }).set(as(s.manager))],
        ['export format', () => api().get(`/api/rounds/${round.id}/exports/adopted`).query({ format: 'pdf' }).set(as(s.manager))],
        ['conflict kind', () => api().post('/api/conflicts-of-interest').set(as(s.manager)).send({ reviewerId: r2.user.id, kind: 'friend', value: 'x' })],
        ['formal check answers not a list', () => api().put(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).send({ answers: 'all fine' })],
        ['formal check outcome', () => api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'maybe' })],
        ['reopen without a sheet', () => api().post(`/api/score-sheets/${x}/reopen`).set(as(s.manager)).send({ reason: '確認' })],
      ];
      for (const [what, call] of cases) {
        const res = await call();
        expect({ what, status: res.status >= 400 && res.status < 500 }).toEqual({ what, status: true });
        expect({ what, japanese: /[ぁ-んァ-ン一-龥]/.test(res.body.message ?? '') }).toEqual({ what, japanese: true });
      }
    });
  });
});
