import { formatJstDate } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { DispatchNotificationsJob } from '../src/modules/notifications/dispatch-notifications.job';
import { addDays, defaultRepaymentDueDate } from '../src/modules/post-award/repayment-rules';
import { categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import type { LoggedIn } from './auth-helpers';
import type { TestApp } from './harness';
import { payThroughBatch } from './payment-fixtures';
import { amountFixed, evidence, granted, machinery, portal, startPostAwardEnv, v2Round, type PostAwardEnv } from './post-award-fixtures';

/**
 * 交付決定取消 and 返還 (docs/post-award.md "交付決定取消 and 返還"): the 返還額 from what was paid, a 納期限 at least
 * 14 days ahead, repayments received (partial, then full → 返還済), overpayment refused.
 */
describe('交付決定取消 and 返還', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let e: PostAwardEnv;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const staff = (who: LoggedIn, method: 'post' | 'put' | 'get', path: string) => t.http()[method](`/api/applications/${path}`).set(as(who));
  const todayJst = async () => (await db.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS d`))[0].d as string;

  /** A portal application on subsidy@2 driven through the post-award routes to 支払済; returns its id and 確定額. */
  async function paid(): Promise<{ id: string; fixedAmount: number }> {
    const fixed = await amountFixed(e);
    await payThroughBatch(t, s.manager.token, [fixed.id]);
    expect(await statusOf(fixed.id)).toBe('paid');
    return fixed;
  }

  beforeAll(async () => {
    e = await startPostAwardEnv('repayments');
    ({ t, db, s } = e);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after 支払: the 返還額 is what was paid, the 納期限 at least 14 days ahead; partial then full repayment → 返還済; overpayment refused', async () => {
    const { id, fixedAmount } = await paid();
    expect(fixedAmount).toBeGreaterThan(0);
    expect((await staff(s.manager, 'get', `${id}/post-award`).expect(200)).body.reportingEnded).toBe(false);
    const today = await todayJst();
    const reason = '補助対象経費の虚偽の報告が判明したため';

    // the manager only, with a reason and a 納期限 far enough ahead; 全額返還 for a missed wage target is 回復型's only
    await staff(s.reviewer, 'post', `${id}/grant-revocation`)
      .send({ reason, dueDate: defaultRepaymentDueDate(today, 30) })
      .expect(403);
    const noDue = await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason }).expect(422);
    expect(noDue.body).toMatchObject({ code: 'DUE_DATE_REQUIRED', message: expect.stringContaining('納期限') });
    const soon = await staff(s.manager, 'post', `${id}/grant-revocation`)
      .send({ reason, dueDate: addDays(today, 13) })
      .expect(422);
    expect(soon.body).toMatchObject({
      code: 'DUE_DATE_TOO_SOON',
      earliest: defaultRepaymentDueDate(today, 14),
      message: expect.stringContaining('14日以上先'),
    });
    // a day the applicant cannot pay at a bank: the first Sunday after the earliest 納期限
    let sunday = addDays(defaultRepaymentDueDate(today, 14), 1);
    while (new Date(`${sunday}T00:00:00Z`).getUTCDay() !== 0) sunday = addDays(sunday, 1);
    const closed = await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason, dueDate: sunday }).expect(422);
    expect(closed.body).toMatchObject({ code: 'DUE_DATE_NOT_BANKING_DAY', field: 'dueDate', message: expect.stringContaining('日曜日') });
    const notReal = await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason, dueDate: '2031-02-30' }).expect(422);
    expect(notReal.body.code).toBe('INVALID_DATE');
    const notRecovery = await staff(s.manager, 'post', `${id}/grant-revocation`)
      .send({ reason, dueDate: defaultRepaymentDueDate(today, 30), ground: 'wageTargetMissed' })
      .expect(422);
    expect(notRecovery.body).toMatchObject({ code: 'GROUND_NOT_APPLICABLE', message: expect.stringContaining('回復型賃上げ・雇用拡大枠') });
    // nothing to record before the revocation
    const early = await staff(s.manager, 'post', `${id}/repayments`).send({ receivedOn: today, amount: 1 }).expect(409);
    expect(early.body.code).toBe('NO_REPAYMENT_CLAIM');
    expect(await statusOf(id)).toBe('paid');

    const dueDate = defaultRepaymentDueDate(today, 14);
    const revoked = await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason, dueDate }).expect(200);
    expect(await statusOf(id)).toBe('grantRevoked');
    // revoked, the project is over while its 返還 is awaited: its reports are no longer due, nor listed as overdue
    expect(revoked.body.reportingEnded).toBe(true);
    await db.query(`UPDATE commercialization_report SET due_date = DATE '2020-01-01' WHERE application_id = $1 AND sequence = 1`, [id]);
    const overdue = await t
      .http()
      .get('/api/commercialization-reports')
      .query({ filter: JSON.stringify({ state: 'overdue', applicationId: id }) })
      .set('Authorization', `Bearer ${s.manager.token}`)
      .expect(200);
    expect(overdue.body).toEqual([]);
    expect(revoked.body.repayment).toMatchObject({
      amount: fixedAmount,
      paidAmount: fixedAmount,
      ground: 'general',
      dueDate,
      repaidTotal: 0,
      outstanding: fixedAmount,
      repaidAt: null,
    });
    expect(revoked.body.actions).toMatchObject({ revokeGrant: false, recordRepayment: true });
    const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.revokeGrant'`, [id]);
    expect(JSON.stringify(audit?.changes ?? {})).toContain(String(fixedAmount));
    // the applicant's mail states the 返還額 and its 納期限
    await t.app.get(DispatchNotificationsJob).handle();
    const [revokedMail] = await db.query(`SELECT body_text AS "bodyText" FROM notification WHERE application_id = $1 AND template = 'grantRevoked'`, [id]);
    expect(revokedMail.bodyText).toContain(`返還額: ${fixedAmount.toLocaleString('en-US')}円`);
    expect(revokedMail.bodyText).toContain(`納期限: ${formatJstDate(dueDate)}`);
    expect(revokedMail.bodyText).toContain(reason);

    // a bare recordRepayment is refused: the 返還 completes by the repayments received
    const bare = await staff(s.manager, 'post', `${id}/transitions/recordRepayment`).send({});
    expect(bare.status).toBeGreaterThanOrEqual(400);
    expect(bare.status).toBeLessThan(500);

    const part = 1_000_000;
    const first = await staff(s.manager, 'post', `${id}/repayments`).send({ receivedOn: today, amount: part, note: '一部入金' }).expect(200);
    expect(first.body.repayment).toMatchObject({
      repaidTotal: part,
      outstanding: fixedAmount - part,
      received: [expect.objectContaining({ amount: part, receivedOn: today })],
    });
    expect(await statusOf(id)).toBe('grantRevoked');

    const over = await staff(s.manager, 'post', `${id}/repayments`)
      .send({ receivedOn: today, amount: fixedAmount - part + 1 })
      .expect(422);
    expect(over.body).toMatchObject({ code: 'OVERPAYMENT', outstanding: fixedAmount - part, message: expect.stringContaining('未返還額') });
    const future = await staff(s.manager, 'post', `${id}/repayments`)
      .send({ receivedOn: addDays(today, 1), amount: 1 })
      .expect(422);
    expect(future.body.code).toBe('RECEIVED_IN_FUTURE');
    // revoked today: a receipt dated yesterday answers another claim or is a typo
    const beforeRevocation = await staff(s.manager, 'post', `${id}/repayments`)
      .send({ receivedOn: addDays(today, -1), amount: 1 })
      .expect(422);
    expect(beforeRevocation.body).toMatchObject({ code: 'RECEIVED_BEFORE_REVOCATION', field: 'receivedOn', revokedOn: today });
    expect(beforeRevocation.body.message).toContain(`交付決定取消の日（${today}）より前です`);
    // the year 0000 is a date to JavaScript and not to PostgreSQL (it was a 500)
    const yearZero = await staff(s.manager, 'post', `${id}/repayments`).send({ receivedOn: '0000-01-01', amount: 1 }).expect(422);
    expect(yearZero.body.code).toBe('INVALID_DATE');

    const rest = await staff(s.manager, 'post', `${id}/repayments`)
      .send({ receivedOn: today, amount: fixedAmount - part })
      .expect(200);
    expect(rest.body.repayment).toMatchObject({ repaidTotal: fixedAmount, outstanding: 0, repaidAt: expect.any(String) });
    expect(await statusOf(id)).toBe('repaid');
    // its five yearly 事業化状況報告 stay listed, none of them due any more (the tab said 「未提出」 of each)
    expect(rest.body).toMatchObject({
      reportingEnded: true,
      commercializationReports: expect.arrayContaining([expect.objectContaining({ reportedAt: null })]),
    });
    const received = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'repayment.received' ORDER BY id`, [id]);
    expect(received).toHaveLength(2);
    const [mail] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1 AND template = 'repaymentConfirmed'`, [id]);
    expect(mail.n).toBe(1);
    const after = await staff(s.manager, 'post', `${id}/repayments`).send({ receivedOn: today, amount: 1 }).expect(409);
    expect(after.body).toMatchObject({ code: 'ALREADY_REPAID', message: expect.stringContaining('完了') });
  });

  it('the 返還額 is the 支払額 the paid batch transferred where it differs from the 確定額 (第18条: what was paid)', async () => {
    const { id, fixedAmount } = await paid();
    // the 支払 line as the batch recorded it: 200,000円 less than the 確定額 reached the applicant
    const transferred = fixedAmount - 200_000;
    await db.query(`UPDATE payment_batch_line SET amount = $2 WHERE application_id = $1 AND kind = 'final'`, [id, transferred]);
    const lines = await db.query(`SELECT amount::float8 AS amount FROM payment_batch_line WHERE application_id = $1 AND kind = 'final'`, [id]);
    expect(lines).toEqual([{ amount: transferred }]);
    const dueDate = defaultRepaymentDueDate(await todayJst(), 30);
    const revoked = await staff(s.manager, 'post', `${id}/grant-revocation`)
      .send({ reason: '補助事業を実施していないことが判明したため', dueDate })
      .expect(200);
    expect(revoked.body.repayment).toMatchObject({ amount: transferred, paidAmount: transferred, outstanding: transferred });
    const [claim] = await db.query(`SELECT amount::float8, paid_amount::float8 FROM repayment_claim WHERE application_id = $1`, [id]);
    expect(claim).toEqual({ amount: transferred, paid_amount: transferred });
    // the whole of what was paid settles it, not the 確定額
    const today = await todayJst();
    await staff(s.manager, 'post', `${id}/repayments`)
      .send({ receivedOn: today, amount: transferred + 1 })
      .expect(422);
    await staff(s.manager, 'post', `${id}/repayments`).send({ receivedOn: today, amount: transferred }).expect(200);
    expect(await statusOf(id)).toBe('repaid');
  });

  it('事業廃止 after a 概算払 was paid: its approval (whose mail says nothing is paid) is refused; the 交付決定取消 asks the 概算払 back', async () => {
    const round = await v2Round(e);
    await t.http().put(`/api/rounds/${round.id}`).set(as(s.manager)).send({ advancePaymentAllowed: true }).expect(200);
    const id = await granted(e, round);
    await portal(e, `${id}/advance-payment`)
      .send({ expenses: machinery(12_000_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    await payThroughBatch(t, s.manager.token, [id]);
    await portal(e, `${id}/abandonment`).send({ reason: '主要取引先の撤退により事業の継続が困難になったため' }).expect(200);

    const refused = await staff(s.manager, 'post', `${id}/transitions/approveAbandonment`).send({}).expect(422);
    expect(refused.body.guardFailures).toEqual([expect.objectContaining({ code: 'PAID_IN_ADVANCE', message: expect.stringContaining('8,000,000円') })]);
    expect(await statusOf(id)).toBe('abandonmentRequested');
    const [mail] = await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1 AND template = 'abandonmentApproved'`, [id]);
    expect(mail.n).toBe(0);

    const revoked = await staff(s.manager, 'post', `${id}/grant-revocation`)
      .send({ reason: '事業廃止の申請を受け、交付決定を取り消すため', dueDate: defaultRepaymentDueDate(await todayJst(), 30) })
      .expect(200);
    expect(revoked.body.repayment).toMatchObject({ amount: 8_000_000, paidAmount: 8_000_000, outstanding: 8_000_000 });
    expect(await statusOf(id)).toBe('grantRevoked');
  });

  it('a 確定検査 that accepts nothing, with nothing paid in advance: no 0円 額の確定 awaiting a payment no batch can make', async () => {
    const id = await granted(e, await v2Round(e));
    await portal(e, `${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [await evidence(e)] })
      .expect(200);
    await staff(s.manager, 'post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
    await staff(s.manager, 'put', `${id}/final-inspection`)
      .send({ lines: [{ index: 0, acceptedAmount: 0, reason: '補助事業に使用した証拠がないため' }] })
      .expect(200);
    const refused = await staff(s.manager, 'post', `${id}/amount-fixing`).expect(422);
    expect(refused.body).toMatchObject({ code: 'NOTHING_FIXED', message: expect.stringContaining('交付決定取消') });
    expect(await statusOf(id)).toBe('finalInspection');
    const [kept] = await db.query(
      `SELECT g.fixed_amount, (SELECT count(*)::int FROM commercialization_report r WHERE r.application_id = g.application_id) AS reports
         FROM grant_amount g WHERE g.application_id = $1`,
      [id],
    );
    expect(kept).toEqual({ fixed_amount: null, reports: 0 });
    // the way out: the grant revoked, nothing to repay, 返還済 at once
    await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason: '補助対象経費が認められなかったため' }).expect(200);
    expect(await statusOf(id)).toBe('repaid');
  });

  it('ものづくり 回復型賃上げ・雇用拡大枠 whose wage target is missed: 全額返還 of what was paid, recorded with its ground', async () => {
    const round = await openRound(t, 'monozukuri.r3-sup');
    await db.query(`UPDATE round SET workflow_version = 2 WHERE id = $1`, [round.id]);
    const category = await categoryByCode(t, round, 'monozukuri.recoveryWageIncrease');
    const draft = await createDraft(t, draftInput(round, category, { applicantName: '回復型精工株式会社' }));
    // a fixture: paid, its 確定額 fixed (the walk there through the routes is the first test's)
    await db.query(`UPDATE application SET status = 'paid', quoted_amount = 7000000, stamps = stamps || jsonb_build_object('paidAt', now()) WHERE id = $1`, [
      draft.id,
    ]);
    await db.query(
      `INSERT INTO grant_amount (application_id, adopted_amount, grant_expenses, grant_quote, requested_amount, grant_amount, grant_decided_at, fixed_amount, amount_fixed_at)
       VALUES ($1, 7000000, '[]'::jsonb, '{}'::jsonb, 7000000, 7000000, now(), 6500000, now())`,
      [draft.id],
    );
    const dueDate = defaultRepaymentDueDate(await todayJst(), 20);
    const revoked = await staff(s.manager, 'post', `${draft.id}/grant-revocation`)
      .send({ reason: '事業計画期間終了時点で給与支給総額の増加目標が未達のため', ground: 'wageTargetMissed', dueDate })
      .expect(200);
    expect(revoked.body.repayment).toMatchObject({ amount: 6_500_000, paidAmount: 6_500_000, ground: 'wageTargetMissed', dueDate });
    expect(await statusOf(draft.id)).toBe('grantRevoked');
  });

  it('a repayment sent again with its Idempotency-Key (answer lost, a second click, four at once) is recorded once', async () => {
    const { id, fixedAmount } = await paid();
    const today = await todayJst();
    await staff(s.manager, 'post', `${id}/grant-revocation`)
      .send({ reason: '事業の実施が確認できないため', dueDate: defaultRepaymentDueDate(today, 30) })
      .expect(200);
    const repayment = { receivedOn: today, amount: 300_000, note: '振込' };
    const send = (key: string, body: object = repayment) => staff(s.manager, 'post', `${id}/repayments`).set('Idempotency-Key', key).send(body);
    const received = async () => db.query(`SELECT amount::int, request_key FROM repayment_received WHERE application_id = $1 ORDER BY recorded_at`, [id]);

    const first = await send('repay-1').expect(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await send('repay-1').expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.repayment).toMatchObject({
      repaidTotal: 300_000,
      outstanding: fixedAmount - 300_000,
      received: [expect.objectContaining({ amount: 300_000 })],
    });
    // four at once with one key: the claim's lock makes the others find the first
    const four = await Promise.all([1, 2, 3, 4].map(() => send('repay-2')));
    expect(four.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(four.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(3);
    expect(await received()).toEqual([
      { amount: 300_000, request_key: 'repay-1' },
      { amount: 300_000, request_key: 'repay-2' },
    ]);
    const audits = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'repayment.received'`, [id]);
    expect(audits[0].n).toBe(2);

    // the same key with other content: refused, naming what it recorded; nothing stored
    const other = await send('repay-1', { ...repayment, amount: 1 }).expect(422);
    expect(other.body).toMatchObject({ code: 'REPAYMENT_KEY_REUSED', field: 'Idempotency-Key', amount: 300_000, receivedOn: today });
    expect(other.body.message).toContain('入金額 300,000円');
    const bad = await send('k'.repeat(201)).expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY', errors: [expect.objectContaining({ field: 'Idempotency-Key' })] });
    // once repaid in full, the last request sent again still answers 200 (replayed), a new one 409
    const rest = { receivedOn: today, amount: fixedAmount - 600_000 };
    await send('repay-3', rest).expect(200);
    expect(await statusOf(id)).toBe('repaid');
    expect((await send('repay-3', rest).expect(200)).headers['idempotent-replayed']).toBe('true');
    expect((await send('repay-4', { receivedOn: today, amount: 1 }).expect(409)).body.code).toBe('ALREADY_REPAID');
    expect(await received()).toHaveLength(3);
  });

  it('a procedure without 交付決定取消 (subsidy@1) is told so in words, not by the transition’s name, and nothing changes', async () => {
    const round = await openRound(t);
    const draft = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard')));
    const res = await staff(s.manager, 'post', `${draft.id}/grant-revocation`).send({
      reason: '補助事業を中止したため',
      dueDate: defaultRepaymentDueDate(await todayJst(), 30),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'STEP_NOT_IN_PROCEDURE', message: expect.stringContaining('交付決定取消と返還の手続がない') });
    expect(res.body.message).not.toContain('revokeGrant');
    expect(await statusOf(draft.id)).toBe('draft');
  });
});
