import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { CloseUncorrectedJob, UNCORRECTED_REASON } from '../src/modules/schedules/close-uncorrected.job';
import { RemindCorrectionsJob } from '../src/modules/schedules/remind-corrections.job';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { corporateNumber, HALVED_SALES, openRound, PRE_CHECK } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired } from './intake-fixtures';

/**
 * 事業復活支援金 (benefit@1) with the 要件確認 checklist: its reviewers check the filed application (the
 * checklist is open at 申請済 and 再提出), the 適 starts the 審査 (startReview) towards the manager's
 * 給付決定, a 不適 item sends it back as 不備 (markDeficient) with the reason, and the 不備 runs a 補正期限
 * that the scheduler reminds of (correctionReminder) and closes as 不給付 once it has passed.
 */
describe('事業復活支援金: 申請 → 要件確認 → 審査 → 給付決定, and 不備 under the 補正期限 jobs', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  const api = () => t.http();
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const templatesOf = async (id: string) =>
    (await db.query(`SELECT template FROM notification WHERE application_id = $1 ORDER BY created_at, id`, [id])).map((n: { template: string }) => n.template);

  const payload = (attachmentIds: string[]) => ({
    roundId: round.id,
    categoryCode: 'recoveryBenefit.benefit',
    applicant: {
      kind: 'corporation',
      name: '株式会社すずらん食堂',
      corporateNumber: corporateNumber(),
      sizeClass: 'smallBusiness',
      employeeCount: 4,
      prefecture: '北海道',
      industry: 'service',
      email: 'owner@suzuran.example.jp',
    },
    benefit: HALVED_SALES,
    preCheck: PRE_CHECK,
    attachmentIds,
  });
  const apply = async () => {
    const body = payload(await uploadRequired(t, apiKey, ['salesEvidence']));
    const res = await api().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', randomUUID()).send(body).expect(201);
    expect(res.body.status).toBe('submitted');
    await api()
      .post('/api/review-assignments')
      .set(as(s.manager))
      .send({ applicationId: res.body.id, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
    return { id: res.body.id as string, body };
  };
  const checklist = async (id: string) => (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body;
  const answersOf = (check: { items: { code: string; passNeedsReason?: boolean }[] }, failing?: string) =>
    check.items.map((i) => ({
      code: i.code,
      passed: i.code !== failing,
      ...(i.code === failing ? { comment: '基準期間の売上台帳の写しが読み取れません' } : {}),
      ...(i.passNeedsReason && i.code !== failing ? { overrideReason: '書面で確認した' } : {}),
    }));
  const complete = (id: string, outcome: string, answers: object[]) =>
    api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome, answers });
  /** 不備 from the checklist, on the filed application */
  const deficient = async () => {
    const app = await apply();
    const check = await checklist(app.id);
    const res = await complete(app.id, 'return', answersOf(check, check.items[0].code)).expect(200);
    expect(res.body.transition).toMatchObject({ from: 'submitted', to: 'deficient' });
    return app;
  };

  beforeAll(async () => {
    t = await startTestApp({ label: 'benefit_journey', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t, 'recoveryBenefit.r3-sup');
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('the checklist’s 適 starts the 審査, and the manager decides the 給付', async () => {
    const app = await apply();
    const check = await checklist(app.id);
    expect(check).toMatchObject({ open: true, status: 'submitted' });
    // 給付金 wording, and no 要件不適合: the manager refuses with 不給付
    expect(check.outcomes).toEqual([
      { outcome: 'pass', transition: 'startReview', label: '審査を開始' },
      { outcome: 'return', transition: 'markDeficient', label: '不備として差し戻す' },
    ]);
    const passed = await complete(app.id, 'pass', answersOf(check)).expect(200);
    expect(passed.body.transition).toMatchObject({ from: 'submitted', to: 'underReview' });
    const [audit] = await db.query(`SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.startReview'`, [app.id]);
    expect(audit).toMatchObject({ actor_id: s.reviewer.user.id, changes: { formalCheck: { outcome: 'pass', failedItems: [] } } });

    const decided = await api().post(`/api/applications/${app.id}/transitions/decideBenefit`).set(as(s.manager)).send({}).expect(200);
    expect(decided.body.application.status).toBe('benefitDecided');
    expect(await templatesOf(app.id)).toEqual(['received', 'benefitDecided']);
  });

  it('the 審査 does not start by the bare transition before the checklist’s 適: 422 with the engine’s message, nothing written', async () => {
    const app = await apply();
    const bare = () => api().post(`/api/applications/${app.id}/transitions/startReview`).set(as(s.reviewer)).send({});
    const refused = async () => {
      const res = await bare().expect(422);
      expect(res.body).toMatchObject({ code: 'GUARD_FAILED', message: '要件確認が完了していません。' });
      expect(res.body.guardFailures).toContainEqual(expect.objectContaining({ code: 'FORMAL_CHECK_NOT_DONE' }));
      expect(await statusOf(app.id)).toBe('submitted');
      expect(await db.query(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'application.startReview'`, [app.id])).toEqual([]);
    };
    await refused();
    // answers saved, the checklist not completed: still no 審査
    const check = await checklist(app.id);
    await api()
      .put(`/api/applications/${app.id}/formal-check`)
      .set(as(s.reviewer))
      .send({ answers: answersOf(check) })
      .expect(200);
    await refused();
    // the 適 of the checklist starts it
    await complete(app.id, 'pass', answersOf(check)).expect(200);
    expect(await statusOf(app.id)).toBe('underReview');
  });

  it('不備 from the checklist carries the reason and a 補正期限; the corrected 申請 comes back to the checklist', async () => {
    const app = await deficient();
    const [row] = await db.query(`SELECT correction_due_at, now() AS now FROM application WHERE id = $1`, [app.id]);
    expect(new Date(row.correction_due_at).getTime()).toBeGreaterThan(new Date(row.now).getTime());
    const [mail] = await db.query(`SELECT payload->>'reason' AS reason FROM notification WHERE application_id = $1 AND template = 'deficient'`, [app.id]);
    expect(mail.reason).toContain('基準期間の売上台帳の写しが読み取れません');
    expect((await checklist(app.id)).open).toBe(false);

    await api()
      .post(`/api/intake/applications/${app.id}/resubmission`)
      .set('X-Api-Key', apiKey)
      .send({ ...app.body, attachmentIds: [], preCheck: undefined })
      .expect(200);
    expect(await statusOf(app.id)).toBe('resubmitted');
    const again = await checklist(app.id);
    expect(again.open).toBe(true);
    await complete(app.id, 'pass', answersOf(again)).expect(200);
    expect(await statusOf(app.id)).toBe('underReview');
  });

  it('a 適 before a 不備 is not the corrected 申請’s: the 再提出 reopens the 要件確認', async () => {
    const app = await apply();
    await complete(app.id, 'pass', answersOf(await checklist(app.id))).expect(200);
    expect(await statusOf(app.id)).toBe('underReview');
    // the 審査 finds what the checklist missed: 不備 by the transition, then the corrected 申請
    await api()
      .post(`/api/applications/${app.id}/transitions/markDeficient`)
      .set(as(s.reviewer))
      .send({ reason: '基準期間の売上台帳の写しを添付してください' })
      .expect(200);
    await api()
      .post(`/api/intake/applications/${app.id}/resubmission`)
      .set('X-Api-Key', apiKey)
      .send({ ...app.body, attachmentIds: [], preCheck: undefined })
      .expect(200);
    expect(await checklist(app.id)).toMatchObject({ open: true, completed: false, passed: null, checkedBy: null, status: 'resubmitted' });
    const again = await checklist(app.id);
    await complete(app.id, 'pass', answersOf(again)).expect(200);
    expect(await checklist(app.id)).toMatchObject({ completed: true, passed: true });
    expect(await statusOf(app.id)).toBe('underReview');
  });

  it('a 不備 is reminded before its 補正期限 and closed as 不給付 after it, once', async () => {
    const reminded = await deficient();
    const closed = await deficient();
    await db.query(`UPDATE application SET correction_due_at = now() + interval '24 hours' WHERE id = $1`, [reminded.id]);
    await db.query(`UPDATE application SET correction_due_at = now() - interval '1 minute' WHERE id = $1`, [closed.id]);

    const remind = t.app.get(RemindCorrectionsJob);
    await Promise.all([remind.handle(), remind.handle()]);
    await remind.handle();
    const reminders = await db.query(
      `SELECT application_id, payload FROM notification WHERE template = 'correctionReminder' AND application_id = ANY($1::uuid[])`,
      [[reminded.id, closed.id]],
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ application_id: reminded.id, payload: { reason: expect.stringContaining('売上台帳') } });

    const close = t.app.get(CloseUncorrectedJob);
    await Promise.all([close.handle(), close.handle()]);
    await close.handle();
    expect(await statusOf(closed.id)).toBe('notGranted');
    expect(await statusOf(reminded.id)).toBe('deficient');
    const [audit] = await db.query(`SELECT actor_role, reason FROM audit_log WHERE entity_id = $1 AND action = 'application.closeUncorrected'`, [closed.id]);
    expect(audit).toEqual({ actor_role: 'system', reason: UNCORRECTED_REASON });
    expect((await templatesOf(closed.id)).filter((n: string) => n === 'notGranted')).toHaveLength(1);
  });
});
