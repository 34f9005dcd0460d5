import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument } from '../src/openapi/setup-openapi';
import { DEMO_PASSWORD } from '../src/seed/staff-accounts.seed';
import { closeRound } from './application-fixtures';
import { login, type LoggedIn } from './auth-helpers';
import { AnswerLog, groupOperations, undeclaredSuccesses } from './answer-groups';
import { bearer, FULL, startReviewDesk, type ReviewDesk } from './review-fixtures';

/** The reviewer's desk and the decisions: the routes whose success bodies review-answers checks (README "API conventions"). */
const GROUP = [
  /^\/api\/review-rubrics/,
  /^\/api\/reviewers/,
  /^\/api\/conflicts-of-interest/,
  /^\/api\/review-assignments/,
  /^\/api\/rounds\/\{roundId\}\/assignments\/auto$/,
  /^\/api\/score-sheets/,
  /^\/api\/applications\/\{id\}\/reviews$/,
  /^\/api\/applications\/\{id\}\/formal-check/,
  /^\/api\/rounds\/\{roundId\}\/(ranking|decisions|exports\/(adopted|scores))$/,
  /^\/api\/pipeline/,
];
const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const FILES = {
  'get /api/rounds/{roundId}/exports/adopted 200': FILE_TYPES,
  'get /api/rounds/{roundId}/exports/scores 200': FILE_TYPES,
};

/**
 * The reviewer's desk and the decisions answer as their OpenAPI document says (the answers DTO files in the dto/ of rubrics,
 * reviewers, assignments, scoring, formal-check, adoption and pipeline): every success body of a real exchange — a
 * rubric set up, reviewers and their conflicts, a 要件確認, assignments by hand and automatically, score sheets saved,
 * submitted, reopened and resubmitted, the reviews, the ranking before and after a committed decision, the exports,
 * the dashboard and a 催促 — conforms to its route's declared schema, with no key the document does not name.
 */
describe('the reviewer’s desk and the decisions answer as their OpenAPI document says', () => {
  let d: ReviewDesk;
  let doc: OpenAPIObject;
  const answers = new AnswerLog();
  const { complaints, exercised, conforms, check } = answers;
  const http = () => d.t.http();

  beforeAll(async () => {
    d = await startReviewDesk('review_answers');
    doc = buildOpenApiDocument(d.t.app);
    answers.use(doc);
  }, 120_000);
  afterAll(() => d?.t.close());

  it('declares a JSON schema (or, for an export, its file types) for every success of the group', () => {
    expect(groupOperations(doc, GROUP)).toHaveLength(32);
    expect(undeclaredSuccesses(doc, GROUP, FILES)).toEqual([]);
  });

  it('answers every operation of the group as declared, through a whole review', async () => {
    const { staff, round, categoryId } = d;
    const manager = bearer(staff.manager);

    // 審査基準: listed (created for the round's categories), read, changed
    const rubrics = await http()
      .get('/api/review-rubrics')
      .query({ filter: JSON.stringify({ roundId: round.id }) })
      .set(manager)
      .expect(200);
    conforms('get', '/api/review-rubrics', rubrics);
    const rubric = rubrics.body.find((r: { categoryId: string }) => r.categoryId === categoryId);
    conforms('get', '/api/review-rubrics/{id}', await http().get(`/api/review-rubrics/${rubric.id}`).set(manager).expect(200));
    const changed = await http()
      .put(`/api/review-rubrics/${rubric.id}`)
      .set(manager)
      .send({ reviewersPerApplication: 2, disagreementThreshold: 5, extraReviewerOnDisagreement: false })
      .expect(200);
    conforms('put', '/api/review-rubrics/{id}', changed);
    // sent back as read: no new version (which would drop its cached rankings) and no audit record
    const records = async () =>
      (await d.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'reviewRubric.update'`, [rubric.id]))[0].n;
    const recorded = await records();
    const echoed = await http()
      .put(`/api/review-rubrics/${rubric.id}`)
      .set(manager)
      .send({ criteria: changed.body.criteria, bonusItems: changed.body.bonusItems, reviewersPerApplication: 2, disagreementThreshold: 5 })
      .expect(200);
    expect(echoed.body.version).toBe(changed.body.version);
    expect(await records()).toBe(recorded);
    // a key a criterion does not have is refused, not stored and answered outside the document
    const misspelt = await http()
      .put(`/api/review-rubrics/${rubric.id}`)
      .set(manager)
      .send({ criteria: rubric.criteria.map((c: object, i: number) => (i === 0 ? { ...c, maxscore: 5 } : c)), bonusItems: rubric.bonusItems })
      .expect(400);
    expect(misspelt.body.errors).toEqual([expect.objectContaining({ field: 'criteria[0].maxscore' })]);
    expect((await http().get(`/api/review-rubrics/${rubric.id}`).set(manager).expect(200)).body.criteria).toEqual(rubric.criteria);

    // 審査員 and their load
    const reviewers = await http()
      .get('/api/reviewers')
      .query({ filter: JSON.stringify({ roundId: round.id }) })
      .set(manager)
      .expect(200);
    conforms('get', '/api/reviewers', reviewers);
    const r3 = d.reviewer3.user.id;
    conforms('get', '/api/reviewers/{id}', await http().get(`/api/reviewers/${r3}`).set(manager).expect(200));
    conforms('put', '/api/reviewers/{id}', await http().put(`/api/reviewers/${r3}`).set(manager).send({ reviewCapacity: 40 }).expect(200));

    // 要件確認 by hand: assigned, read, saved, completed (適)
    const a = await d.submitted();
    const checker = await http()
      .post('/api/review-assignments')
      .set(manager)
      .send({ applicationId: a, reviewerId: staff.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
    conforms('post', '/api/review-assignments', checker);
    const asChecker = bearer(staff.reviewer);
    const checklist = await http().get(`/api/applications/${a}/formal-check`).set(asChecker).expect(200);
    conforms('get', '/api/applications/{id}/formal-check', checklist);
    const answers = checklist.body.items.map((i: { code: string; passNeedsReason?: boolean }) => ({
      code: i.code,
      passed: true,
      ...(i.passNeedsReason ? { overrideReason: '売上高の減少を書面で確認した' } : {}),
    }));
    const saved = await http()
      .put(`/api/applications/${a}/formal-check`)
      .set(asChecker)
      .send({ answers: [{ ...answers[0], comment: '確認済み' }] })
      .expect(200);
    conforms('put', '/api/applications/{id}/formal-check', saved);
    const completed = await http().post(`/api/applications/${a}/formal-check/complete`).set(asChecker).send({ outcome: 'pass', answers }).expect(200);
    conforms('post', '/api/applications/{id}/formal-check/complete', completed);

    // 書面審査: a second application, both assigned automatically to two reviewers each
    const b = await d.underReview();
    const auto = await http().post(`/api/rounds/${round.id}/assignments/auto`).set(manager).send({ purpose: 'review' }).expect(200);
    conforms('post', '/api/rounds/{roundId}/assignments/auto', auto);
    expect(auto.body.assigned).toBe(4);
    const reviewsOf = async (applicationId: string) =>
      (
        await http()
          .get('/api/review-assignments')
          .query({ filter: JSON.stringify({ applicationId, purpose: 'review' }) })
          .set(manager)
          .expect(200)
      ).body as { id: string; reviewerId: string }[];
    const board = await http().get('/api/review-assignments').set(manager).expect(200);
    conforms('get', '/api/review-assignments', board);
    const [x1, x2] = await reviewsOf(b);
    conforms('get', '/api/review-assignments/{id}', await http().get(`/api/review-assignments/${x1.id}`).set(manager).expect(200));
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString();
    conforms('put', '/api/review-assignments/{id}', await http().put(`/api/review-assignments/${x1.id}`).set(manager).send({ dueAt: due }).expect(200));
    conforms('delete', '/api/review-assignments/{id}', await http().delete(`/api/review-assignments/${x2.id}`).set(manager).expect(200));

    // 催促 of the reviewer whose assignment of b is overdue, and the dashboard
    await d.db.query(`UPDATE application_assignment SET due_at = now() - interval '1 day' WHERE id = $1`, [x1.id]);
    const remind = await http().post(`/api/pipeline/rounds/${round.id}/reviewers/${x1.reviewerId}/remind`).set(manager).expect(201);
    conforms('post', '/api/pipeline/rounds/{roundId}/reviewers/{reviewerId}/remind', remind);
    conforms('get', '/api/pipeline', await http().get('/api/pipeline').set(manager).expect(200));

    // 利益相反: declared, listed, read, revoked
    const declared = await http()
      .post('/api/conflicts-of-interest')
      .set(manager)
      .send({ reviewerId: r3, kind: 'corporateNumber', value: '9234567890123', note: '元勤務先' })
      .expect(201);
    conforms('post', '/api/conflicts-of-interest', declared);
    conforms('get', '/api/conflicts-of-interest', await http().get('/api/conflicts-of-interest').set(manager).expect(200));
    conforms('get', '/api/conflicts-of-interest/{id}', await http().get(`/api/conflicts-of-interest/${declared.body.id}`).set(manager).expect(200));
    conforms('delete', '/api/conflicts-of-interest/{id}', await http().delete(`/api/conflicts-of-interest/${declared.body.id}`).set(manager).expect(200));

    // 採点票 of a: saved, submitted by both (the last completes the 書面審査), one reopened and resubmitted
    const sheetsOfA = await reviewsOf(a);
    expect(sheetsOfA).toHaveLength(2);
    const scorers: LoggedIn[] = [];
    for (const x of sheetsOfA) {
      const [{ email }] = await d.db.query(`SELECT email FROM staff_user WHERE id = $1`, [x.reviewerId]);
      scorers.push(await login(d.t, email, DEMO_PASSWORD));
    }
    const full = { scores: FULL, confirmedBonus: ['wageIncreaseBonus'], comments: { policy: '政策との整合は十分' }, overallComment: '実現性が高い' };
    for (const [k, x] of sheetsOfA.entries()) {
      const who = bearer(scorers[k]);
      conforms('get', '/api/score-sheets', await http().get('/api/score-sheets').set(who).expect(200));
      conforms('get', '/api/score-sheets/{id}', await http().get(`/api/score-sheets/${x.id}`).set(who).expect(200));
      conforms(
        'put',
        '/api/score-sheets/{id}',
        await http()
          .put(`/api/score-sheets/${x.id}`)
          .set(who)
          .send({ scores: { commercialization: 3 } })
          .expect(200),
      );
      const submitted = await http().post(`/api/score-sheets/${x.id}/submit`).set(who).send(full).expect(200);
      conforms('post', '/api/score-sheets/{id}/submit', submitted);
      expect(submitted.body.completion).toBe(k === 0 ? 'pending' : 'completed');
    }
    const reopened = await http().post(`/api/score-sheets/${sheetsOfA[1].id}/reopen`).set(manager).send({ reason: '加点の確認漏れ' }).expect(200);
    conforms('post', '/api/score-sheets/{id}/reopen', reopened);
    conforms(
      'post',
      '/api/score-sheets/{id}/submit',
      await http().post(`/api/score-sheets/${sheetsOfA[1].id}/submit`).set(bearer(scorers[1])).send(full).expect(200),
    );
    conforms('get', '/api/applications/{id}/reviews', await http().get(`/api/applications/${a}/reviews`).set(manager).expect(200));
    conforms('get', '/api/applications/{id}/reviews', await http().get(`/api/applications/${a}/reviews`).set(bearer(scorers[0])).expect(200));

    // 順位 and the simulator, 採択の確定 after the 応募締切, the history, the ranking as committed
    const ranking = () => http().get(`/api/rounds/${round.id}/ranking`).query({ categoryId, waitlistCount: 1 }).set(manager).expect(200);
    const before = await ranking();
    conforms('get', '/api/rounds/{roundId}/ranking', before);
    expect(before.body.committed).toBeNull();
    await closeRound(d.t, round);
    const decision = await http()
      .post(`/api/rounds/${round.id}/decisions`)
      .set(manager)
      .send({ categoryId, waitlistCount: 1, fingerprint: before.body.fingerprint })
      .expect(201);
    conforms('post', '/api/rounds/{roundId}/decisions', decision);
    conforms('get', '/api/rounds/{roundId}/decisions', await http().get(`/api/rounds/${round.id}/decisions`).set(manager).expect(200));
    const after = await ranking();
    conforms('get', '/api/rounds/{roundId}/ranking', after);
    expect(after.body.committed.decision.id).toBe(decision.body.id);

    // the exports answer the file types they declare
    for (const path of ['/api/rounds/{roundId}/exports/adopted', '/api/rounds/{roundId}/exports/scores'])
      for (const format of [undefined, 'csv', 'xlsx']) {
        const file = await http()
          .get(path.replace('{roundId}', round.id))
          .query(format ? { format } : {})
          .set(manager)
          .buffer(true)
          .parse((res, done) => {
            res.on('data', () => undefined);
            res.on('end', () => done(null, null));
          })
          .expect(200);
        const declaredTypes = Object.keys((doc.paths[path].get!.responses['200'] as ResponseObject).content ?? {});
        expect(declaredTypes).toContain(String(file.headers['content-type']).split(';')[0]);
        exercised.add(`get ${path}`);
      }

    expect(complaints).toEqual([]);
    expect([...exercised].sort()).toEqual(
      groupOperations(doc, GROUP)
        .map((o) => o.key)
        .sort(),
    );
  }, 120_000);

  it('holds a nullable nested object to its schema when it is not null', () => {
    const stray = check('get', '/api/rounds/{roundId}/ranking', 200, { committed: { decision: { id: 'x' }, extra: 1 } });
    expect(stray.join('\n')).toMatch(/must NOT have additional properties .*extra/);
    expect(stray.join('\n')).toMatch(/must have required property 'fingerprint'/);
  });
});
