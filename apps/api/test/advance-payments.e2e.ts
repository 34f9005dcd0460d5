import { formatJstDate } from '@jimukyoku/domain';
import { DispatchNotificationsJob } from '../src/modules/notifications/dispatch-notifications.job';
import { addDays, ADVANCE_EXCESS_DUE_DAYS, defaultRepaymentDueDate } from '../src/modules/post-award/repayment-rules';
import { RemindCommercializationReportsJob } from '../src/modules/schedules/remind-commercialization-reports.job';
import { currentFiscalYear } from './commercialization-fixtures';
import { nextBusinessDay, payThroughBatch, todayJst } from './payment-fixtures';
import {
  bearer,
  evidence as uploadEvidence,
  granted,
  machinery,
  portal as viaPortal,
  startPostAwardEnv,
  staff as asStaff,
  statusOf as statusIn,
  v2Round,
  type PostAwardEnv,
} from './post-award-fixtures';
import { until, waitingOnLock } from './lock-waits';

/**
 * 概算払 (docs/post-award.md "概算払"): only in a round that allows it; the amount is the rules' quote of the expenses
 * paid so far (restructuring.standard: 2/3 for a 中小企業), at most what is left of the 交付決定額; a payment batch pays it
 * and the project goes on; the 支払 after 額の確定 pays the 確定額 less it; a 交付決定取消 asks back what was paid.
 */
describe('概算払', () => {
  let e: PostAwardEnv;
  const portal = (path: string) => viaPortal(e, path);
  const staff = (method: 'post' | 'put' | 'get', path: string) => asStaff(e, e.s.manager, method, path);
  const statusOf = (id: string) => statusIn(e, id);
  const evidence = () => uploadEvidence(e);
  const mails = async (id: string) =>
    (await e.db.query(`SELECT template, payload FROM notification WHERE application_id = $1 ORDER BY created_at, id`, [id])) as {
      template: string;
      payload: { quotedAmount: number };
    }[];

  /** A 実績報告 of 24,000,000円 of machinery, its 確定検査 started and recorded with `lines` (none: as reported). */
  async function inspected(id: string, lines: { index: number; acceptedAmount: number; reason: string }[] = []) {
    await portal(`${id}/performance-report`)
      .send({ expenses: machinery(24_000_000), attachmentIds: [await evidence()] })
      .expect(200);
    await staff('post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
    await staff('put', `${id}/final-inspection`).send({ lines }).expect(200);
  }

  beforeAll(async () => {
    e = await startPostAwardEnv('advance-payments');
  });
  afterAll(async () => {
    await e?.t.close();
  });

  it('requested, paid by a batch, refused beyond what is left; the 支払 after 額の確定 pays the 確定額 less the 概算払', async () => {
    const round = await v2Round(e);
    const id = await granted(e, round);
    expect((await staff('get', `${id}/post-award`).expect(200)).body.amounts.grantAmount).toBe(16_000_000);

    // a round whose 公募要領 has no 概算払 refuses it, saying so
    const closed = await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(9_000_000), attachmentIds: [await evidence()] })
      .expect(422);
    expect(closed.body).toMatchObject({ code: 'ADVANCE_PAYMENT_NOT_ALLOWED', message: expect.stringContaining('概算払') });
    expect(await statusOf(id)).toBe('grantDecided');

    // the manager allows it for the round (audited), even with applications in it
    await e.t.http().put(`/api/rounds/${round.id}`).set(bearer(e.s.reviewer)).send({ advancePaymentAllowed: true }).expect(403);
    const allowed = await e.t.http().put(`/api/rounds/${round.id}`).set(bearer(e.s.manager)).send({ advancePaymentAllowed: true }).expect(200);
    expect(allowed.body.advancePaymentAllowed).toBe(true);
    const [audit] = await e.db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'round.updated' ORDER BY id DESC LIMIT 1`, [round.id]);
    expect(audit.changes.advancePaymentAllowed).toEqual({ from: false, to: true });

    // the evidence of what was paid is required
    const bare = await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(9_000_000) })
      .expect(422);
    expect(JSON.stringify(bare.body.errors)).toContain('attachmentIds');

    // 9,000,000円 paid so far: 6,000,000円 (2/3)
    const requested = await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(9_000_000), attachmentIds: [await evidence()] })
      .expect(200);
    expect(requested.body).toMatchObject({ step: 'advancePayment', status: 'advancePaymentRequested', statusLabel: '概算払請求中' });
    expect((await staff('get', `${id}/post-award`).expect(200)).body.amounts).toMatchObject({ advanceRequestedAmount: 6_000_000, advancePaidAmount: 0 });

    // only a batch pays it
    const byHand = await staff('post', `${id}/transitions/payAdvance`).send({}).expect(422);
    expect(JSON.stringify(byHand.body)).toContain('PAYMENT_NOT_BY_BATCH');
    const batch = await payThroughBatch(e.t, e.s.manager.token, [id]);
    expect(batch.lines).toEqual([expect.objectContaining({ applicationId: id, kind: 'advance', amount: 6_000_000 })]);
    expect(await statusOf(id)).toBe('grantDecided');
    expect((await staff('get', `${id}/post-award`).expect(200)).body.amounts).toMatchObject({ advancePaidAmount: 6_000_000 });

    // a second request: 30,000,000円 would give 20,000,000円, but only 10,000,000円 of the 交付決定額 is left; refused
    await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(30_000_000), attachmentIds: [await evidence()] })
      .expect(200);
    expect((await staff('get', `${id}/post-award`).expect(200)).body.amounts.advanceRequestedAmount).toBe(10_000_000);
    await staff('post', `${id}/transitions/refuseAdvancePayment`).send({}).expect(400); // a reason is required
    await staff('post', `${id}/transitions/refuseAdvancePayment`).send({ reason: '支払済みの経費の証拠書類が不足しています。' }).expect(200);
    expect(await statusOf(id)).toBe('grantDecided');

    // 実績報告 → 確定検査 → 額の確定 (16,000,000円) → the batch pays 10,000,000円
    await inspected(id);
    const fixed = await staff('post', `${id}/amount-fixing`).expect(200);
    expect(fixed.body.amounts.fixedAmount).toBe(16_000_000);
    const final = await payThroughBatch(e.t, e.s.manager.token, [id]);
    expect(final.lines).toEqual([expect.objectContaining({ applicationId: id, kind: 'final', amount: 10_000_000 })]);
    expect(await statusOf(id)).toBe('paid');

    // each step told the applicant, with the amount it concerns
    const sent = (await mails(id)).filter((m) => /^advance|^paidByBatch$/.test(m.template));
    expect(sent.map((m) => [m.template, m.template === 'advancePaymentRefused' ? 'no amount' : m.payload.quotedAmount])).toEqual([
      ['advancePaymentRequestReceived', 6_000_000],
      ['advancePaid', 6_000_000],
      ['advancePaymentRequestReceived', 10_000_000],
      ['advancePaymentRefused', 'no amount'],
      ['paidByBatch', 10_000_000],
    ]);
  });

  /**
   * A project of a round that allows 概算払 (交付決定額 16,000,000円), a 概算払 on `spent` yen of machinery paid (2/3 of
   * it); all 24,000,000円 unless said: the whole 交付決定額 paid in advance.
   */
  async function paidInAdvance(spent = 24_000_000) {
    const round = await v2Round(e);
    await e.t.http().put(`/api/rounds/${round.id}`).set(bearer(e.s.manager)).send({ advancePaymentAllowed: true }).expect(200);
    const id = await granted(e, round);
    await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(spent), attachmentIds: [await evidence()] })
      .expect(200);
    await payThroughBatch(e.t, e.s.manager.token, [id]);
    return { round, id };
  }

  it('a 交付決定取消 before the 支払 asks back the 概算払 paid; with all of the 交付決定額 paid in advance, no more is requested', async () => {
    const { id } = await paidInAdvance();
    const none = await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(3_000_000), attachmentIds: [await evidence()] })
      .expect(422);
    expect(none.body.code).toBe('NO_ADVANCE_LEFT');

    const today = (await e.db.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS d`))[0].d as string;
    const revoked = await staff('post', `${id}/grant-revocation`)
      .send({ reason: '補助事業を実施していないことが判明したため', dueDate: defaultRepaymentDueDate(today, 30) })
      .expect(200);
    expect(revoked.body.repayment).toMatchObject({ amount: 16_000_000, paidAmount: 16_000_000 });
  });

  it('a later 概算払 lists every expense paid so far: it pays their quote less what was paid, never the same expense twice', async () => {
    const { id } = await paidInAdvance(9_000_000); // 6,000,000円 paid
    // the new expense alone quotes 2,000,000円, less than was paid: the request must list the earlier ones too
    const onlyNew = await portal(`${id}/advance-payment`)
      .send({ expenses: machinery(3_000_000), attachmentIds: [await evidence()] })
      .expect(422);
    expect(onlyNew.body).toMatchObject({ code: 'NO_ADVANCE_LEFT', message: expect.stringContaining('これまでに支払った経費のすべて') });
    // all of it: 12,000,000円 → 8,000,000円, less the 6,000,000円 paid (once paid 8,000,000円 more, 14,000,000円 in all)
    await portal(`${id}/advance-payment`)
      .send({ expenses: [...machinery(9_000_000), ...machinery(3_000_000)], attachmentIds: [await evidence()] })
      .expect(200);
    expect((await staff('get', `${id}/post-award`).expect(200)).body.amounts).toMatchObject({
      advanceRequestedAmount: 2_000_000,
      advancePaidAmount: 6_000_000,
    });
  });

  it('a 確定額 the 概算払 paid in full is settled at the 額の確定: 支払済 with no batch, and the applicant told so', async () => {
    // every expense paid before the end, all of it asked in advance
    const { round, id } = await paidInAdvance();
    await inspected(id);
    const fixed = await staff('post', `${id}/amount-fixing`).expect(200);
    expect(fixed.body).toMatchObject({ status: 'paid', amounts: { fixedAmount: 16_000_000, advancePaidAmount: 16_000_000 } });
    const audit = await e.db.query(
      `SELECT action, actor_role, changes FROM audit_log WHERE entity_id = $1 AND action LIKE 'application.%' ORDER BY id DESC LIMIT 2`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['application.settleByAdvancePayment', 'application.fixAmount']);
    expect(audit[0]).toMatchObject({ actor_role: 'system', changes: { fixedAmount: 16_000_000, advancePaid: 16_000_000, paidAmount: 0 } });
    // both written in the 額の確定's transaction (the same created_at): compared as a set
    const sent = (await mails(id)).filter((m) => /^fixedAmountNotice$|^settledByAdvancePayment$|^paid$/.test(m.template));
    expect(sent.map((m) => [m.template, m.payload.quotedAmount]).sort()).toEqual([
      ['fixedAmountNotice', 16_000_000],
      ['settledByAdvancePayment', 16_000_000],
    ]);
    // the status page says what the mail says: nothing more is transferred (it once asked to check for the 入金)
    const { statusUrl } = (await e.t.http().get(`/api/intake/applications/${id}`).set('X-Api-Key', e.channel.apiKey).expect(200)).body;
    const page = await e.t.http().get(new URL(statusUrl).pathname).expect(200);
    expect(page.text).toContain('確定した補助金の額は概算払でお支払い済みのため、これ以上のお振込みはありません。');
    expect(page.text).not.toContain('入金をご確認ください');
    // no batch carries it, and the yearly 事業化状況報告 go on from 支払済
    const batch = await e.t.http().post('/api/payment-batches').set(bearer(e.s.manager)).send({ roundId: round.id, transferDate: nextBusinessDay() });
    expect(JSON.stringify(batch.body.lines ?? [])).not.toContain(id);
    await portal(`${id}/commercialization-reports`).send({ fiscalYear: currentFiscalYear(), sales: 12_000_000 }).expect(200);
  });

  /** paidInAdvance(): 16,000,000円 paid; the 確定検査 accepts 18,000,000円 of the 24,000,000円 reported: 確定額 to be 12,000,000円. */
  async function inspectedBelowAdvance() {
    const { round, id } = await paidInAdvance();
    await inspected(id, [{ index: 0, acceptedAmount: 18_000_000, reason: '加工機の付属品は補助対象外' }]);
    return { round, id };
  }

  /** inspectedBelowAdvance(), its amount fixed. */
  async function fixedBelowAdvance() {
    const { round, id } = await inspectedBelowAdvance();
    const fixed = await staff('post', `${id}/amount-fixing`).expect(200);
    return { round, id, fixed };
  }

  it('a 確定額 below the 概算払 paid claims the excess back at the 額の確定 (第18条第2項); its repayment settles the project', async () => {
    const { round, id, fixed } = await fixedBelowAdvance();
    const dueDate = defaultRepaymentDueDate(todayJst(), ADVANCE_EXCESS_DUE_DAYS);
    expect(fixed.body).toMatchObject({
      status: 'advanceExcessClaimed',
      amounts: { fixedAmount: 12_000_000, advancePaidAmount: 16_000_000 },
      repayment: { amount: 4_000_000, paidAmount: 16_000_000, ground: 'advanceAboveFixedAmount', dueDate, outstanding: 4_000_000, repaidAt: null },
      actions: { recordRepayment: true, revokeGrant: true },
    });
    const audit = await e.db.query(
      `SELECT action, actor_role, changes FROM audit_log WHERE entity_id = $1 AND action LIKE 'application.%' ORDER BY id DESC LIMIT 2`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['application.claimAdvanceExcess', 'application.fixAmount']);
    expect(audit[0]).toMatchObject({
      actor_role: 'system',
      changes: { fixedAmount: 12_000_000, advancePaid: 16_000_000, repaymentAmount: 4_000_000, dueDate },
    });
    const claimed = (await mails(id)).filter((m) => /^fixedAmountNotice$|^advanceExcessClaimed$|^settledByAdvancePayment$/.test(m.template));
    expect(claimed.map((m) => [m.template, m.payload.quotedAmount]).sort()).toEqual([
      ['advanceExcessClaimed', 4_000_000],
      ['fixedAmountNotice', 12_000_000],
    ]);
    await e.t.app.get(DispatchNotificationsJob).handle();
    const [mail] = await e.db.query(`SELECT body_text AS "bodyText" FROM notification WHERE application_id = $1 AND template = 'advanceExcessClaimed'`, [id]);
    expect(mail.bodyText).toContain('返還額: 4,000,000円');
    expect(mail.bodyText).toContain(`納期限: ${formatJstDate(dueDate)}`);
    expect(mail.bodyText).toContain('確定額 12,000,000円 に対し、概算払で 16,000,000円');
    // the 額の確定 mail sent with it promises no payment: it says the difference is settled, as the claim tells how
    const [fixedMail] = await e.db.query(`SELECT body_text AS "bodyText" FROM notification WHERE application_id = $1 AND template = 'fixedAmountNotice'`, [id]);
    expect(fixedMail.bodyText).toContain('確定額との差額の精算');
    expect(fixedMail.bodyText).not.toContain('差し引いた額');

    // no batch pays it, no one moves it by hand, and no 事業化状況報告 before its 精算
    const batch = await e.t.http().post('/api/payment-batches').set(bearer(e.s.manager)).send({ roundId: round.id, transferDate: nextBusinessDay() });
    expect(JSON.stringify(batch.body.lines ?? [])).not.toContain(id);
    for (const name of ['settleAdvanceExcess', 'pay', 'claimAdvanceExcess']) {
      const byHand = await staff('post', `${id}/transitions/${name}`).send({});
      expect([400, 403, 409, 422]).toContain(byHand.status);
    }
    await portal(`${id}/commercialization-reports`).send({ fiscalYear: currentFiscalYear(), sales: 12_000_000 }).expect(409);

    // a receipt dated before the 額の確定 is refused in its words; part, then the rest: 支払済, and the applicant told so
    const early = await staff('post', `${id}/repayments`)
      .send({ receivedOn: addDays(todayJst(), -1), amount: 1 })
      .expect(422);
    expect(early.body.message).toContain('額の確定の日');
    const part = await staff('post', `${id}/repayments`).send({ receivedOn: todayJst(), amount: 1_000_000 }).expect(200);
    expect(part.body).toMatchObject({ status: 'advanceExcessClaimed', repayment: { repaidTotal: 1_000_000, outstanding: 3_000_000 } });
    const over = await staff('post', `${id}/repayments`).send({ receivedOn: todayJst(), amount: 3_000_001 }).expect(422);
    expect(over.body.code).toBe('OVERPAYMENT');
    const rest = await staff('post', `${id}/repayments`).send({ receivedOn: todayJst(), amount: 3_000_000 }).expect(200);
    expect(rest.body).toMatchObject({ status: 'paid', repayment: { outstanding: 0, repaidAt: expect.any(String) }, actions: { recordRepayment: false } });
    expect((await mails(id)).map((m) => m.template)).toContain('advanceExcessRepaid');
    await portal(`${id}/commercialization-reports`).send({ fiscalYear: currentFiscalYear(), sales: 12_000_000 }).expect(200);

    // revoked afterwards: all that was paid (16,000,000円) is asked back, the 4,000,000円 returned counting towards it
    const revoked = await staff('post', `${id}/grant-revocation`)
      .send({ reason: '事業化状況報告に虚偽の記載が判明したため', dueDate: defaultRepaymentDueDate(todayJst(), 30) })
      .expect(200);
    expect(revoked.body).toMatchObject({
      status: 'grantRevoked',
      repayment: { amount: 16_000_000, paidAmount: 16_000_000, ground: 'general', repaidTotal: 4_000_000, outstanding: 12_000_000, repaidAt: null },
    });
    const [revokedMail] = await e.db.query(`SELECT payload FROM notification WHERE application_id = $1 AND template = 'grantRevoked'`, [id]);
    expect(revokedMail.payload.quotedAmount).toBe(12_000_000);
    const done = await staff('post', `${id}/repayments`).send({ receivedOn: todayJst(), amount: 12_000_000 }).expect(200);
    expect(done.body.status).toBe('repaid');
  });

  it('the manager may set the excess’s 納期限, 14 days ahead at least: sooner, the 額の確定 is refused whole', async () => {
    const { id } = await inspectedBelowAdvance();
    const soon = await staff('post', `${id}/amount-fixing`)
      .send({ repaymentDueDate: addDays(todayJst(), 13) })
      .expect(422);
    expect(soon.body).toMatchObject({ code: 'DUE_DATE_TOO_SOON', field: 'repaymentDueDate', earliest: defaultRepaymentDueDate(todayJst(), 14) });
    const badDate = await staff('post', `${id}/amount-fixing`).send({ repaymentDueDate: '2027-02-30' }).expect(422);
    expect(badDate.body).toMatchObject({ code: 'INVALID_DATE', field: 'repaymentDueDate' });
    expect(await statusOf(id)).toBe('finalInspection');
    expect(await e.db.query(`SELECT 1 FROM repayment_claim WHERE application_id = $1`, [id])).toHaveLength(0);
    expect((await e.db.query(`SELECT fixed_amount FROM grant_amount WHERE application_id = $1`, [id]))[0].fixed_amount).toBeNull();
    const fixed = await staff('post', `${id}/amount-fixing`)
      .send({ repaymentDueDate: defaultRepaymentDueDate(todayJst(), 14) })
      .expect(200);
    expect(fixed.body).toMatchObject({ status: 'advanceExcessClaimed', repayment: { amount: 4_000_000, dueDate: defaultRepaymentDueDate(todayJst(), 14) } });
  });

  it('a 交付決定取消 while the excess is claimed asks back all the 概算払 paid, and its 返還 ends the project', async () => {
    const { id } = await fixedBelowAdvance();
    // the 額の確定 was ten days ago: what the applicant paid since is received, also once the grant is revoked
    await e.db.query(
      `UPDATE repayment_claim SET claimed_at = claimed_at - interval '10 days', revoked_at = revoked_at - interval '10 days' WHERE application_id = $1`,
      [id],
    );
    await staff('post', `${id}/repayments`)
      .send({ receivedOn: addDays(todayJst(), -5), amount: 400_000 })
      .expect(200);
    const noDate = await staff('post', `${id}/grant-revocation`).send({ reason: '補助事業で取得した設備を無断で処分したため' }).expect(422);
    expect(noDate.body.code).toBe('DUE_DATE_REQUIRED');
    const revoked = await staff('post', `${id}/grant-revocation`)
      .send({ reason: '補助事業で取得した設備を無断で処分したため', dueDate: defaultRepaymentDueDate(todayJst(), 30) })
      .expect(200);
    expect(revoked.body).toMatchObject({ status: 'grantRevoked', repayment: { amount: 16_000_000, repaidTotal: 400_000, outstanding: 15_600_000 } });
    // a transfer made between the 額の確定 and the revocation, recorded only now; one before the 額の確定 is not the 返還's
    await staff('post', `${id}/repayments`)
      .send({ receivedOn: addDays(todayJst(), -3), amount: 100_000 })
      .expect(200);
    const early = await staff('post', `${id}/repayments`)
      .send({ receivedOn: addDays(todayJst(), -11), amount: 1 })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'RECEIVED_BEFORE_REVOCATION', revokedOn: addDays(todayJst(), -10) });
    expect(early.body.message).toContain('額の確定の日');
    const done = await staff('post', `${id}/repayments`).send({ receivedOn: todayJst(), amount: 15_500_000 }).expect(200);
    expect(done.body.status).toBe('repaid');
    expect((await mails(id)).map((m) => m.template)).not.toContain('advanceExcessRepaid');
  });

  it('no 事業化状況報告 reminder while the excess is owed (the report cannot be filed); it goes out once it is repaid', async () => {
    const { id } = await fixedBelowAdvance();
    const reminders = async () =>
      (await e.db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1 AND template = 'commercializationReportReminder'`, [id]))[0].n;
    // the first report falls due within the reminder's 30 days
    await e.db.query(`UPDATE commercialization_report SET due_date = (now() AT TIME ZONE 'Asia/Tokyo')::date + 10 WHERE application_id = $1 AND sequence = 1`, [
      id,
    ]);
    const job = e.t.app.get(RemindCommercializationReportsJob);
    await job.handle();
    expect(await reminders()).toBe(0);
    const [report] = await e.db.query(`SELECT reminded_at FROM commercialization_report WHERE application_id = $1 AND sequence = 1`, [id]);
    expect(report.reminded_at).toBeNull();
    await staff('post', `${id}/repayments`).send({ receivedOn: todayJst(), amount: 4_000_000 }).expect(200);
    await job.handle();
    await job.handle();
    expect(await reminders()).toBe(1);
  });

  it('a 確定額 not paid in full in advance is not settled by hand: the transition is the system’s', async () => {
    const round = await v2Round(e);
    const id = await granted(e, round);
    await e.db.query(`UPDATE application SET status = 'amountFixed' WHERE id = $1`, [id]);
    const byHand = await staff('post', `${id}/transitions/settleByAdvancePayment`).send({});
    expect(byHand.status).toBeGreaterThanOrEqual(400);
    expect(byHand.status).toBeLessThan(500);
    expect(await statusOf(id)).toBe('amountFixed');
  });

  describe('a refusal of the 概算払 and a payment batch at the same moment', () => {
    /** An application of a round that allows 概算払, its request of 6,000,000円 waiting, its account registered. */
    async function requested(): Promise<{ id: string; roundId: string }> {
      const round = await v2Round(e);
      await e.t.http().put(`/api/rounds/${round.id}`).set(bearer(e.s.manager)).send({ advancePaymentAllowed: true }).expect(200);
      const id = await granted(e, round);
      await portal(`${id}/advance-payment`)
        .send({ expenses: machinery(9_000_000), attachmentIds: [await evidence()] })
        .expect(200);
      await e.t
        .http()
        .post('/api/bank-accounts')
        .set(bearer(e.s.manager))
        .send({ applicationId: id, bankCode: '0001', branchCode: '123', depositType: '1', accountNumber: '7654321', accountHolderKana: 'ｶ)ｶﾞｲｻﾝﾊﾞﾗｲ' })
        .expect(201);
      return { id, roundId: round.id };
    }
    const batchOf = (roundId: string, id: string) =>
      e.t
        .http()
        .post('/api/payment-batches')
        .set(bearer(e.s.manager))
        .send({ roundId, transferDate: nextBusinessDay(), applicationIds: [id] });
    const refuse = (id: string) => staff('post', `${id}/transitions/refuseAdvancePayment`).send({ reason: '支払済みの経費の証拠書類が不足しています。' });
    const openLines = async (id: string) =>
      (await e.db.query(`SELECT count(*)::int AS n FROM payment_batch_line WHERE application_id = $1 AND open`, [id]))[0].n;

    it('the batch that read the request first holds it: the refusal waits for it and is refused (409), never a batch carrying a refused 概算払', async () => {
      const { id, roundId } = await requested();
      // The batch is held after reading its candidates (a second connection holds the round, which its INSERT
      // references) while the refusal arrives. Before the fix the refusal went through at once and the batch then
      // committed its line for the refused 概算払: both answered 2xx.
      const holder = e.db.createQueryRunner();
      await holder.startTransaction();
      try {
        await holder.query(`SELECT id FROM round WHERE id = $1 FOR UPDATE`, [roundId]);
        const batch = batchOf(roundId, id).then((r) => r);
        await until(async () => (await waitingOnLock(e.db)) === 1);
        expect(await waitingOnLock(e.db)).toBe(1);
        let refusalAnswered = false;
        const refusal = refuse(id).then((r) => ((refusalAnswered = true), r));
        await until(async () => refusalAnswered || (await waitingOnLock(e.db)) === 2);
        await holder.commitTransaction();
        const [made, refused] = await Promise.all([batch, refusal]);
        expect(made.status).toBe(201);
        expect(made.body.lines).toEqual([expect.objectContaining({ applicationId: id, kind: 'advance', amount: 6_000_000 })]);
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'IN_OPEN_PAYMENT_BATCH', paymentBatchId: made.body.id });
        expect(await statusOf(id)).toBe('advancePaymentRequested');
        // the application's page offers no refusal meanwhile, and names the batch instead
        const page = async () => (await e.t.http().get(`/api/applications/${id}`).set(bearer(e.s.manager)).expect(200)).body;
        expect(await page()).toMatchObject({ paymentBatch: { id: made.body.id }, transitions: [] });
        // cancelled, the batch holds it no more: the refusal is offered and goes through
        await e.t.http().post(`/api/payment-batches/${made.body.id}/cancel`).set(bearer(e.s.manager)).expect(200);
        const freed = await page();
        expect(freed.paymentBatch).toBeNull();
        expect(freed.transitions.map((t: { name: string }) => t.name)).toContain('refuseAdvancePayment');
        await refuse(id).expect(200);
        expect(await statusOf(id)).toBe('grantDecided');
        expect(await openLines(id)).toBe(0);
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
    });

    it('sent together, one of the two happens: a batch carrying the 概算払, or the refusal and no batch', async () => {
      for (let i = 0; i < 3; i++) {
        const { id, roundId } = await requested();
        const [made, refused] = await Promise.all([batchOf(roundId, id), refuse(id)]);
        for (const r of [made, refused]) expect(r.status).toBeLessThan(500);
        if (made.status === 201) {
          expect(refused.body.code).toBe('IN_OPEN_PAYMENT_BATCH');
          expect(await statusOf(id)).toBe('advancePaymentRequested');
          expect(await openLines(id)).toBe(1);
        } else {
          expect(made.body.code).toBe('NOTHING_TO_PAY');
          expect(refused.status).toBe(200);
          expect(await statusOf(id)).toBe('grantDecided');
          expect(await openLines(id)).toBe(0);
        }
      }
    });
  });
});
