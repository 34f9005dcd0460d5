import { randomUUID } from 'node:crypto';
import { formatJstDate } from '@jimukyoku/domain';
import { lastTransferDate } from '@jimukyoku/domain/zengin';
import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { DEV_PAYMENT_REQUESTER } from '../src/config';
import { TransitionsService, type TransitionActor } from '../src/modules/applications/transitions.service';
import { defaultRepaymentDueDate } from '../src/modules/post-award/repayment-rules';
import type { Round } from '../src/modules/rounds/round.entity';
import { RemindCommercializationReportsJob } from '../src/modules/schedules/remind-commercialization-reports.job';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { adoptByDecision, benefitDraftInput, categoryByCode, createDraft, openRound, recordFormalCheck } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { currentFiscalYear } from './commercialization-fixtures';
import { createChannel, tempStorageDir, upload, uploadRequired, validPayload } from './intake-fixtures';
import { bankingDay, lastBusinessDay, nextBusinessDay, todayJst, transferDateHasCome } from './payment-fixtures';

/**
 * The post-award journey (docs/post-award.md, docs/payments.md "Payment batches"): 採択 → 交付申請 (portal) → 交付決定
 * with its amount → 実績報告 (portal) → 確定検査 with one expense reduced → 額の確定 → a payment batch whose 全銀 file
 * is checked byte by byte → 支払済 / 振込完了 → the 事業化状況報告 reminders; and a 返還 path.
 */
describe('payment batches: 額確定 and 給付決定 → 全銀 総合振込 file → 支払済 / 振込完了', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  let channel: { id: string; apiKey: string };
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const portal = (path: string) => t.http().post(`/api/intake/applications/${path}`).set('X-Api-Key', channel.apiKey);
  const staff = (method: 'post' | 'put', path: string) => t.http()[method](`/api/applications/${path}`).set(as(s.manager));
  const transferDate = nextBusinessDay();

  let subsidyRound: Round;
  let benefitRound: Round;
  const fixed: { id: string; amount: number }[] = [];
  let noAccount: string;
  let benefit: { id: string; amount: number };
  let openBatchId: string;

  /** A subsidy@2 application driven by the post-award routes to 額確定; its 確定額. */
  async function amountFixed(round: Round, name: string): Promise<{ id: string; amount: number }> {
    const submitted = await portal('')
      .set('Idempotency-Key', randomUUID())
      .send(validPayload(round, await uploadRequired(t, channel.apiKey), { applicant: { ...validPayload(round, []).applicant, name } }))
      .expect(201);
    const id = submitted.body.id;
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [id]);
    await adoptByDecision(t, round, id, s.manager.user.id);
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    const expenses = [
      { expenseType: 'machinery', amount: 18_000_000, description: '5軸加工機' },
      { expenseType: 'expert', amount: 2_000_000, description: '加工技術の指導' },
    ];
    await portal(`${id}/grant-application`).send({ expenses }).expect(200);
    const decided = await staff('post', `${id}/grant-decision`).expect(200);
    expect(decided.body.amounts.grantAmount).toBe(13_333_333);
    const evidence = (await upload(t, channel.apiKey, 'other').expect(201)).body.id;
    await portal(`${id}/performance-report`)
      .send({ expenses, attachmentIds: [evidence] })
      .expect(200);
    await staff('post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
    // 確定検査: the inspector accepts the 指導 at 1,500,000円 of the 2,000,000円 reported, with the reason
    await staff('put', `${id}/final-inspection`)
      .send({ lines: [{ index: 1, acceptedAmount: 1_500_000, reason: '指導日数が契約より少ないため' }] })
      .expect(200);
    const done = await staff('post', `${id}/amount-fixing`).expect(200);
    expect(done.body.status).toBe('amountFixed');
    // the 確定額 is the rules' quote of what was accepted: (18,000,000 + 1,500,000) × 2/3, below the 交付決定額
    expect(done.body.amounts.fixedAmount).toBe(13_000_000);
    return { id, amount: done.body.amounts.fixedAmount };
  }

  const account = (applicationId: string, accountHolderKana: string, bankCode: string) =>
    t
      .http()
      .post('/api/bank-accounts')
      .set(as(s.manager))
      .send({ applicationId, bankCode, branchCode: '123', depositType: '1', accountNumber: '1234567', accountHolderKana })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp({ label: 'payment-batches', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    channel = await createChannel(t, s.admin.token);

    subsidyRound = await openRound(t);
    await t.http().put(`/api/rounds/${subsidyRound.id}`).set(as(s.manager)).send({ workflowVersion: 2 }).expect(200);
    fixed.push(await amountFixed(subsidyRound, '株式会社さくら精機'));
    fixed.push(await amountFixed(subsidyRound, '株式会社もみじ製作所'));
    noAccount = (await amountFixed(subsidyRound, '株式会社かえで工業')).id;
    await account(fixed[0].id, 'ｶ)ｻｸﾗｾｲｷ', '0001');
    await account(fixed[1].id, 'カ）モミジセイサクシヨ', '0005');

    benefitRound = await openRound(t, 'recoveryBenefit.r3-sup');
    const category = await categoryByCode(t, benefitRound, 'recoveryBenefit.benefit');
    const draft = await createDraft(t, benefitDraftInput(benefitRound, category, { applicantName: '株式会社すずらん食堂' }));
    const tr = t.app.get(TransitionsService);
    const intake: TransitionActor = { role: 'intake', id: null };
    await tr.fire(draft.id, 'confirmPreCheck', intake, {});
    await tr.fire(draft.id, 'submit', intake, {});
    // the 審査 starts on the 要件確認's 適 (formalCheckPassed)
    await recordFormalCheck(t, draft.id, true);
    await tr.fire(draft.id, 'startReview', { role: 'system', id: null }, {});
    await tr.fire(draft.id, 'decideBenefit', { role: 'manager', id: s.manager.user.id }, {});
    // its 振込完了 is a confirmed batch's, never the bare transition (as the 補助金's and IT導入's 支払)
    const bare = await t.http().post(`/api/applications/${draft.id}/transitions/recordTransfer`).set(as(s.manager)).send({}).expect(422);
    expect(bare.body.guardFailures).toContainEqual(expect.objectContaining({ code: 'PAYMENT_NOT_BY_BATCH' }));
    const [{ quoted_amount }] = await db.query(`SELECT quoted_amount::float8 FROM application WHERE id = $1`, [draft.id]);
    benefit = { id: draft.id, amount: quoted_amount };
    await account(benefit.id, 'ｶ)ｽｽﾞﾗﾝｼﾖｸﾄﾞｳ', '0009');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  let batchId: string;
  let benefitBatchId: string;

  it('a batch of the round: the 額確定 applications with an account, their 確定額; the one without an account excluded with the reason', async () => {
    const refused = await t
      .http()
      .post('/api/payment-batches')
      .set(as(s.manager))
      .send({ roundId: subsidyRound.id, transferDate: lastBusinessDay() })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'INVALID_TRANSFER_DATE', message: expect.stringContaining('明日以降') });
    // the header carries the 振込指定日 as MMDD only: a date a year on would be read by the bank as this year's
    // (docs/payments.md "Payment batches": at most 15 banking days ahead, the last one named)
    for (const far of ['9999-12-14', `${Number(transferDate.slice(0, 4)) + 1}${transferDate.slice(4)}`]) {
      const tooFar = await t.http().post('/api/payment-batches').set(as(s.manager)).send({ roundId: subsidyRound.id, transferDate: far }).expect(422);
      expect(tooFar.body).toMatchObject({ code: 'INVALID_TRANSFER_DATE', field: 'transferDate' });
      expect(tooFar.body.message).toContain(`${formatJstDate(lastTransferDate(new Date()))}までの銀行の営業日を指定してください`);
    }
    expect((await db.query(`SELECT count(*)::int AS n FROM payment_batch WHERE round_id = $1`, [subsidyRound.id]))[0].n).toBe(0);
    await t.http().post('/api/payment-batches').set(as(s.reviewer)).send({ roundId: subsidyRound.id, transferDate }).expect(403);

    const created = await t.http().post('/api/payment-batches').set(as(s.manager)).send({ roundId: subsidyRound.id, transferDate }).expect(201);
    batchId = created.body.id;
    const total = fixed[0].amount + fixed[1].amount;
    expect(created.body).toMatchObject({ status: 'open', transferDate, totalCount: 2, totalAmount: total, requester: DEV_PAYMENT_REQUESTER });
    // the round named with its programme (a round's own name, 「第2回公募」, is not unique)
    const [{ program }] = await db.query(`SELECT p.name AS program FROM round r JOIN program p ON p.id = r.program_id WHERE r.id = $1`, [subsidyRound.id]);
    expect(created.body.roundName).toBe(`${program} ${subsidyRound.name}`);
    expect(created.body.lines.map((l: { applicationId: string; amount: number }) => [l.applicationId, l.amount])).toEqual(
      expect.arrayContaining(fixed.map((f) => [f.id, f.amount])),
    );
    expect(created.body.excluded).toEqual([expect.objectContaining({ applicationId: noAccount, reason: expect.stringContaining('口座が登録されていません') })]);

    const benefitBatch = await t.http().post('/api/payment-batches').set(as(s.manager)).send({ roundId: benefitRound.id, transferDate }).expect(201);
    benefitBatchId = benefitBatch.body.id;
    expect(benefitBatch.body).toMatchObject({ totalCount: 1, totalAmount: benefit.amount, excluded: [] });
    expect(benefit.amount).toBe(1_000_000);
  });

  it('an application is in at most one open batch (409 in Japanese)', async () => {
    const twice = await t
      .http()
      .post('/api/payment-batches')
      .set(as(s.manager))
      .send({ roundId: subsidyRound.id, transferDate, applicationIds: [fixed[0].id] })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_IN_OPEN_BATCH', message: expect.stringContaining('別の未確定の支払バッチ') });
    const nothing = await t.http().post('/api/payment-batches').set(as(s.manager)).send({ roundId: subsidyRound.id, transferDate }).expect(422);
    expect(nothing.body.code).toBe('NOTHING_TO_PAY');
    // an application of another round asked for by id: named (it said only that the round had nothing to pay)
    const otherRound = await t
      .http()
      .post('/api/payment-batches')
      .set(as(s.manager))
      .send({ roundId: benefitRound.id, transferDate, applicationIds: [fixed[0].id] })
      .expect(422);
    expect(otherRound.body).toMatchObject({ code: 'NOTHING_TO_PAY', notPayable: [fixed[0].id] });
    expect(otherRound.body.message).toContain(`指定した申請 (${fixed[0].id}) は、この公募回の支払待ち`);
  });

  it('the 全銀 file: Shift_JIS records of 120 bytes + CRLF, header, data, trailer equal to the batch, end; audited', async () => {
    const res = await t
      .http()
      .get(`/api/payment-batches/${batchId}/zengin`)
      .set(as(s.manager))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=Shift_JIS');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="furikomi-${transferDate.replaceAll('-', '')}.txt"`);
    const bytes: Buffer = res.body;
    expect(bytes.length).toBe(5 * 122);
    const records = [0, 1, 2, 3, 4].map((i) => bytes.subarray(i * 122, i * 122 + 120));
    for (let i = 0; i < 5; i++) expect(bytes.subarray(i * 122 + 120, i * 122 + 122).toString('latin1')).toBe('\r\n');
    const text = (b: Buffer, from: number, to: number) => iconv.decode(b.subarray(from - 1, to), 'Shift_JIS');
    const [header, d1, d2, trailer, end] = records;
    expect(text(header, 1, 4)).toBe('1210');
    expect(text(header, 5, 14)).toBe(DEV_PAYMENT_REQUESTER.code);
    expect(text(header, 55, 58)).toBe(transferDate.slice(5, 7) + transferDate.slice(8, 10));
    expect(text(header, 59, 62)).toBe(DEV_PAYMENT_REQUESTER.bankCode);
    const data = [d1, d2].map((d) => ({
      kind: text(d, 1, 1),
      bank: text(d, 2, 5),
      branch: text(d, 21, 23),
      name: text(d, 51, 80).trimEnd(),
      amount: Number(text(d, 81, 90)),
    }));
    expect(data).toEqual(
      expect.arrayContaining([
        { kind: '2', bank: '0001', branch: '123', name: 'ｶ)ｻｸﾗｾｲｷ', amount: fixed[0].amount },
        { kind: '2', bank: '0005', branch: '123', name: 'ｶ)ﾓﾐｼﾞｾｲｻｸｼﾖ', amount: fixed[1].amount },
      ]),
    );
    // 半角カナ are one byte each in Shift_JIS: ｶ = 0xB6, ) = 0x29, ｻ = 0xBB
    const sakura = [d1, d2].find((d) => text(d, 2, 5) === '0001')!;
    expect([...sakura.subarray(50, 53)]).toEqual([0xb6, 0x29, 0xbb]);
    expect(text(trailer, 1, 1)).toBe('8');
    expect(Number(text(trailer, 2, 7))).toBe(2);
    expect(Number(text(trailer, 8, 19))).toBe(fixed[0].amount + fixed[1].amount);
    expect(text(end, 1, 1)).toBe('9');
    expect(text(end, 2, 120)).toBe(' '.repeat(119));
    const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'paymentBatch.downloaded'`, [batchId]);
    expect(audit.changes).toMatchObject({ totalCount: 2, totalAmount: fixed[0].amount + fixed[1].amount });
    await t.http().get(`/api/payment-batches/${batchId}/zengin`).set(as(s.auditor)).expect(403);
  });

  it('confirm: every application 支払済 / 振込完了 with its 支払額 and 振込日 in the audit record, the applicant mailed, the batch paid', async () => {
    // before its 振込指定日 (in Japan) the bank has not transferred: refused whatever 振込日 is typed, naming the date
    // as the secretariat writes it, not as the request carried it
    const bankDay = lastBusinessDay();
    for (const paidOn of [transferDate, bankDay]) {
      const early = await t.http().post(`/api/payment-batches/${batchId}/confirm`).set(as(s.manager)).send({ paidOn }).expect(422);
      expect(early.body).toMatchObject({ code: 'TRANSFER_DATE_NOT_COME', transferDate });
      expect(early.body.message).toContain(`この支払バッチの振込指定日は${formatJstDate(transferDate)}です。振込の確定は振込指定日以降に行えます`);
    }
    expect(await db.query(`SELECT status FROM payment_batch WHERE id = $1`, [batchId])).toEqual([{ status: 'open' }]);
    // from that day, a 振込日 in the future or before the 振込指定日 is still refused
    let dayBefore = bankDay;
    for (let n = 1; dayBefore >= bankDay; n++) dayBefore = bankingDay(-n, -1);
    await transferDateHasCome(t, batchId, bankDay);
    const future = await t.http().post(`/api/payment-batches/${batchId}/confirm`).set(as(s.manager)).send({ paidOn: transferDate }).expect(422);
    expect(future.body.message).toContain(`振込日「${formatJstDate(transferDate)}」は未来の日付です`);
    const beforeIt = await t.http().post(`/api/payment-batches/${batchId}/confirm`).set(as(s.manager)).send({ paidOn: dayBefore }).expect(422);
    expect(beforeIt.body).toMatchObject({ code: 'INVALID_TRANSFER_DATE', field: 'paidOn' });
    expect(beforeIt.body.message).toContain(`振込日「${formatJstDate(dayBefore)}」はこの支払バッチの振込指定日（${formatJstDate(bankDay)}）より前です`);
    for (const id of [batchId, benefitBatchId]) await transferDateHasCome(t, id, bankDay);
    const confirmed = await t.http().post(`/api/payment-batches/${batchId}/confirm`).set(as(s.manager)).send({ paidOn: bankDay }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'paid', paidOn: bankDay });
    for (const f of fixed) {
      expect(await statusOf(f.id)).toBe('paid');
      const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.pay'`, [f.id]);
      expect(audit.changes).toMatchObject({ paymentBatchId: batchId, paidAmount: f.amount, paidOn: bankDay });
      const mails = await db.query(`SELECT payload FROM notification WHERE application_id = $1 AND template = 'paidByBatch'`, [f.id]);
      expect(mails).toHaveLength(1);
      expect(mails[0].payload.quotedAmount).toBe(f.amount); // the 確定額 paid, not the quote at 申請
      expect(mails[0].payload.paidOn).toBe(formatJstDate(bankDay)); // the mail says 振込日 as the applicant's bank book will
    }
    expect(await statusOf(noAccount)).toBe('amountFixed');
    await t.http().post(`/api/payment-batches/${batchId}/confirm`).set(as(s.manager)).send({ paidOn: bankDay }).expect(409);
    await t.http().post(`/api/payment-batches/${batchId}/cancel`).set(as(s.manager)).expect(409);

    await t.http().post(`/api/payment-batches/${benefitBatchId}/confirm`).set(as(s.manager)).send({ paidOn: bankDay }).expect(200);
    expect(await statusOf(benefit.id)).toBe('transferred');
    const [transfer] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'application.recordTransfer'`, [benefit.id]);
    expect(transfer.changes).toMatchObject({ paymentBatchId: benefitBatchId, paidAmount: benefit.amount, paidOn: bankDay });
    expect(await db.query(`SELECT 1 FROM notification WHERE application_id = $1 AND template = 'transferred'`, [benefit.id])).toHaveLength(1);
  });

  it('after 支払: five yearly 事業化状況報告 scheduled, each reminded once before its due date; a 返還 path for a paid project', async () => {
    const [paidProject, revokedProject] = fixed;
    const reports = await db.query(`SELECT sequence, due_date FROM commercialization_report WHERE application_id = $1 ORDER BY sequence`, [paidProject.id]);
    expect(reports.map((r: { sequence: number }) => r.sequence)).toEqual([1, 2, 3, 4, 5]);
    const job = t.app.get(RemindCommercializationReportsJob);
    const reminders = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM notification WHERE application_id = $1 AND template = 'commercializationReportReminder'`, [
          paidProject.id,
        ])
      )[0].n;
    await job.handle();
    expect(await reminders()).toBe(0); // a year away
    // a year on (moved in the database): the first report is due within the reminder days
    await db.query(`UPDATE commercialization_report SET due_date = (now() AT TIME ZONE 'Asia/Tokyo')::date + 10 WHERE application_id = $1 AND sequence = 1`, [
      paidProject.id,
    ]);
    await Promise.all([job.handle(), job.handle()]);
    await job.handle();
    expect(await reminders()).toBe(1);
    // the applicant reports through the portal: the first report is fulfilled
    await portal(`${paidProject.id}/commercialization-reports`).send({ fiscalYear: currentFiscalYear(), sales: 120_000_000 }).expect(200);
    expect(await statusOf(paidProject.id)).toBe('commercializationReporting');

    // 交付決定取消 of the other paid project: the 返還 is what was paid, repaid in full → 返還済
    const today = todayJst();
    const revoked = await staff('post', `${revokedProject.id}/grant-revocation`)
      .send({ reason: '補助事業で取得した設備を無断で処分したため', dueDate: defaultRepaymentDueDate(today, 30) })
      .expect(200);
    expect(revoked.body.repayment).toMatchObject({ amount: revokedProject.amount, outstanding: revokedProject.amount });
    await staff('post', `${revokedProject.id}/repayments`).send({ receivedOn: today, amount: revokedProject.amount }).expect(200);
    expect(await statusOf(revokedProject.id)).toBe('repaid');
  });

  it('cancel before confirmation: its applications can go into another batch', async () => {
    await account(noAccount, 'ｶ)ｶｴﾃﾞｺｳｷﾞﾖｳ', '0001');
    const created = await t.http().post('/api/payment-batches').set(as(s.manager)).send({ roundId: subsidyRound.id, transferDate }).expect(201);
    expect(created.body.totalCount).toBe(1);
    const cancelled = await t.http().post(`/api/payment-batches/${created.body.id}/cancel`).set(as(s.manager)).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const gone = await t.http().get(`/api/payment-batches/${created.body.id}/zengin`).set(as(s.manager)).expect(409);
    expect(gone.body.message).toContain('取り消されています');
    const again = await t.http().post('/api/payment-batches').set(as(s.manager)).send({ roundId: subsidyRound.id, transferDate }).expect(201);
    expect(again.body.lines.map((l: { applicationId: string }) => l.applicationId)).toEqual([noAccount]);
    const list = await t
      .http()
      .get(`/api/payment-batches?filter=${encodeURIComponent(JSON.stringify({ roundId: subsidyRound.id }))}`)
      .set(as(s.auditor))
      .expect(200);
    expect(list.body).toHaveLength(3);
    openBatchId = again.body.id;
  });

  it('an application in an open batch leaves its payment state only by the batch: a 交付決定取消 is refused (409) until the batch is cancelled', async () => {
    const revoke = () => staff('post', `${noAccount}/grant-revocation`).send({ reason: '補助事業を実施していないことが判明したため' });
    const [{ receipt_number: receipt }] = await db.query(`SELECT receipt_number FROM application WHERE id = $1`, [noAccount]);
    const kept = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*) FROM audit_log WHERE entity_id = $1::text)::int AS audit, (SELECT count(*) FROM notification WHERE application_id = $1::uuid)::int AS mails,
                  (SELECT count(*) FROM repayment_claim WHERE application_id = $1::uuid)::int AS claims`,
          [noAccount],
        )
      )[0];
    // the application's page says so, and offers no 交付決定取消 while the batch is open
    const view = (await t.http().get(`/api/applications/${noAccount}/post-award`).set(as(s.manager)).expect(200)).body;
    expect(view.paymentBatch).toEqual({ id: openBatchId, transferDate });
    expect(view.actions.revokeGrant).toBe(false);
    // and its page's header: the batch instead of buttons the API would refuse
    const shown = (await t.http().get(`/api/applications/${noAccount}`).set(as(s.manager)).expect(200)).body;
    expect(shown).toMatchObject({ paymentBatch: { id: openBatchId, transferDate }, transitions: [] });
    const before = await kept();
    const refused = await revoke();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'IN_OPEN_PAYMENT_BATCH', paymentBatchId: openBatchId, transferDate });
    expect(refused.body.message).toContain(`申請 ${receipt} は未確定の支払バッチ（振込指定日 ${formatJstDate(transferDate)}）に含まれています`);
    expect(refused.body.message).toContain('支払バッチを取り消し');
    // nothing of it was kept: the state, no audit record, no mail, no 返還
    expect(await statusOf(noAccount)).toBe('amountFixed');
    expect(await kept()).toEqual({ ...before, claims: 0 });

    // a record changed by other means than the API: the confirmation still refuses the whole batch, naming it
    await db.query(`UPDATE application SET status = 'grantRevoked' WHERE id = $1`, [noAccount]);
    await transferDateHasCome(t, openBatchId, lastBusinessDay());
    const unpayable = await t.http().post(`/api/payment-batches/${openBatchId}/confirm`).set(as(s.manager)).send({ paidOn: lastBusinessDay() });
    expect(unpayable.status).toBe(409);
    expect(unpayable.body).toMatchObject({ code: 'LINE_NOT_PAYABLE', applicationId: noAccount, status: 'grantRevoked' });
    expect(unpayable.body.message).toContain(`申請 ${receipt} は支払待ちではありません（現在の状態: `);
    expect(unpayable.body.message).toContain('この支払バッチを取り消し');
    expect((await t.http().get(`/api/payment-batches/${openBatchId}`).set(as(s.manager)).expect(200)).body.status).toBe('open');
    await db.query(`UPDATE application SET status = 'amountFixed' WHERE id = $1`, [noAccount]);

    // cancelled, the batch carries it no more: revoked before anything was paid, nothing to repay, so 返還済 at once
    await t.http().post(`/api/payment-batches/${openBatchId}/cancel`).set(as(s.manager)).expect(200);
    const freed = (await t.http().get(`/api/applications/${noAccount}/post-award`).set(as(s.manager)).expect(200)).body;
    expect(freed).toMatchObject({ paymentBatch: null, actions: { revokeGrant: true } });
    expect((await t.http().get(`/api/applications/${noAccount}`).set(as(s.manager)).expect(200)).body.paymentBatch).toBeNull();
    await revoke().expect(200);
    expect(await statusOf(noAccount)).toBe('repaid');
  });
});
