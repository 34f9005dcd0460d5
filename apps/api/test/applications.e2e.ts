import { DataSource } from 'typeorm';
import { asTransaction } from '../src/database';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import type { Round } from '../src/modules/rounds/round.entity';
import { APPLICATION_LIST_FIELDS } from '../src/modules/applications/application-list.repository';
import { asIntake, assign, categoryByCode, createDraft, draftInput, openRound, recordFormalCheck, submitAllReviews } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import { formatJst, jstDate } from '@jimukyoku/domain';

describe('the application lifecycle', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  const as = (who: keyof typeof s) => ({ Authorization: `Bearer ${s[who].token}` });
  const fire = (who: keyof typeof s, id: string, name: string, body: object = {}) =>
    t.http().post(`/api/applications/${id}/transitions/${name}`).set(as(who)).send(body);
  const auditOf = (id: string) =>
    db.query(`SELECT action, from_status, to_status, reason, actor_role FROM audit_log WHERE entity_type = 'application' AND entity_id = $1 ORDER BY id`, [id]);
  const notificationsOf = (id: string) =>
    db.query(`SELECT template, status, recipient FROM notification WHERE application_id = $1 ORDER BY created_at, id`, [id]);
  const newDraft = async (overrides = {}) => createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), overrides));

  beforeAll(async () => {
    t = await startTestApp({ label: 'lifecycle' });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
  });
  afterAll(() => t?.close());

  it('walks a 補助金 application from 下書き to 支払済, with 差戻し ⇄ 再提出, one audit record per step', async () => {
    const draft = await newDraft();
    expect(draft).toMatchObject({ status: 'draft', workflowCode: 'subsidy', workflowVersion: 1, quotedAmount: 20_000_000 });
    await assign(t, draft.id, s.reviewer.user.id);

    await asIntake(t, draft.id, 'submit');
    expect((await db.query(`SELECT locked_at FROM rule_set WHERE id = $1`, [round.ruleSetId]))[0].locked_at).not.toBeNull();
    await fire('reviewer', draft.id, 'startFormalCheck').expect(200);
    const returned = await fire('reviewer', draft.id, 'returnForCorrection', { reason: '認定支援機関の確認書が添付されていません' }).expect(200);
    expect(returned.body.application.status).toBe('returned');
    expect(Date.parse(returned.body.application.correctionDueAt) - Date.now()).toBeGreaterThan(9 * 86_400_000);
    // the 補正期限 is a day: the end of the round's 10th day in Japan, not the second of the 差戻し ten days on
    const due = new Date(returned.body.application.correctionDueAt);
    expect(formatJst(due)).toMatch(/ 23:59:59$/);
    expect(jstDate(due)).toBe(jstDate(new Date(Date.now() + 10 * 86_400_000)));
    await asIntake(t, draft.id, 'resubmit');
    await fire('reviewer', draft.id, 'startFormalCheck').expect(200);
    await recordFormalCheck(t, draft.id, true);
    await fire('reviewer', draft.id, 'passFormalCheck').expect(200);
    await submitAllReviews(t, draft.id);
    await fire('manager', draft.id, 'completeReview').expect(200);
    // the round still takes applications: a single 採択 needs the manager's reason (adoption-safety.e2e.ts)
    const adopted = await fire('manager', draft.id, 'adopt', { reason: '締切前に個別に採択（テスト）' }).expect(200);
    expect(adopted.body.application.statusLabel).toBe('採択（交付候補者）');

    // 採択発表 passes; the applicant files the 交付申請; the project runs to payment.
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 day' WHERE id = $1`, [round.id]);
    await asIntake(t, draft.id, 'applyForGrant');
    await fire('manager', draft.id, 'decideGrant').expect(200);
    await asIntake(t, draft.id, 'reportPerformance');
    await fire('manager', draft.id, 'startFinalInspection').expect(200);
    await fire('manager', draft.id, 'fixAmount').expect(200);
    const paid = await fire('manager', draft.id, 'pay').expect(200);
    expect(paid.body.application.status).toBe('paid');
    expect(Object.keys(paid.body.application.stamps)).toEqual(
      expect.arrayContaining(['submittedAt', 'returnedAt', 'resubmittedAt', 'decidedAt', 'grantDecidedAt', 'paidAt']),
    );

    const audit = await auditOf(draft.id);
    expect(audit.map((a: { to_status: string }) => a.to_status)).toEqual([
      'submitted',
      'formalCheck',
      'returned',
      'resubmitted',
      'formalCheck',
      'underReview',
      'reviewed',
      'adopted',
      'grantApplied',
      'grantDecided',
      'performanceReported',
      'finalInspection',
      'amountFixed',
      'paid',
    ]);
    expect(audit[2]).toMatchObject({
      action: 'application.returnForCorrection',
      from_status: 'formalCheck',
      reason: '認定支援機関の確認書が添付されていません',
      actor_role: 'reviewer',
    });
    const notes = await notificationsOf(draft.id);
    expect(notes.map((n: { template: string }) => n.template)).toEqual(
      expect.arrayContaining(['received', 'returned', 'resubmissionReceived', 'adopted', 'grantDecided', 'paid']),
    );
    expect(notes.find((n: { template: string }) => n.template === 'adopted').status).toBe('held');
    expect(notes.every((n: { recipient: string }) => n.recipient === 'applicant@example.jp')).toBe(true);

    const shown = await t.http().get(`/api/applications/${draft.id}`).set(as('manager')).expect(200);
    expect(shown.body.timeline).toHaveLength(14);
    expect(shown.body.transitions.map((x: { name: string }) => x.name)).toEqual([]);
  });

  it('lets the applicant withdraw with a reason, and nothing after', async () => {
    const app = await newDraft();
    await asIntake(t, app.id, 'submit');
    await expect(asIntake(t, app.id, 'withdraw')).rejects.toMatchObject({ response: { code: 'REASON_REQUIRED' } });
    const done = await asIntake(t, app.id, 'withdraw', '事業計画を見直すため');
    expect(done.application.status).toBe('withdrawn');
    const refused = await fire('manager', app.id, 'adopt').expect(409);
    expect(refused.body.code).toBe('TERMINAL_STATE');
    expect((await notificationsOf(app.id)).map((n: { template: string }) => n.template)).toEqual(['received', 'withdrawn']);
  });

  it('refuses a transition without changing anything: state, version, audit and outbox stay as they were', async () => {
    const app = await newDraft();
    await asIntake(t, app.id, 'submit');
    await assign(t, app.id, s.reviewer.user.id);
    const before = {
      row: (await db.query(`SELECT status, version FROM application WHERE id = $1`, [app.id]))[0],
      audit: (await auditOf(app.id)).length,
      notes: (await notificationsOf(app.id)).length,
    };

    const wrongRole = await fire('reviewer', app.id, 'adopt').expect(409);
    expect(wrongRole.body.code).toBe('NOT_ALLOWED_FROM_STATE');
    await fire('reviewer', app.id, 'startFormalCheck').expect(200);
    const noReason = await fire('reviewer', app.id, 'returnForCorrection', {}).expect(400);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED' });
    const guard = await fire('reviewer', app.id, 'passFormalCheck').expect(422);
    expect(guard.body.code).toBe('GUARD_FAILED');
    const role = await fire('manager', app.id, 'passFormalCheck').expect(403);
    expect(role.body.code).toBe('ROLE_NOT_ALLOWED');
    const unknown = await fire('manager', app.id, 'teleport').expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_TRANSITION');

    const after = (await db.query(`SELECT status, version FROM application WHERE id = $1`, [app.id]))[0];
    expect(after).toEqual({ status: 'formalCheck', version: before.row.version + 1 }); // only startFormalCheck applied
    expect((await auditOf(app.id)).length).toBe(before.audit + 1);
    expect((await notificationsOf(app.id)).length).toBe(before.notes);
  });

  it('lets exactly one of two concurrent transitions win; the loser gets 409 and the audit log shows one entry', async () => {
    const app = await newDraft();
    await asIntake(t, app.id, 'submit');
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);
    const [a, b] = await Promise.all([
      fire('manager', app.id, 'adopt', { reason: '個別に採択' }),
      fire('manager', app.id, 'reject', { reason: '予算の範囲外' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['STALE_VERSION', 'NOT_ALLOWED_FROM_STATE', 'TERMINAL_STATE']).toContain(loser.body.code);
    const decisions = (await auditOf(app.id)).filter((x: { action: string }) => ['application.adopt', 'application.reject'].includes(x.action));
    expect(decisions).toHaveLength(1);
    expect((await notificationsOf(app.id)).filter((n: { template: string }) => ['adopted', 'rejected'].includes(n.template))).toHaveLength(1);
  });

  /** A reviewed application adopted by the manager while another writer holds its row with `change` uncommitted (300 ms). */
  async function adoptWhileHeld(change: string) {
    const app = await newDraft();
    await asIntake(t, app.id, 'submit');
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);
    const other = db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`UPDATE application SET ${change} WHERE id = $1`, [app.id]);
    const pending = fire('manager', app.id, 'adopt', { reason: '個別に採択' }).then((r) => r);
    await new Promise((r) => setTimeout(r, 300));
    await other.commitTransaction();
    await other.release();
    return { id: app.id, res: await pending };
  }

  it('a transition waits for a writer holding the application and decides on what it committed: refused from the state it left, changing nothing', async () => {
    const { id, res } = await adoptWhileHeld(`status = 'rejected', version = version + 1`);
    expect(res.status).toBe(409);
    expect(['NOT_ALLOWED_FROM_STATE', 'TERMINAL_STATE']).toContain(res.body.code);
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status).toBe('rejected');
    expect((await auditOf(id)).filter((x: { action: string }) => x.action === 'application.adopt')).toHaveLength(0);
  });

  it('… and where what it committed still allows the transition, makes it on the application as it now stands (not 409 as stale)', async () => {
    const { id, res } = await adoptWhileHeld('version = version + 1');
    expect(res.status).toBe(200);
    expect((await db.query(`SELECT status, version FROM application WHERE id = $1`, [id]))[0]).toEqual({ status: 'adopted', version: 4 });
  });

  it('answers a stale expectedVersion with 409 and changes nothing', async () => {
    const app = await newDraft();
    await asIntake(t, app.id, 'submit');
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [app.id]);
    const res = await fire('manager', app.id, 'adopt', { expectedVersion: 1 }).expect(409);
    expect(res.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [app.id]))[0].status).toBe('reviewed');
  });

  it('hides applications a reviewer is not assigned to: 404, not 403, and absent from the list', async () => {
    const mine = await newDraft();
    const other = await newDraft();
    await assign(t, mine.id, s.reviewer.user.id);
    await t.http().get(`/api/applications/${mine.id}`).set(as('reviewer')).expect(200);
    const hidden = await t.http().get(`/api/applications/${other.id}`).set(as('reviewer')).expect(404);
    expect(hidden.body.code).toBe('APPLICATION_NOT_FOUND');
    await fire('reviewer', other.id, 'startFormalCheck').expect(404);
    const list = await t.http().get('/api/applications').query({ range: '[0,999]' }).set(as('reviewer')).expect(200);
    const ids = list.body.map((a: { id: string }) => a.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);
    await t.http().get(`/api/applications/${other.id}`).set(as('auditor')).expect(200);
  });

  it('lists with filters, free text over name / 法人番号 / 受付番号, sort and a total', async () => {
    const a = await newDraft({ applicantName: '有限会社さくら精機', prefecture: '沖縄県', receiptNumber: 'R-TEST-000123' });
    const byName = await t
      .http()
      .get('/api/applications')
      .query({ filter: JSON.stringify({ q: 'さくら' }) })
      .set(as('manager'))
      .expect(200);
    expect(byName.body.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(byName.headers['content-range']).toBe('applications 0-0/1');
    // a row carries the list's fields only: no 経費, 見積 or the applicant's contact details
    expect(Object.keys(byName.body[0]).sort()).toEqual([...APPLICATION_LIST_FIELDS, 'statusLabel'].sort());
    expect(byName.body[0]).toMatchObject({ applicantName: '有限会社さくら精機', prefecture: '沖縄県', receiptNumber: 'R-TEST-000123', status: 'draft' });
    const whole = await t.http().get(`/api/applications/${a.id}`).set(as('manager')).expect(200);
    expect(whole.body).toHaveProperty('email');
    expect(whole.body).toHaveProperty('expenses');
    const byNumber = await t
      .http()
      .get('/api/applications')
      .query({ filter: JSON.stringify({ q: a.corporateNumber }) })
      .set(as('manager'))
      .expect(200);
    expect(byNumber.body[0].id).toBe(a.id);
    const byReceipt = await t
      .http()
      .get('/api/applications')
      .query({ filter: JSON.stringify({ q: 'R-TEST-000123' }) })
      .set(as('manager'))
      .expect(200);
    expect(byReceipt.body[0].id).toBe(a.id);
    const filtered = await t
      .http()
      .get('/api/applications')
      .query({ filter: JSON.stringify({ prefecture: '沖縄県', status: ['draft'], roundId: round.id }), sort: '["applicantName","ASC"]' })
      .set(as('manager'))
      .expect(200);
    expect(filtered.body).toHaveLength(1);
    expect(filtered.body[0].statusLabel).toBe('下書き');
  });

  it('applies a bulk transition over 1,000 applications, all or nothing per application, with a result for each', async () => {
    const bulkRound = await openRound(t);
    const category = await categoryByCode(t, bulkRound, 'restructuring.standard');
    const ids: string[] = [];
    await db.transaction(async (m) => {
      const service = t.app.get((await import('../src/modules/applications/applications.service')).ApplicationsService);
      for (let i = 0; i < 1000; i++)
        ids.push((await service.createDraft(asTransaction(m), draftInput(bulkRound, category, { applicantName: `一括テスト${i}` }))).id);
    });
    // 990 are ready for the decision, 10 are still under review (the transition must refuse them).
    await db.query(`UPDATE application SET status = 'reviewed' WHERE round_id = $1`, [bulkRound.id]);
    await db.query(`UPDATE application SET status = 'underReview' WHERE id = ANY($1)`, [ids.slice(0, 10)]);

    const res = await t
      .http()
      .post('/api/applications/bulk-transitions')
      .set(as('manager'))
      .send({ transition: 'reject', reason: '予算の範囲を超えたため', filter: { roundId: bulkRound.id } })
      .expect(200);
    expect(res.body).toMatchObject({ total: 1000, succeeded: 990, failed: 10 });
    const failedIds = res.body.results
      .filter((r: { ok: boolean }) => !r.ok)
      .map((r: { id: string }) => r.id)
      .sort();
    expect(failedIds).toEqual(ids.slice(0, 10).sort());
    expect(res.body.results.find((r: { ok: boolean }) => !r.ok)).toMatchObject({ code: 'NOT_ALLOWED_FROM_STATE' });

    const [state] = await db.query(
      `SELECT count(*) FILTER (WHERE a.status = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE a.status = 'underReview')::int AS untouched,
              (SELECT count(*)::int FROM audit_log l WHERE l.action = 'application.reject' AND l.entity_id::uuid IN (SELECT id FROM application WHERE round_id = $1)) AS audits,
              (SELECT count(*)::int FROM notification n WHERE n.template = 'rejected' AND n.application_id IN (SELECT id FROM application WHERE round_id = $1)) AS notes
         FROM application a WHERE a.round_id = $1`,
      [bulkRound.id],
    );
    expect(state).toEqual({ rejected: 990, untouched: 10, audits: 990, notes: 990 });

    // an application listed twice, in either case, is one item (each copy was a transaction of its own)
    const twice = await t
      .http()
      .post('/api/applications/bulk-transitions')
      .set(as('manager'))
      .send({ transition: 'reject', reason: '重複', ids: [ids[0], ids[0].toUpperCase(), ids[0]] })
      .expect(200);
    expect(twice.body).toMatchObject({ total: 1, results: [{ id: ids[0] }] });
  });

  it('refuses a bulk operation naming no workflow’s transition up front (400), and names one missing from an application’s workflow by its label', async () => {
    const bulkRound = await openRound(t);
    const category = await categoryByCode(t, bulkRound, 'restructuring.standard');
    const { id } = await createDraft(t, draftInput(bulkRound, category));
    const before = (await db.query(`SELECT status, version FROM application WHERE id = $1`, [id]))[0];
    const unknown = await t
      .http()
      .post('/api/applications/bulk-transitions')
      .set(as('manager'))
      .send({ transition: 'nope', ids: [id] })
      .expect(400);
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_TRANSITION',
      message: '操作「nope」はどの手続にもありません。GET /api/workflows にある遷移名を指定してください。',
    });
    // the 給付金's 振込完了 on a 補助金: once 「操作「recordTransfer」は手続「…」にありません」, the internal name
    const other = await t
      .http()
      .post('/api/applications/bulk-transitions')
      .set(as('manager'))
      .send({ transition: 'recordTransfer', ids: [id] })
      .expect(200);
    expect(other.body.results).toEqual([
      { id, ok: false, code: 'UNKNOWN_TRANSITION', message: expect.stringMatching(/^この申請の手続には「[^a-zA-Z」]+」の操作がありません。$/) },
    ]);
    expect((await db.query(`SELECT status, version FROM application WHERE id = $1`, [id]))[0]).toEqual(before);
  });

  it('says which applications a bulk operation did when PostgreSQL goes away partway (503 BULK_INTERRUPTED), and a resend finishes it', async () => {
    const bulkRound = await openRound(t);
    const category = await categoryByCode(t, bulkRound, 'restructuring.standard');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createDraft(t, draftInput(bulkRound, category, { applicantName: `中断テスト${i}` }))).id);
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = ANY($1)`, [ids]);
    const send = () =>
      t.http().post('/api/applications/bulk-transitions').set(as('manager')).send({ transition: 'reject', reason: '予算の範囲を超えたため', ids });
    // the connection lost at the third application (each runs in its own transaction: the first two are committed)
    const transitions = t.app.get(TransitionsService);
    const fire = transitions.fire.bind(transitions);
    let calls = 0;
    const spy = jest.spyOn(transitions, 'fire').mockImplementation((...args) => {
      if (++calls === 3) return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), {}));
      return fire(...args);
    });
    try {
      const cut = await send().expect(503);
      expect(cut.headers['retry-after']).toBeDefined();
      expect(cut.body).toMatchObject({ code: 'BULK_INTERRUPTED', notAttempted: ids.slice(2) });
      expect(cut.body.results).toEqual([expect.objectContaining({ id: ids[0], ok: true }), expect.objectContaining({ id: ids[1], ok: true })]);
      expect(cut.body.message).toContain('実行済み2件はそのままです。残り3件は未処理');
    } finally {
      spy.mockRestore();
    }
    const statuses = async () =>
      (await db.query(`SELECT status FROM application WHERE id = ANY($1) ORDER BY applicant_name`, [ids])).map((r: { status: string }) => r.status);
    expect(await statuses()).toEqual(['rejected', 'rejected', 'reviewed', 'reviewed', 'reviewed']);
    // sent again: the rest is done, the first two are reported as no longer possible, nothing twice
    const again = await send().expect(200);
    expect(again.body).toMatchObject({ total: 5, succeeded: 3, failed: 2 });
    expect(await statuses()).toEqual(Array(5).fill('rejected'));
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.reject' AND entity_id = ANY($1)`, [ids]);
    expect(n).toBe(5);
  });

  it('checks a bulk operation’s filter as the list does: a misspelt key or a bad value is 400 and changes nothing, an empty match is 422', async () => {
    const audits = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
    const before = await audits();
    const bulk = (filter: unknown) =>
      t.http().post('/api/applications/bulk-transitions').set(as('manager')).send({ transition: 'markIneligible', reason: '要件不適合', filter });
    // 「roundID」 for roundId: left out, it selected every application the manager may see
    const misspelt = await bulk({ roundID: round.id, status: 'formalCheck' }).expect(400);
    expect(misspelt.body).toMatchObject({ code: 'INVALID_LIST_QUERY', errors: [{ field: 'filter.roundID' }] });
    expect(misspelt.body.message).toContain('filter に指定できる項目は');
    for (const filter of [{ roundId: 'not-a-uuid' }, { receivedFrom: 'garbage' }, { id: 'abc' }, { q: '\ud800' }])
      expect((await bulk(filter)).status).toBe(400);
    const none = await bulk({ roundId: round.id, q: '一致する申請のない検索語' }).expect(422);
    expect(none.body).toMatchObject({ code: 'BULK_NOTHING_MATCHED', message: '条件に一致する申請がありません。一覧で条件を確かめてください。' });
    expect(await audits()).toBe(before);
  });

  it('serves the round’s workflow as data and as a Mermaid diagram', async () => {
    const res = await t.http().get(`/api/rounds/${round.id}/workflow`).set(as('auditor')).expect(200);
    expect(res.body.definition).toMatchObject({ code: 'subsidy', version: 1 });
    expect(res.body.mermaid).toContain('stateDiagram-v2');
    expect(res.body.mermaid).toContain('draft : 下書き');
  });
});
