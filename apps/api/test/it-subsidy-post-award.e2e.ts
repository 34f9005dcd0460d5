import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, itApplicationPayload, tempStorageDir, upload, uploadRequired } from './intake-fixtures';
import { lastBusinessDay, nextBusinessDay, transferDateHasCome } from './payment-fixtures';

/**
 * IT導入補助金 (itSubsidy@1) after its 交付決定, by the 補助金's rules (docs/post-award.md): the 交付決定額 is computed
 * from the 交付申請 (the application itself), the 確定額 from the 実績報告's expenses as the 確定検査 accepts them (the
 * IT導入 rule: ITツール 3/4, then 2/3 above 50万円 of subsidy), never above the 交付決定額, and the 支払 is a payment
 * batch's. The generic transition route fixes no amount and pays nothing.
 */
describe('IT導入補助金: 交付決定額 → 実績報告 → 確定検査 → 確定額 → 支払バッチ', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  const api = () => t.http();
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const fire = (who: LoggedIn, id: string, transition: string) => api().post(`/api/applications/${id}/transitions/${transition}`).set(as(who)).send({});
  const software = (amount: number) => [{ expenseType: 'software', amount, description: '受発注ソフト' }];

  /** an IT導入 交付申請 of `amount` yen of software, its 要件確認 passed (適 recorded for the 交付決定) */
  const checked = async (amount: number) => {
    const res = await api()
      .post('/api/intake/applications')
      .set('X-Api-Key', apiKey)
      .set('Idempotency-Key', randomUUID())
      .send(
        itApplicationPayload(round, await uploadRequired(t, apiKey, ['businessPlan']), {
          plan: { title: '受発注のデジタル化', summary: '受発注ソフトを導入する' },
          expenses: software(amount),
        }),
      )
      .expect(201);
    const id = res.body.id as string;
    await api()
      .post('/api/review-assignments')
      .set(as(s.manager))
      .send({ applicationId: id, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
    const check = (await api().get(`/api/applications/${id}/formal-check`).set(as(s.reviewer)).expect(200)).body;
    const answers = check.items.map((i: { code: string; passNeedsReason?: boolean }) => ({
      code: i.code,
      passed: true,
      ...(i.passNeedsReason ? { overrideReason: '書面で確認した' } : {}),
    }));
    await api().post(`/api/applications/${id}/formal-check/complete`).set(as(s.reviewer)).send({ outcome: 'pass', answers }).expect(200);
    return { id, statusUrl: res.body.statusUrl as string };
  };
  /** The round's 交付決定日 (its announcementFrom) has come: the 交付決定 is told, and the 実績報告 may follow it. */
  const announced = () =>
    db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
  const reportPerformance = async (id: string, amount: number) =>
    api()
      .post(`/api/intake/applications/${id}/performance-report`)
      .set('X-Api-Key', apiKey)
      .send({ expenses: software(amount), attachmentIds: [(await upload(t, apiKey, 'other').expect(201)).body.id] })
      .expect(200);

  beforeAll(async () => {
    t = await startTestApp({ label: 'it_post_award', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t, 'itIntroduction.r3-sup');
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('the 確定額 is the IT導入 rule on the reported expenses, capped at the 交付決定額, and a payment batch pays it', async () => {
    const { id, statusUrl } = await checked(2_000_000);
    // a bare 交付決定 would decide no amount: refused, as the 補助金's (guard amountComputed)
    expect((await fire(s.manager, id, 'decideGrant').expect(422)).body.guardFailures).toContainEqual(expect.objectContaining({ code: 'AMOUNT_NOT_COMPUTED' }));
    const before = (await api().get(`/api/applications/${id}/post-award`).set(as(s.manager)).expect(200)).body;
    expect(before).toMatchObject({ amountsKept: true, amounts: null, actions: { decideGrant: true } });
    const decided = await api().post(`/api/applications/${id}/grant-decision`).set(as(s.manager)).send({}).expect(200);
    // 2,000,000円 of ITツール: 3/4 up to 50万円 of subsidy, 2/3 above (the application's 申請額)
    expect(decided.body.amounts).toMatchObject({ grantAmount: 1_388_888, requestedAmount: 1_388_888 });
    expect(await statusOf(id)).toBe('grantDecided');

    // the 実績報告: 100,000円 spent
    await announced();
    await reportPerformance(id, 100_000);
    expect(await statusOf(id)).toBe('performanceReported');
    // neither a bare 額の確定 nor a bare 支払
    expect((await fire(s.manager, id, 'fixAmount').expect(422)).body.guardFailures).toContainEqual(expect.objectContaining({ code: 'AMOUNT_NOT_COMPUTED' }));
    expect((await api().post(`/api/applications/${id}/amount-fixing`).set(as(s.manager)).send({}).expect(422)).body.code).toBe('NOT_INSPECTED');
    await api().put(`/api/applications/${id}/final-inspection`).set(as(s.manager)).send({ lines: [] }).expect(200);
    const fixed = await api().post(`/api/applications/${id}/amount-fixing`).set(as(s.manager)).send({}).expect(200);
    // 100,000円 of ITツール × 3/4, integer yen
    expect(fixed.body).toMatchObject({ status: 'amountFixed', amounts: { grantAmount: 1_388_888, fixedAmount: 75_000 } });
    // IT導入 has no 事業化状況報告 (its 効果報告 is not scheduled): nothing on the overdue list
    expect(fixed.body.commercializationReports).toEqual([]);
    const [mail] = await db.query(`SELECT payload FROM notification WHERE application_id = $1 AND template = 'amountFixed'`, [id]);
    expect(mail.payload.quotedAmount).toBe(75_000);

    const bare = await fire(s.manager, id, 'pay').expect(422);
    expect(bare.body.guardFailures).toContainEqual(expect.objectContaining({ code: 'PAYMENT_NOT_BY_BATCH' }));
    expect(await statusOf(id)).toBe('amountFixed');

    // the round's batch takes it, with its 確定額
    await api()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId: id, bankCode: '0001', branchCode: '123', depositType: '1', accountNumber: '1234567', accountHolderKana: 'ｶ)ﾂﾊﾞｷｶｲｹｲ' })
      .expect(201);
    const batch = await api().post('/api/payment-batches').set(as(s.manager)).send({ roundId: round.id, transferDate: nextBusinessDay() }).expect(201);
    expect(batch.body.lines).toEqual([expect.objectContaining({ applicationId: id, kind: 'final', amount: 75_000 })]);
    await transferDateHasCome(t, batch.body.id, lastBusinessDay());
    await api().post(`/api/payment-batches/${batch.body.id}/confirm`).set(as(s.manager)).send({ paidOn: lastBusinessDay() }).expect(200);
    expect(await statusOf(id)).toBe('paid');
    const [paid] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.pay'`, [id]);
    expect(paid.changes).toMatchObject({ paymentBatchId: batch.body.id, paidAmount: 75_000 });

    // the applicant's status page states the 確定額, not the 申請額
    const page = await api().get(new URL(statusUrl).pathname).expect(200);
    expect(page.text).toContain('支払済');
    expect(page.text).toContain('75,000円');
    expect(page.text).not.toContain('1,388,888円');
  });

  it('spending more than the 交付申請 never raises the grant: the 確定額 stops at the 交付決定額', async () => {
    const { id } = await checked(600_000);
    const decided = await api().post(`/api/applications/${id}/grant-decision`).set(as(s.manager)).send({}).expect(200);
    expect(decided.body.amounts.grantAmount).toBe(450_000);
    await announced();
    await reportPerformance(id, 2_000_000);
    await api().put(`/api/applications/${id}/final-inspection`).set(as(s.manager)).send({ lines: [] }).expect(200);
    const fixed = await api().post(`/api/applications/${id}/amount-fixing`).set(as(s.manager)).send({}).expect(200);
    expect(fixed.body.amounts).toMatchObject({ grantAmount: 450_000, fixedAmount: 450_000 });
  });
});
