import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, itApplicationPayload, tempStorageDir, uploadRequired } from './intake-fixtures';

/**
 * IT導入補助金 (itSubsidy@1) from intake to 交付決定, as a secretariat runs it: the 交付申請 arrives through
 * the intake API, a checker is assigned to it (awaitsFormalCheck), completes the 要件確認 checklist in the
 * 交付申請 itself (no state of its own: the 適 is recorded, audited), and the manager's 交付決定 reads it
 * (decideGrant's formalCheckPassed, through the 交付決定額's route), its notice held until the round's fixed 交付決定日. A 不適 item
 * returns the 交付申請 (差戻し) from the checklist, the corrected one comes back (再提出) to the same checker.
 */
describe('IT導入補助金: 交付申請 → 要件確認 → 交付決定', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  const api = () => t.http();
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;

  const body = (attachmentIds: string[]) => itApplicationPayload(round, attachmentIds);
  const apply = async () => {
    const res = await api()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', randomUUID())
      .send(body(await uploadRequired(t, apiKey, ['businessPlan'])));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('grantApplied');
    return res.body as { id: string; receiptNumber: string };
  };
  const assignChecker = (applicationId: string) =>
    api().post('/api/review-assignments').set(as(s.manager)).send({ applicationId, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' });
  const checklist = async (id: string) => (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body;
  const complete = (id: string, outcome: string, answers: object[]) =>
    api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome, answers });
  const fire = (who: LoggedIn, id: string, transition: string, extra: object = {}) =>
    api().post(`/api/applications/${id}/transitions/${transition}`).set(as(who)).send(extra);
  /** the manager's 交付決定: its 交付決定額 computed from the 交付申請 (docs/post-award.md), never the bare transition */
  const decideGrant = (id: string) => api().post(`/api/applications/${id}/grant-decision`).set(as(s.manager)).send({});

  beforeAll(async () => {
    t = await startTestApp({ label: 'it_journey', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t, 'itIntroduction.r3-sup');
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('a checker is assigned to the 交付申請, passes the checklist (適), and the manager decides the grant', async () => {
    const app = await apply();
    // before the 要件確認 the manager cannot decide, and says why
    const early = await decideGrant(app.id);
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('要件確認が完了していません');

    await assignChecker(app.id).expect(201);
    const check = await checklist(app.id);
    expect(check).toMatchObject({ open: true, completed: false, status: 'grantApplied' });
    // the IT導入 checklist offers 適 (recorded for the 交付決定) and 差戻し, no 要件不適合
    expect(check.outcomes).toEqual([
      { outcome: 'pass', transition: null, label: '要件確認を完了（適）' },
      { outcome: 'return', transition: 'returnForCorrection', label: '差し戻す' },
    ]);
    const answers = check.items.map((i: { code: string; passNeedsReason?: boolean }) => ({
      code: i.code,
      passed: true,
      ...(i.passNeedsReason ? { overrideReason: '書面で確認した' } : {}),
    }));
    expect((await complete(app.id, 'ineligible', answers).expect(422)).body.code).toBe('FORMAL_CHECK_OUTCOME_NOT_OFFERED');

    const passed = await complete(app.id, 'pass', answers).expect(200);
    expect(passed.body).toMatchObject({ transition: null, formalCheck: { completed: true, passed: true, status: 'grantApplied' } });
    expect(await statusOf(app.id)).toBe('grantApplied');
    const [audit] = await db.query(`SELECT actor_id, from_status, to_status, changes FROM audit_log WHERE entity_id = $1 AND action = 'formalCheck.passed'`, [
      app.id,
    ]);
    expect(audit).toMatchObject({
      actor_id: s.reviewer.user.id,
      from_status: 'grantApplied',
      to_status: 'grantApplied',
      changes: { status: 'grantApplied', formalCheck: { outcome: 'pass', failedItems: [] } },
    });
    // the checker's work is done
    const [assignment] = await db.query(`SELECT submitted_at FROM application_assignment WHERE application_id = $1 AND purpose = 'formalCheck'`, [app.id]);
    expect(assignment.submitted_at).not.toBeNull();

    const decided = await decideGrant(app.id).expect(200);
    expect(decided.body).toMatchObject({ status: 'grantDecided', amounts: { grantAmount: 450_000 } });
    // the 交付決定 notice waits for the round's fixed 交付決定日 (announcementAt), as the definition holds it
    const [notice] = await db.query(`SELECT status FROM notification WHERE application_id = $1 AND template = 'grantDecided'`, [app.id]);
    expect(notice.status).toBe('held');
    // IT導入 has no 採択: the dashboard counts none, though the subsidy flow's grantApplied/grantDecided hold slots
    const pipeline = await api().get('/api/pipeline').set(as(s.manager)).expect(200);
    const card = (pipeline.body.rounds ?? pipeline.body).find((r: { roundId: string }) => r.roundId === round.id);
    expect(card.categories.map((c: { adopted: number }) => c.adopted)).toEqual(card.categories.map(() => 0));
    expect(card.states).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'grantDecided', count: 1 })]));
  });

  it('差戻し from the checklist, 再提出 by the applicant, then the same checker passes it and the grant is decided', async () => {
    const app = await apply();
    await assignChecker(app.id).expect(201);
    const check = await checklist(app.id);
    const answers = check.items.map((i: { code: string; passNeedsReason?: boolean }, n: number) => ({
      code: i.code,
      passed: n !== 0,
      ...(n === 0 ? { comment: '事業計画書の頁が欠けています' } : {}),
      ...(i.passNeedsReason && n !== 0 ? { overrideReason: '書面で確認した' } : {}),
    }));
    const returned = await complete(app.id, 'return', answers).expect(200);
    expect(returned.body.transition).toMatchObject({ from: 'grantApplied', to: 'returned' });
    const [row] = await db.query(`SELECT correction_due_at FROM application WHERE id = $1`, [app.id]);
    expect(row.correction_due_at).not.toBeNull();
    const [mail] = await db.query(`SELECT payload->>'reason' AS reason FROM notification WHERE application_id = $1 AND template = 'returned'`, [app.id]);
    expect(mail.reason).toContain('事業計画書の頁が欠けています');
    // the checklist waits on the applicant; the manager cannot decide a returned 交付申請
    expect((await checklist(app.id)).open).toBe(false);
    await decideGrant(app.id).expect(409);

    await api()
      .post(`/api/intake/applications/${app.id}/resubmission`)
      .set('X-Api-Key', apiKey)
      .send(body(await uploadRequired(t, apiKey, ['businessPlan'])))
      .expect(200);
    expect(await statusOf(app.id)).toBe('resubmitted');
    // the checklist is open again for its checker; the earlier 不適 blocks the 交付決定 until it is passed
    expect((await checklist(app.id)).open).toBe(true);
    expect((await decideGrant(app.id).expect(422)).body.message).toContain('要件確認');
    await complete(
      app.id,
      'pass',
      answers.map((a: { code: string }) => ({ ...a, passed: true, comment: undefined })),
    ).expect(200);
    await decideGrant(app.id).expect(200);
    expect(await statusOf(app.id)).toBe('grantDecided');
  });

  it('a 適 given before a 差戻し does not decide the 再提出: the corrected 交付申請 is checked again', async () => {
    const app = await apply();
    await assignChecker(app.id).expect(201);
    const passAll = (c: { items: { code: string; passNeedsReason?: boolean }[] }) =>
      c.items.map((i) => ({ code: i.code, passed: true, ...(i.passNeedsReason ? { overrideReason: '書面で確認した' } : {}) }));
    await complete(app.id, 'pass', passAll(await checklist(app.id))).expect(200);
    const checkerWork = async () =>
      (await db.query(`SELECT submitted_at IS NULL AS open FROM application_assignment WHERE application_id = $1 AND purpose = 'formalCheck'`, [app.id])).map(
        (r: { open: boolean }) => r.open,
      );
    expect(await checkerWork()).toEqual([false]);
    // returned after the 適 (the checker's 差戻し by the transition), then corrected upwards: 6,000,000円 of software
    await fire(s.reviewer, app.id, 'returnForCorrection', { reason: '見積書の金額を確認してください' }).expect(200);
    const corrected = {
      ...body(await uploadRequired(t, apiKey, ['businessPlan'])),
      expenses: [{ expenseType: 'software', amount: 6_000_000, description: '会計ソフト一式' }],
    };
    await api().post(`/api/intake/applications/${app.id}/resubmission`).set('X-Api-Key', apiKey).send(corrected).expect(200);
    const [row] = await db.query(`SELECT status, quoted_amount::int AS amount FROM application WHERE id = $1`, [app.id]);
    expect(row).toEqual({ status: 'resubmitted', amount: 3_500_000 });

    // the 要件確認 is open again and shows no completed check; the 交付決定 waits for it
    const reopened = await checklist(app.id);
    expect(reopened).toMatchObject({ open: true, completed: false, passed: null, checkedBy: null, checkedAt: null });
    // and it is the checker's open work again
    expect(await checkerWork()).toEqual([true]);
    const refused = await decideGrant(app.id).expect(422);
    expect(refused.body.message).toContain('要件確認が完了していません');
    expect(await statusOf(app.id)).toBe('resubmitted');

    await complete(app.id, 'pass', passAll(reopened)).expect(200);
    expect(await checklist(app.id)).toMatchObject({ completed: true, passed: true });
    expect(await checkerWork()).toEqual([false]);
    await decideGrant(app.id).expect(200);
  });

  it('auto-assignment gives each IT導入 交付申請 a checker, and a subsidy 交付申請 (no 要件確認 there) none', async () => {
    const checkers = (id: string) =>
      db.query(`SELECT count(*)::int AS n FROM application_assignment WHERE application_id = $1 AND purpose = 'formalCheck'`, [id]).then((r) => r[0].n);
    const waiting = await apply();
    const res = await api().post(`/api/rounds/${round.id}/assignments/auto`).set(as(s.manager)).send({ purpose: 'formalCheck' }).expect(200);
    expect(res.body.assigned).toBeGreaterThanOrEqual(1);
    expect(await checkers(waiting.id)).toBe(1);

    // the same state code in the subsidy flow is after 採択: the union of codes would have assigned it
    const subsidyRound = await openRound(t);
    const subsidy = await createDraft(t, draftInput(subsidyRound, await categoryByCode(t, subsidyRound, 'restructuring.standard')));
    await db.query(`UPDATE application SET status = 'grantApplied' WHERE id = $1`, [subsidy.id]);
    await api().post(`/api/rounds/${subsidyRound.id}/assignments/auto`).set(as(s.manager)).send({ purpose: 'formalCheck' }).expect(200);
    expect(await checkers(subsidy.id)).toBe(0);
    await assignChecker(subsidy.id).expect(409);
  });
});
