import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, HALVED_SALES, openRound, PRE_CHECK, recordFormalCheck } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired, validPayload } from './intake-fixtures';

function benefitPayload(round: Round, attachmentIds: string[], overrides: Record<string, unknown> = {}) {
  return {
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
      email: 'Owner@Suzuran.example.jp',
    },
    benefit: HALVED_SALES,
    preCheck: PRE_CHECK,
    attachmentIds,
    ...overrides,
  };
}

describe('intake of the 事業復活支援金 (benefit@1)', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let round: Round;
  let apiKey: string;
  const submit = (body: object, key: string = randomUUID()) =>
    t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', key).send(body);
  const evidence = () => uploadRequired(t, apiKey, ['salesEvidence']);
  const trail = async (id: string) =>
    (await db.query(`SELECT action, from_status, to_status, actor_role, changes FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])) as {
      action: string;
      from_status: string;
      to_status: string;
      actor_role: string;
      changes: Record<string, unknown>;
    }[];
  const notificationsOf = (id: string) => db.query(`SELECT template, recipient FROM notification WHERE application_id = $1 ORDER BY created_at`, [id]);
  const rowsOf = (corporate: string) => db.query(`SELECT id FROM application WHERE corporate_number = $1`, [corporate]);

  beforeAll(async () => {
    t = await startTestApp({ label: 'intake_benefit', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    round = await openRound(t, 'recoveryBenefit.r3-sup');
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
  });
  afterAll(() => t?.close());

  it('accepts a benefit with a 事前確認: idIssued → preChecked → submitted in one go, the 通知番号 audited, one 受付 email', async () => {
    const body = benefitPayload(round, await evidence());
    const res = await submit(body, 'benefit-req-0001').expect(201);
    expect(res.body.receiptNumber).toMatch(/^REC\d{2,}-\d{8}$/);
    expect(res.body).toMatchObject({ status: 'submitted', receivedInGrace: false, quotedAmount: 1_000_000 });

    const audit = await trail(res.body.id);
    expect(audit.map((a) => [a.action, a.from_status, a.to_status, a.actor_role])).toEqual([
      ['application.confirmPreCheck', 'idIssued', 'preChecked', 'intake'],
      ['application.submit', 'preChecked', 'submitted', 'intake'],
    ]);
    expect(audit[0].changes.preCheck).toEqual(PRE_CHECK);
    expect(await notificationsOf(res.body.id)).toEqual([{ template: 'received', recipient: 'owner@suzuran.example.jp' }]);
    const [row] = await db.query(`SELECT pre_check, previous_recipient, stamps, version FROM application WHERE id = $1`, [res.body.id]);
    expect(row).toMatchObject({ pre_check: PRE_CHECK, previous_recipient: false, version: 3 });
    expect(Object.keys(row.stamps).sort()).toEqual(['preCheckedAt', 'submittedAt']);
    // decided one after the other on the draft (version 1), written once at the version the second leaves
    expect(audit.map((a) => a.changes.version)).toEqual([
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ]);

    // the receipt behaves as for subsidies: a retry with the same key gets the first answer, one row
    const retry = await submit(body, 'benefit-req-0001').expect(201);
    expect(retry.body).toEqual(res.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(1);
  });

  it('accepts an earlier 一時支援金/月次支援金 recipient without a 事前確認 (waivePreCheck)', async () => {
    const res = await submit(benefitPayload(round, await evidence(), { preCheck: undefined, previousRecipient: true })).expect(201);
    expect(res.body.status).toBe('submitted');
    expect((await trail(res.body.id)).map((a) => [a.action, a.to_status])).toEqual([
      ['application.waivePreCheck', 'preChecked'],
      ['application.submit', 'submitted'],
    ]);
    expect(await notificationsOf(res.body.id)).toEqual([{ template: 'received', recipient: 'owner@suzuran.example.jp' }]);
    const [row] = await db.query(`SELECT pre_check, previous_recipient FROM application WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ pre_check: null, previous_recipient: true });
  });

  it.each([
    ['neither a 事前確認 nor previousRecipient', { preCheck: undefined }, 'preCheck', /事前確認.*previousRecipient: true/],
    ['previousRecipient: false and no 事前確認', { preCheck: undefined, previousRecipient: false }, 'preCheck', /事前確認/],
    ['both a 事前確認 and previousRecipient: true', { previousRecipient: true }, 'preCheck', /どちらか一方だけ/],
    ['a 事前確認 without its 通知番号', { preCheck: { agencyName: '北海道商工会連合会' } }, 'preCheck.confirmationNumber', /事前確認通知番号/],
    ['no sales (benefit)', { benefit: undefined }, 'benefit', /売上高/],
    ['no evidence of the sales decline', { attachmentIds: [] }, 'attachments', /売上高が減少したことを示す書類/],
    // a subsidy's parts: once dropped (requestedAmount) or stored unread (expenses, plan)
    ['a 申請額', { requestedAmount: 1 }, 'requestedAmount', /補助金の申請でのみ.*売上高から算定/],
    ['expenses', { expenses: [{ expenseType: 'machinery', amount: 1_000_000 }] }, 'expenses', /補助金の申請でのみ/],
    ['a 事業計画', { plan: { title: '新分野展開' } }, 'plan', /補助金の申請でのみ/],
    [
      'a negative month among the 基準期間 sales',
      { benefit: { ...HALVED_SALES, basePeriodSales: [1_000_000, -1, 1_000_000, 1_000_000, 1_000_000] } },
      'benefit.basePeriodSales',
      /0以上の整数 \(円\)/,
    ],
  ])('refuses %s with a Japanese 422 naming the field, and stores nothing', async (_case, overrides, field, message) => {
    const body = benefitPayload(round, await evidence(), overrides);
    const res = await submit(body).expect(422);
    const problem = res.body.errors.find((e: { field: string }) => e.field === field);
    expect(problem?.message).toMatch(message);
    expect(res.body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(0);
    for (const id of body.attachmentIds) expect((await db.query(`SELECT application_id FROM attachment WHERE id = $1`, [id]))[0].application_id).toBeNull();
  });

  it('refuses a 年間売上高 in benefit other than the applicant’s, which would set the 給付上限; the same figure is accepted', async () => {
    const base = benefitPayload(round, await evidence());
    const body = { ...base, applicant: { ...base.applicant, annualRevenue: 50_000_000 }, benefit: { ...HALVED_SALES, annualRevenue: 600_000_000 } };
    const res = await submit(body).expect(422);
    expect(res.body.errors).toContainEqual({
      field: 'benefit.annualRevenue',
      message: 'benefit.annualRevenue (給付上限を決める年間売上高) は applicant.annualRevenue (50,000,000円) と同じにしてください',
    });
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(0);
    const same = { ...body, benefit: { ...HALVED_SALES, annualRevenue: 50_000_000 } };
    expect((await submit(same).expect(201)).body.quotedAmount).toBe(1_000_000);
  });

  it('refuses a benefit whose sales did not fall 30%, with the reason in Japanese', async () => {
    const body = benefitPayload(round, await evidence(), { benefit: { ...HALVED_SALES, targetMonthSales: 800_000 } });
    const res = await submit(body).expect(422);
    expect(res.body.code).toBe('INVALID_APPLICATION');
    expect(res.body.errors).toEqual([
      {
        field: 'benefit.targetMonthSales',
        message: '対象月（2022年1月）の売上高 800,000円 は基準月（2020年1月）の売上高 1,000,000円 と比べて減少率 20.00% で、30%以上の減少がありません。',
      },
    ]);
    expect(res.body.message).toContain('30%以上の減少がありません');
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(0);
  });

  it('refuses a benefit of 0円 (基準期間の売上高 − 対象月の売上高 × 5 ≤ 0) with the formula, and the quote says 対象外 the same way', async () => {
    // 2021-11 at 500,000円 is down 50% against 2019-11, but the base period sold 1,000,000円 in all: nothing to pay
    const zero = { ...HALVED_SALES, targetMonth: '2021-11', basePeriodSales: [1_000_000, 0, 0, 0, 0] };
    const reason = '給付額 = 基準期間の売上高 1,000,000円 − 対象月の売上高 500,000円 × 5 = -1,500,000円 のため、給付対象外です。';
    const body = benefitPayload(round, await evidence(), { benefit: zero });
    const res = await submit(body).expect(422);
    expect(res.body).toMatchObject({ code: 'INVALID_APPLICATION', errors: [{ field: 'benefit.targetMonthSales', message: reason }] });
    expect(await rowsOf(body.applicant.corporateNumber)).toHaveLength(0);

    const quote = await t
      .http()
      .post('/api/quotes')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ roundId: round.id, categoryCode: 'recoveryBenefit.benefit', benefit: zero })
      .expect(200);
    expect(quote.body.benefit).toMatchObject({ eligible: false, amount: 0, failures: [{ code: 'benefit.zeroAmount', message: reason }] });
    expect(quote.body.benefit.explanation).toContain(`給付対象外: ${reason}`);
  });

  it('refuses a 事前確認 and a benefit’s sales on a subsidy round rather than dropping or storing them', async () => {
    const subsidyRound = await openRound(t);
    const res = await submit(
      validPayload(subsidyRound, await uploadRequired(t, apiKey), { preCheck: PRE_CHECK, previousRecipient: true, benefit: HALVED_SALES }),
    ).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['preCheck', 'previousRecipient', 'benefit']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'preCheck').message).toContain('事業復活支援金の申請でのみ');
  });

  it('takes a corrected benefit back after 不備 (deficient → resubmitted), keeping its 受付番号 and 事前確認', async () => {
    const body = benefitPayload(round, await evidence());
    const accepted = await submit(body).expect(201);
    const transitions = t.app.get(TransitionsService);
    await recordFormalCheck(t, accepted.body.id, true);
    await transitions.fire(accepted.body.id, 'startReview', { role: 'system', id: null });
    await transitions.fire(
      accepted.body.id,
      'markDeficient',
      { role: 'reviewer', id: s.reviewer.user.id },
      { reason: '年間売上高の根拠書類を添付してください' },
    );
    const resubmission = (payload: object) => t.http().post(`/api/intake/applications/${accepted.body.id}/resubmission`).set('X-Api-Key', apiKey).send(payload);

    // the 事前確認 was confirmed before the 申請: another one is refused
    const changed = await resubmission({ ...body, attachmentIds: [], preCheck: { ...PRE_CHECK, confirmationNumber: 'JK9999999999' } }).expect(422);
    expect(changed.body.errors).toEqual([expect.objectContaining({ field: 'preCheck', message: expect.stringContaining('事前確認は申請後に変更できません') })]);

    // corrected: 年間売上高 2億 (cap 150万); the 事前確認 left out is kept
    const corrected = { ...body, attachmentIds: [], preCheck: undefined, benefit: { ...HALVED_SALES, annualRevenue: 200_000_000 } };
    const res = await resubmission(corrected).expect(200);
    expect(res.body).toMatchObject({ receiptNumber: accepted.body.receiptNumber, status: 'resubmitted', quotedAmount: 1_500_000 });
    expect((await trail(accepted.body.id)).map((a) => a.to_status)).toEqual(['preChecked', 'submitted', 'underReview', 'deficient', 'resubmitted']);
    expect((await notificationsOf(accepted.body.id)).map((n: { template: string }) => n.template)).toEqual(['received', 'deficient', 'resubmissionReceived']);
    const [row] = await db.query(`SELECT pre_check, previous_recipient FROM application WHERE id = $1`, [accepted.body.id]);
    expect(row).toEqual({ pre_check: PRE_CHECK, previous_recipient: false });
  });
});
