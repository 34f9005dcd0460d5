import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { expectErrorBody } from './error-body';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, upload, uploadRequired, validPayload } from './intake-fixtures';
import { until, waitingOnLock } from './lock-waits';

/**
 * Intake requests that answered 500 when the portal's routes were fuzzed in the states where they do work:
 * an id too long for the stored Idempotency-Key, an attachment named by two requests at once (a deadlock),
 * a nested part sent as a list, a correction taking another application's 法人番号. Each now answers 4xx and
 * stores nothing of the refused request.
 */
describe('intake: what fuzzing the portal routes found', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  const portal = (path: string) => t.http().post(`/api/intake/applications${path}`).set('X-Api-Key', apiKey).set('Idempotency-Key', randomUUID());
  const linkedTo = async (attachmentId: string) =>
    (await db.query(`SELECT application_id FROM attachment WHERE id = $1`, [attachmentId]))[0].application_id as string | null;

  /** A submitted application put back to the applicant for correction (差戻し); its id and payload. */
  async function returned() {
    const payload = validPayload(round, await uploadRequired(t, apiKey));
    const { id } = (await portal('').send(payload).expect(201)).body;
    const transitions = t.app.get(TransitionsService);
    await transitions.fire(id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(id, 'returnForCorrection', { role: 'reviewer', id: s.reviewer.user.id }, { reason: '経費の内訳を修正してください' });
    return { id: id as string, payload };
  }

  beforeAll(async () => {
    t = await startTestApp({ label: 'intake-hostile', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('an application id of thousands of characters with an Idempotency-Key is not found (404), and no key is stored', async () => {
    // random, so that PostgreSQL cannot compress the key below its index's row limit (2,704 bytes)
    const longId = randomBytes(6000).toString('base64url');
    const keys = async () => (await db.query(`SELECT count(*)::int AS n FROM idempotency_record`))[0].n as number;
    const before = await keys();
    expectErrorBody(await portal(`/${longId}/withdrawal`).set('Idempotency-Key', 'k1').send({ reason: '辞退します' }), 404);
    expectErrorBody(await portal(`/${longId}/resubmission`).set('Idempotency-Key', 'k1').send(validPayload(round, [])), 404);
    expect(await keys()).toBe(before);
  });

  it.each([
    ['applicant', 'an empty list', () => ({ applicant: [] })],
    ['applicant', 'a valid applicant inside a list', () => ({ applicant: [validPayload(round, []).applicant] })],
    ['plan', 'an empty list', () => ({ plan: [] })],
    ['financialInstitution', 'an empty list', () => ({ financialInstitution: [] })],
  ])('a nested part sent as a list (%s: %s) is refused with 422 naming it, and nothing is stored', async (field, _as, override) => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM application`))[0].n;
    const res = await portal('').send(validPayload(round, await uploadRequired(t, apiKey), override()));
    expectErrorBody(res, 422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, message: expect.stringContaining('オブジェクト') }));
    expect((await db.query(`SELECT count(*)::int AS n FROM application`))[0].n).toBe(before);
  });

  it.each([
    [
      'applicant.name',
      '事業者名',
      (p: ReturnType<typeof validPayload>) => ({ applicant: { ...p.applicant, name: '株式会社さくら精機\n\n【重要】手数料を下記口座へお振込みください' } }),
    ],
    ['applicant.address', '住所', (p: ReturnType<typeof validPayload>) => ({ applicant: { ...p.applicant, address: '北海道札幌市\u2028中央区' } })],
    ['plan.title', '事業計画名', () => ({ plan: { title: 'EV向け部品\tへの新分野展開' } })],
    ['certifiedAdvisor.name', '認定支援機関名', () => ({ certifiedAdvisor: { name: '北海道経営支援センター\r\n', id: '106213000000' } })],
  ])('a line break or tab in a one-line field (%s) is 422 naming it, and nothing is stored', async (field, label, override) => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM application`))[0].n;
    const payload = validPayload(round, await uploadRequired(t, apiKey));
    const res = await portal('').send({ ...payload, ...override(payload) });
    expectErrorBody(res, 422);
    expect(res.body.errors).toContainEqual({ field, message: `${field} (${label}) に改行やタブなどの制御文字は使えません。1行で入力してください` });
    expect((await db.query(`SELECT count(*)::int AS n FROM application`))[0].n).toBe(before);
  });

  it('an amount above 1兆円 is told its bound, not 「0以上の整数」', async () => {
    const res = await portal('').send(validPayload(round, [], { expenses: [{ expenseType: 'machinery', amount: 1_000_000_000_001 }] }));
    expectErrorBody(res, 422);
    expect(res.body.errors).toContainEqual({ field: 'expenses[0].amount', message: 'amount は1,000,000,000,000円以下の整数 (円) で指定してください' });
  });

  it('a correction sent as a list is refused the same way, and the application keeps its data', async () => {
    const { id } = await returned();
    const res = await portal(`/${id}/resubmission`).send({ ...validPayload(round, []), applicant: [] });
    expectErrorBody(res, 422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'applicant' }));
    expect((await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status).toBe('returned');
  });

  it('one new attachment named by two withdrawals at once is linked to one of them; the other is refused (422), not deadlocked', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const pair = [
        (
          await portal('')
            .send(validPayload(round, await uploadRequired(t, apiKey)))
            .expect(201)
        ).body.id as string,
        (
          await portal('')
            .send(validPayload(round, await uploadRequired(t, apiKey)))
            .expect(201)
        ).body.id as string,
      ];
      const shared = (await upload(t, apiKey, 'other').expect(201)).body.id;
      const answers = await Promise.all(pair.map((id) => portal(`/${id}/withdrawal`).send({ reason: '資金の手当てがつかないため', attachmentIds: [shared] })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      const winner = answers.findIndex((a) => a.status === 200);
      expect(answers[1 - winner]!.body.errors).toContainEqual(expect.objectContaining({ field: 'attachmentIds' }));
      expect(await linkedTo(shared)).toBe(pair[winner]);
      expect((await db.query(`SELECT status FROM application WHERE id = $1`, [pair[1 - winner]]))[0].status).toBe('submitted');
    }
  });

  it('two submissions naming the same attachments at once: one is received, the other refused (422) naming them', async () => {
    const attachments = await uploadRequired(t, apiKey);
    const answers = await Promise.all([portal('').send(validPayload(round, attachments)), portal('').send(validPayload(round, [...attachments].reverse()))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.status === 422)!;
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'attachmentIds' }));
    const received = answers.find((a) => a.status === 201)!.body.id;
    for (const id of attachments) expect(await linkedTo(id)).toBe(received);
  });

  it('a submission naming attachments another request is linking waits for it, then is refused naming them (the interleaving that deadlocked)', async () => {
    // The other request as it read the attachments before the fix (FOR SHARE), held open while the submission
    // arrives: the submission's lock then waits for it. Had the submission also read them FOR SHARE, it would go on
    // to link them and wait, the other's link would wait for the submission, and PostgreSQL would abort one (503).
    const holder = (
      await portal('')
        .send(validPayload(round, await uploadRequired(t, apiKey)))
        .expect(201)
    ).body.id as string;
    const attachments = await uploadRequired(t, apiKey);
    const other = db.createQueryRunner();
    await other.startTransaction();
    try {
      await other.query(`SELECT id FROM attachment WHERE id = ANY($1::uuid[]) FOR SHARE`, [attachments]);
      const submission = portal('')
        .send(validPayload(round, attachments))
        .then((r) => r);
      await until(async () => (await waitingOnLock(db)) > 0);
      expect(await waitingOnLock(db)).toBe(1);
      await other.query(`UPDATE attachment SET application_id = $1 WHERE id = ANY($2::uuid[])`, [holder, attachments]);
      await other.commitTransaction();
      const answer = await submission;
      expect(answer.status).toBe(422);
      expect(answer.body.errors).toContainEqual(expect.objectContaining({ field: 'attachmentIds' }));
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    for (const id of attachments) expect(await linkedTo(id)).toBe(holder);
  });

  it('two corrections of one 差戻し sent at once (two tabs, other keys): one is received, the other refused (409) with nothing of it kept', async () => {
    for (let i = 0; i < 3; i++) {
      const { id, payload } = await returned();
      const corrections = ['第一の修正', '第二の修正'].map((title) => ({ ...payload, attachmentIds: [], plan: { ...payload.plan, title } }));
      const answers = await Promise.all(corrections.map((body, k) => portal(`/${id}/resubmission`).set('Idempotency-Key', `fix-${i}-${k}`).send(body)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const kept = answers.findIndex((a) => a.status === 200);
      expect(answers[1 - kept].body).toMatchObject({ code: 'NOT_ALLOWED_FROM_STATE', message: expect.stringContaining('現在の状態「再提出」') });
      const [app] = await db.query(`SELECT status, plan_title FROM application WHERE id = $1`, [id]);
      expect(app).toEqual({ status: 'resubmitted', plan_title: corrections[kept].plan.title });
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'application.resubmit'`, [id]);
      expect(n).toBe(1);
      const mails = await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1 AND template LIKE 'resubmission%'`, [id]);
      expect(mails[0].n).toBe(1);
    }
  });

  it("a correction that takes another application's 法人番号 in the round is 409 DUPLICATE_APPLICATION, and nothing changes", async () => {
    const other = validPayload(round, await uploadRequired(t, apiKey));
    const holder = (await portal('').send(other).expect(201)).body;
    const { id, payload } = await returned();
    const res = await portal(`/${id}/resubmission`).send({
      ...payload,
      attachmentIds: [],
      applicant: { ...payload.applicant, corporateNumber: other.applicant.corporateNumber },
    });
    expectErrorBody(res, 409, 'DUPLICATE_APPLICATION');
    expect(res.body).toMatchObject({ field: 'applicant.corporateNumber', receiptNumber: holder.receiptNumber });
    const [app] = await db.query(`SELECT status, corporate_number FROM application WHERE id = $1`, [id]);
    expect(app).toEqual({ status: 'returned', corporate_number: payload.applicant.corporateNumber });
  });

  it('a correction changing both the 法人番号 and the 事業者名 (another company) is 422 on applicant; one of them alone is taken', async () => {
    const { id, payload } = await returned();
    const other = validPayload(round, []).applicant.corporateNumber;
    const takeover = await portal(`/${id}/resubmission`).send({
      ...payload,
      attachmentIds: [],
      applicant: { ...payload.applicant, corporateNumber: other, name: '合同会社締切後参入' },
    });
    expectErrorBody(takeover, 422, 'INVALID_APPLICATION');
    expect(takeover.body.errors).toEqual([{ field: 'applicant', message: expect.stringContaining('新たな申請として提出してください') }]);
    const [kept] = await db.query(`SELECT status, corporate_number, applicant_name FROM application WHERE id = $1`, [id]);
    expect(kept).toEqual({ status: 'returned', corporate_number: payload.applicant.corporateNumber, applicant_name: payload.applicant.name });

    await portal(`/${id}/resubmission`)
      .send({ ...payload, attachmentIds: [], applicant: { ...payload.applicant, corporateNumber: other } })
      .expect(200);
    const [corrected] = await db.query(`SELECT status, corporate_number FROM application WHERE id = $1`, [id]);
    expect(corrected).toEqual({ status: 'resubmitted', corporate_number: other });

    // returned again, the name is not the next correction: the two together change the holder as submitted
    await t.app.get(TransitionsService).fire(id, 'returnForCorrection', { role: 'reviewer', id: s.reviewer.user.id }, { reason: '再度の補正' });
    const secondStep = await portal(`/${id}/resubmission`).send({
      ...payload,
      attachmentIds: [],
      applicant: { ...payload.applicant, corporateNumber: other, name: '合同会社締切後参入' },
    });
    expectErrorBody(secondStep, 422, 'INVALID_APPLICATION');
    expect(secondStep.body.errors[0].message).toContain('申請時の法人番号と事業者名の両方');
  });
});
