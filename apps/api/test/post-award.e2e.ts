import { DataSource } from 'typeorm';
import { DEFAULT_TEMPLATES, formatYen } from '@jimukyoku/domain';
import { renderNotification } from '../src/modules/notifications/notification-renderer';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { adoptByDecision, categoryByCode, createDraft, draftInput, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { amountFixedYearsAgo, currentFiscalYear } from './commercialization-fixtures';
import { createChannel, submitValid, tempStorageDir, upload } from './intake-fixtures';
import { payThroughBatch } from './payment-fixtures';

/**
 * The 補助金's post-award half (docs/post-award.md): subsidy@2 for new rounds, v1 kept by the applications on it,
 * and a round moved to v2 while it has no application.
 */
describe('after 採択: subsidy@2, its migration path and the post-award steps', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const as = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
  let channel: { id: string; apiKey: string };
  const statusOf = async (id: string) => (await db.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;
  const portal = (path: string, key?: string) => {
    const req = t.http().post(`/api/intake/applications/${path}`).set('X-Api-Key', channel.apiKey);
    return key ? req.set('Idempotency-Key', key) : req;
  };
  const staff = (who: LoggedIn, method: 'post' | 'put' | 'get', path: string) => t.http()[method](`/api/applications/${path}`).set(as(who));

  /** A round on subsidy@2 (moved before its first application), its 採択発表 made. */
  async function v2Round(): Promise<Round> {
    const round = await openRound(t);
    await t.http().put(`/api/rounds/${round.id}`).set(as(s.manager)).send({ workflowVersion: 2 }).expect(200);
    return round;
  }
  /** 採択 by a committed decision, then the 採択発表 (the 交付申請 waits for it). */
  async function adopt(round: Round, id: string) {
    await db.query(`UPDATE application SET status = 'reviewed' WHERE id = $1`, [id]);
    await adoptByDecision(t, round, id, s.manager.user.id);
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
  }
  const versionOf = async (roundId: string) => (await db.query(`SELECT workflow_version FROM round WHERE id = $1`, [roundId]))[0].workflow_version;

  beforeAll(async () => {
    t = await startTestApp({ label: 'post-award', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    channel = await createChannel(t, s.admin.token);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('versions', () => {
    it('a new round runs on the latest 補助金 definition, subsidy@2, unless it names a registered version', async () => {
      const [r] = await db.query(`SELECT program_id, rule_set_id FROM round WHERE code = 'restructuring.round6'`);
      const body = { programId: r.program_id, ruleSetId: r.rule_set_id, opensAt: '2030-07-01T00:00:00+09:00', closesAt: '2030-09-30T18:00:00+09:00' };
      const latest = await t
        .http()
        .post('/api/rounds')
        .set(as(s.manager))
        .send({ ...body, number: 901 })
        .expect(201);
      expect(latest.body.workflowVersion).toBe(2);
      const pinned = await t
        .http()
        .post('/api/rounds')
        .set(as(s.manager))
        .send({ ...body, number: 902, workflowVersion: 1 })
        .expect(201);
      expect(pinned.body.workflowVersion).toBe(1);
      const unknown = await t
        .http()
        .post('/api/rounds')
        .set(as(s.manager))
        .send({ ...body, number: 903, workflowVersion: 7 })
        .expect(400);
      expect(unknown.body).toMatchObject({ code: 'WORKFLOW_VERSION_UNKNOWN', message: expect.stringContaining('手続定義') });
      const workflow = await t.http().get(`/api/rounds/${latest.body.id}/workflow`).set(as(s.manager)).expect(200);
      expect(workflow.body.definition).toMatchObject({ code: 'subsidy', version: 2 });
    });

    it('a round with no application yet moves to v2 (audited); once it has one, its version is fixed', async () => {
      const round = await openRound(t);
      expect(await versionOf(round.id)).toBe(1);
      await t.http().put(`/api/rounds/${round.id}`).set(as(s.manager)).send({ workflowVersion: 2 }).expect(200);
      expect(await versionOf(round.id)).toBe(2);
      const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'round.updated' ORDER BY id DESC LIMIT 1`, [round.id]);
      expect(JSON.stringify(audit.changes)).toContain('workflowVersion');

      const category = await categoryByCode(t, round, 'restructuring.standard');
      const app = await createDraft(t, draftInput(round, category));
      expect(app.workflowVersion).toBe(2);
      const refused = await t.http().put(`/api/rounds/${round.id}`).set(as(s.manager)).send({ workflowVersion: 1 }).expect(409);
      expect(refused.body).toMatchObject({ code: 'WORKFLOW_FIXED_AFTER_APPLICATIONS', message: expect.stringContaining('手続定義の版を変更できません') });
      expect(await versionOf(round.id)).toBe(2);
    });

    it('an application on v1 keeps v1: v2’s post-award steps are not offered to it', async () => {
      const round: Round = await openRound(t);
      const category = await categoryByCode(t, round, 'restructuring.standard');
      const app = await createDraft(t, draftInput(round, category));
      expect(app.workflowVersion).toBe(1);
      await db.query(`UPDATE application SET status = 'grantDecided' WHERE id = $1`, [app.id]);
      const refused = t.app.get(TransitionsService).fire(app.id, 'requestPlanChange', { role: 'intake', id: null });
      await expect(refused).rejects.toMatchObject({ response: { code: 'UNKNOWN_TRANSITION' } });
      // filed (here on paper), the step is refused in the applicant's words, not by the transition's name
      const planChange = await staff(s.manager, 'post', `${app.id}/paper-filings`)
        .send({ step: 'planChange', description: '機種の変更', documents: ['other'], note: '郵送で受領' })
        .expect(409);
      expect(planChange.body).toMatchObject({ code: 'STEP_NOT_IN_PROCEDURE', message: expect.stringContaining('計画変更承認申請の届出がありません') });
      const res = await t.http().get(`/api/applications/${app.id}`).set(as(s.manager)).expect(200);
      expect(res.body).toMatchObject({ workflowVersion: 1 });
      // v1 decides a grant by the bare transition, recording no amounts: the 交付決定's amount route says so (not that
      // its 交付申請 has no expenses) and points to the transition
      await db.query(`UPDATE application SET status = 'grantApplied' WHERE id = $1`, [app.id]);
      const grant = await staff(s.manager, 'post', `${app.id}/grant-decision`).expect(422);
      expect(grant.body).toMatchObject({ code: 'NO_GRANT_AMOUNTS', message: expect.stringContaining('「交付決定する」') });
      // likewise its 確定検査 has nothing to weigh, so the amount routes say so and point to the transition, which fixes
      // the amount as v1 always did
      await db.query(`UPDATE application SET status = 'finalInspection' WHERE id = $1`, [app.id]);
      const inspection = await staff(s.manager, 'put', `${app.id}/final-inspection`).send({ lines: [] }).expect(422);
      expect(inspection.body).toMatchObject({ code: 'NO_GRANT_AMOUNTS', message: expect.stringContaining('「額を確定する」') });
      expect((await staff(s.manager, 'post', `${app.id}/amount-fixing`).expect(422)).body.code).toBe('NO_GRANT_AMOUNTS');
      // and the tab's view says no amounts are kept, rather than that no 交付申請 came yet
      const view = await staff(s.manager, 'get', `${app.id}/post-award`).expect(200);
      expect(view.body).toMatchObject({ amounts: null, amountsKept: false });
      await staff(s.manager, 'post', `${app.id}/transitions/fixAmount`).send({}).expect(200);
      expect(await statusOf(app.id)).toBe('amountFixed');
    });
  });
  describe('the journey: 採択 → 交付申請 (portal) → 交付決定 → 実績報告 (portal) → 確定検査 → 額の確定 → 支払 → 事業化状況報告', () => {
    let round: Round;
    let id: string;
    let adoptedAmount: number;
    let grantAmount: number;

    beforeAll(async () => {
      round = await v2Round();
      const submitted = await submitValid(t, channel.apiKey, round);
      id = submitted.id;
      adoptedAmount = submitted.quotedAmount;
      expect(adoptedAmount).toBeGreaterThan(0);
      await adopt(round, id);
      expect(await statusOf(id)).toBe('adopted');
    });

    it('交付申請 through the portal: its expenses are quoted by the rules, and above the 採択額 it is refused in Japanese', async () => {
      const above = await portal(`${id}/grant-application`)
        .send({ expenses: [{ expenseType: 'machinery', amount: 90_000_000, description: '5軸加工機（上位機種）' }] })
        .expect(422);
      expect(above.body).toMatchObject({ code: 'ABOVE_ADOPTED_AMOUNT', adoptedAmount });
      expect(above.body.message).toContain('採択額');
      expect(await statusOf(id)).toBe('adopted');
      const missing = await portal(`${id}/grant-application`).send({}).expect(422);
      expect(missing.body).toMatchObject({ code: 'INVALID_FILING', errors: [{ field: 'expenses' }] });

      const body = {
        expenses: [
          { expenseType: 'machinery', amount: 24_000_000, description: '5軸加工機' },
          { expenseType: 'machinery', amount: 3_000_000, description: '据付工事' },
        ],
      };
      const filed = await portal(`${id}/grant-application`, 'grant-1').send(body).expect(200);
      expect(filed.body).toMatchObject({ id, step: 'grantApplication', status: 'grantApplied', statusLabel: '交付申請' });
      // the portal can show the applicant's status page, as after the submission
      expect(filed.body.statusUrl).toMatch(/^https?:\/\/[^/]+\/status\/[\w.-]+$/);
      const page = await t.http().get(new URL(filed.body.statusUrl).pathname).expect(200);
      expect(page.text).toContain('交付申請');
      const replay = await portal(`${id}/grant-application`, 'grant-1').send(body).expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(filed.body);
      const reused = await portal(`${id}/grant-application`, 'grant-1')
        .send({ expenses: [body.expenses[0]] })
        .expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('交付決定: a bare transition is refused; the grant-decision route decides the quote of the 交付申請, and the mail states it', async () => {
      const bare = await staff(s.manager, 'post', `${id}/transitions/decideGrant`)
        .send({})
        .expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
      expect(JSON.stringify(bare.body)).toContain('AMOUNT_NOT_COMPUTED');
      await staff(s.reviewer, 'post', `${id}/grant-decision`).expect(403);

      const decided = await staff(s.manager, 'post', `${id}/grant-decision`).expect(200);
      grantAmount = decided.body.amounts.grantAmount;
      expect(decided.body).toMatchObject({ status: 'grantDecided', amounts: { adoptedAmount, requestedAmount: grantAmount } });
      expect(grantAmount).toBeGreaterThan(0);
      expect(grantAmount).toBeLessThanOrEqual(adoptedAmount);
      const [mail] = await db.query(`SELECT payload FROM notification WHERE application_id = $1 AND template = 'grantDecided'`, [id]);
      expect(mail.payload.quotedAmount).toBe(grantAmount);
    });

    it('実績報告 through the portal needs its evidence; then the actual expenses are kept', async () => {
      const actual = {
        expenses: [
          { expenseType: 'machinery', amount: 24_000_000, description: '5軸加工機' },
          { expenseType: 'machinery', amount: 3_000_000, description: '据付工事' },
        ],
      };
      const noEvidence = await portal(`${id}/performance-report`).send(actual).expect(422);
      expect(noEvidence.body.errors).toContainEqual(expect.objectContaining({ field: 'attachmentIds' }));
      // the evidence as what it is (a receipt, an invoice), not 「その他」
      const [receipt, invoice] = [
        (await upload(t, channel.apiKey, 'paymentProof').expect(201)).body.id,
        (await upload(t, channel.apiKey, 'invoice').expect(201)).body.id,
      ];
      await portal(`${id}/performance-report`, 'report-1')
        .send({ ...actual, attachmentIds: [receipt, invoice] })
        .expect(200);
      expect(await statusOf(id)).toBe('performanceReported');
      const listed = (await t.http().get(`/api/applications/${id}/attachments`).set(as(s.manager)).expect(200)).body as { id: string; kindLabel: string }[];
      expect([receipt, invoice].map((x) => listed.find((a) => a.id === x)?.kindLabel)).toEqual(['領収書・振込の控え', '請求書']);
    });

    it('確定検査: one expense reduced with a reason; more than reported, or less without a reason, is refused in Japanese', async () => {
      await staff(s.manager, 'post', `${id}/transitions/startFinalInspection`).send({}).expect(200);
      // the admin's buttons: the inspection is open, the 額の確定 waits for it
      const view = await staff(s.manager, 'get', `${id}/post-award`).expect(200);
      expect(view.body.amountsKept).toBe(true);
      expect(view.body.actions).toEqual({
        decideGrant: false,
        inspect: true,
        fixAmount: false,
        revokeGrant: true,
        recordRepayment: false,
        paperSteps: [],
      });
      const above = await staff(s.manager, 'put', `${id}/final-inspection`)
        .send({ lines: [{ index: 1, acceptedAmount: 3_500_000 }] })
        .expect(422);
      expect(above.body).toMatchObject({ code: 'ABOVE_REPORTED_AMOUNT', field: 'lines[0].acceptedAmount' });
      expect(above.body.message).toContain('報告額以下');
      // the line as a person counts it (the second, index 1), as the admin's 確定検査 table numbers it
      expect(above.body.message).toMatch(/^経費明細 2（/);
      const noReason = await staff(s.manager, 'put', `${id}/final-inspection`)
        .send({ lines: [{ index: 1, acceptedAmount: 1_500_000 }] })
        .expect(422);
      expect(noReason.body.code).toBe('REDUCTION_REASON_REQUIRED');
      const inspected = await staff(s.manager, 'put', `${id}/final-inspection`)
        .send({ lines: [{ index: 1, acceptedAmount: 1_500_000, reason: '据付工事のうち交付決定前の発注分を除外' }] })
        .expect(200);
      expect(inspected.body.amounts.inspection).toEqual([
        { index: 0, expenseType: 'machinery', description: '5軸加工機', reported: 24_000_000, accepted: 24_000_000, reason: null },
        {
          index: 1,
          expenseType: 'machinery',
          description: '据付工事',
          reported: 3_000_000,
          accepted: 1_500_000,
          reason: '据付工事のうち交付決定前の発注分を除外',
        },
      ]);
      expect(inspected.body.actions).toEqual({ decideGrant: false, inspect: true, fixAmount: true, revokeGrant: true, recordRepayment: false, paperSteps: [] });
      const [audit] = await db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'finalInspection.recorded'`, [id]);
      expect(audit.changes.adjustments).toHaveLength(1);
    });

    it('額の確定: the quote of the accepted expenses, never above the 交付決定額; then 支払 (only by a payment batch) and the yearly 事業化状況報告', async () => {
      // an inspection sent while the amount is being fixed lands before the 額の確定 or is refused, never after it
      const [fixed, late] = await Promise.all([
        staff(s.manager, 'post', `${id}/amount-fixing`),
        staff(s.manager, 'put', `${id}/final-inspection`).send({
          lines: [{ index: 1, acceptedAmount: 1_500_000, reason: '据付工事のうち交付決定前の発注分を除外' }],
        }),
      ]);
      expect(fixed.status).toBe(200);
      if (late.status !== 200) expect(late.body).toMatchObject({ code: 'NOT_IN_INSPECTION' });
      const order = await db.query(
        `SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('finalInspection.recorded', 'application.fixAmount') ORDER BY id`,
        [id],
      );
      expect(order.at(-1).action).toBe('application.fixAmount');
      const fixedAmount = fixed.body.amounts.fixedAmount;
      expect(fixed.body.status).toBe('amountFixed');
      expect(fixedAmount).toBeGreaterThan(0);
      expect(fixedAmount).toBeLessThan(grantAmount); // one expense was reduced
      const [row] = await db.query(`SELECT fixed_amount::float8 AS f, grant_amount::float8 AS g FROM grant_amount WHERE application_id = $1`, [id]);
      expect(row).toEqual({ f: fixedAmount, g: grantAmount });
      // the mail states the 確定額 (subsidy@2's own template: v1's 額の確定 records no amount)
      const [mail] = await db.query(`SELECT template, payload FROM notification WHERE application_id = $1 AND template LIKE '%ixed%'`, [id]);
      expect(mail).toMatchObject({ template: 'fixedAmountNotice', payload: { quotedAmount: fixedAmount } });
      const text = renderNotification(mail.template, DEFAULT_TEMPLATES.fixedAmountNotice, mail, { programName: null, secretariat: t.config.secretariat });
      expect(text.text).toContain(`確定額: ${formatYen(fixedAmount)}`);

      // the 支払 is recorded by the confirmed payment batch that transferred it, never a bare transition
      const bare = await staff(s.manager, 'post', `${id}/transitions/pay`).send({}).expect(422);
      expect(bare.body.guardFailures).toContainEqual(expect.objectContaining({ code: 'PAYMENT_NOT_BY_BATCH', message: expect.stringContaining('支払バッチ') }));
      await payThroughBatch(t, s.manager.token, [id]);
      expect(await statusOf(id)).toBe('paid');

      const missingYear = await portal(`${id}/commercialization-reports`).send({}).expect(422);
      expect(missingYear.body.errors).toContainEqual(expect.objectContaining({ field: 'fiscalYear' }));
      // a year after the 額の確定: its 年度 and the current one may be reported
      await amountFixedYearsAgo(db, id, 1);
      await portal(`${id}/commercialization-reports`)
        .send({ fiscalYear: currentFiscalYear() - 1, sales: 12_000_000 })
        .expect(200);
      await portal(`${id}/commercialization-reports`).send({ fiscalYear: currentFiscalYear(), sales: 18_000_000 }).expect(200);
      expect(await statusOf(id)).toBe('commercializationReporting');

      const page = await staff(s.auditor, 'get', id).expect(200);
      expect(page.body.postAward).toMatchObject({ adoptedAmount, grantAmount, fixedAmount });
      const filings = await staff(s.auditor, 'get', `${id}/post-award`).expect(200);
      expect(filings.body.filings.map((f: { step: string }) => f.step)).toEqual([
        'grantApplication',
        'performanceReport',
        'commercializationReport',
        'commercializationReport',
      ]);
    });
  });

  describe('計画変更, 事業廃止, 取下げ through the portal, and 交付決定取消 → 返還', () => {
    /** An application of the portal on subsidy@2, adopted and announced, its 交付申請 filed and decided. */
    async function decided(round: Round): Promise<string> {
      const submitted = await submitValid(t, channel.apiKey, round);
      const id = submitted.id;
      await adopt(round, id);
      await portal(`${id}/grant-application`)
        .send({ expenses: [{ expenseType: 'machinery', amount: 24_000_000, description: '5軸加工機' }] })
        .expect(200);
      await staff(s.manager, 'post', `${id}/grant-decision`).expect(200);
      return id;
    }

    it('a 計画変更 approved by the manager, then a 事業廃止 with its reason ends the project', async () => {
      const round = await v2Round();
      const id = await decided(round);
      const noDescription = await portal(`${id}/plan-change`).send({}).expect(422);
      expect(noDescription.body.errors).toContainEqual(expect.objectContaining({ field: 'description' }));
      await portal(`${id}/plan-change`, 'change-1').send({ description: '導入する機械装置を同等品に変更する' }).expect(200);
      expect(await statusOf(id)).toBe('planChangeRequested');
      await staff(s.manager, 'post', `${id}/transitions/approvePlanChange`).send({}).expect(200);
      expect(await statusOf(id)).toBe('grantDecided');

      const noReason = await portal(`${id}/abandonment`).send({ reason: '  ' }).expect(422);
      expect(noReason.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
      await portal(`${id}/abandonment`).send({ reason: '主要取引先の撤退により事業の継続が困難になったため' }).expect(200);
      await staff(s.manager, 'post', `${id}/transitions/approveAbandonment`).send({}).expect(200);
      expect(await statusOf(id)).toBe('abandoned');
      // after 交付決定 the project ends by 事業廃止, not by 取下げ
      const late = await portal(`${id}/withdrawal`).send({ reason: '辞退' });
      expect(late.status).toBeGreaterThanOrEqual(400);
      expect(late.status).toBeLessThan(500);
    });

    it('取下げ through the portal before the 交付決定, with its reason', async () => {
      const round = await v2Round();
      const submitted = await submitValid(t, channel.apiKey, round);
      await adopt(round, submitted.id);
      await portal(`${submitted.id}/withdrawal`).send({ reason: '自己資金の手当てがつかないため辞退します' }).expect(200);
      expect(await statusOf(submitted.id)).toBe('withdrawn');
    });

    it('交付決定取消 before any payment: a bare transition is refused; the revocation route has nothing to repay and ends in 返還済', async () => {
      const round = await v2Round();
      const id = await decided(round);
      const bare = await staff(s.manager, 'post', `${id}/transitions/revokeGrant`).send({ reason: '虚偽の報告' });
      expect(bare.status).toBeGreaterThanOrEqual(400);
      expect(bare.status).toBeLessThan(500);
      await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason: '' }).expect(400);
      // a 納期限 that does not exist is refused, though with nothing to repay it would go unused
      const notADay = await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason: '虚偽の報告', dueDate: '2031-02-30' }).expect(422);
      expect(notADay.body).toMatchObject({ code: 'INVALID_DATE', field: 'dueDate' });
      expect(await statusOf(id)).toBe('grantDecided');
      const revoked = await staff(s.manager, 'post', `${id}/grant-revocation`).send({ reason: '補助対象経費の虚偽の報告が判明したため' }).expect(200);
      expect(revoked.body.repayment).toMatchObject({ amount: 0, paidAmount: 0, dueDate: null, outstanding: 0 });
      expect(await statusOf(id)).toBe('repaid');
      const [mail] = await db.query(`SELECT payload FROM notification WHERE application_id = $1 AND template = 'grantRevoked'`, [id]);
      expect(mail.payload.reason).toBe('補助対象経費の虚偽の報告が判明したため');
    });
  });

  describe('paper applications: staff record the applicant’s steps', () => {
    it('a paper application’s 交付申請 and 実績報告 are recorded by a manager with the documents and a note (audited); a portal one is refused', async () => {
      const round = await v2Round();
      const category = await categoryByCode(t, round, 'restructuring.standard');
      const app = await createDraft(t, draftInput(round, category, { applicantName: '株式会社紙の実績' }));
      await adopt(round, app.id);
      const expenses = [{ expenseType: 'machinery', amount: 20_000_000, description: 'マシニングセンタ' }];
      await staff(s.reviewer, 'post', `${app.id}/paper-filings`)
        .send({ step: 'grantApplication', expenses, documents: ['other'], note: '郵送' })
        .expect(403);
      // documents on paper stand for uploads: an attachment id is refused, not dropped unseen
      const withUpload = await staff(s.manager, 'post', `${app.id}/paper-filings`)
        .send({ step: 'grantApplication', expenses, documents: ['other'], note: '郵送', attachmentIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(400);
      expect(withUpload.body.errors).toEqual([{ field: 'attachmentIds', message: expect.stringContaining('受け付けない') }]);
      // before the 採択発表 (the 採択 notice still held) no step may follow the 採択 (README "Status page"): none is
      // offered, and the 交付申請 is refused naming the date
      await db.query(`UPDATE round SET announcement_from = now() + interval '1 day', announcement_to = now() + interval '2 days' WHERE id = $1`, [round.id]);
      expect((await staff(s.manager, 'get', `${app.id}/post-award`).expect(200)).body.actions.paperSteps).toEqual([]);
      const early = await staff(s.manager, 'post', `${app.id}/paper-filings`)
        .send({ step: 'grantApplication', expenses, documents: ['other'], note: '郵送' })
        .expect(409);
      expect(early.body.code).toBe('NOT_YET_ANNOUNCED');
      await db.query(`UPDATE round SET announcement_from = now() - interval '1 hour', announcement_to = now() - interval '1 minute' WHERE id = $1`, [round.id]);
      expect((await staff(s.manager, 'get', `${app.id}/post-award`).expect(200)).body.actions.paperSteps).toEqual(['grantApplication', 'withdrawal']);
      const noNote = await staff(s.manager, 'post', `${app.id}/paper-filings`)
        .send({ step: 'grantApplication', expenses, documents: ['other'] })
        .expect(400);
      expect(JSON.stringify(noNote.body)).toContain('note');
      await staff(s.manager, 'post', `${app.id}/paper-filings`)
        .send({ step: 'grantApplication', expenses, documents: ['other'], note: '5月10日 簡易書留で交付申請書を受領' })
        .expect(200);
      await staff(s.manager, 'post', `${app.id}/grant-decision`).expect(200);
      // a paper application in 交付決定: the steps a manager may record from paper now
      expect((await staff(s.manager, 'get', `${app.id}/post-award`).expect(200)).body.actions.paperSteps).toEqual([
        'performanceReport',
        'planChange',
        'abandonment',
      ]);
      const reported = await staff(s.manager, 'post', `${app.id}/paper-filings`)
        .send({ step: 'performanceReport', expenses, documents: ['other'], note: '1月31日 窓口で実績報告書と領収書の写しを受領' })
        .expect(200);
      expect(reported.body).toMatchObject({ status: 'performanceReported', amounts: { actualExpenses: expenses } });
      expect(reported.body.filings[1]).toMatchObject({ step: 'performanceReport', recordedBy: s.manager.user.id, documentsOnPaper: ['other'] });
      const [audit] = await db.query(`SELECT actor_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.reportPerformance'`, [app.id]);
      expect(audit.actor_id).toBe(s.manager.user.id);
      expect(audit.changes).toMatchObject({ onBehalfOfApplicant: true, documentsOnPaper: ['other'], note: '1月31日 窓口で実績報告書と領収書の写しを受領' });

      // spending more than the 交付決定 planned does not raise the grant: the 確定額 is capped at the 交付決定額
      await staff(s.manager, 'post', `${app.id}/transitions/startFinalInspection`).send({}).expect(200);
      const [report] = await db.query(`SELECT grant_amount::float8 AS g FROM grant_amount WHERE application_id = $1`, [app.id]);
      await db.query(`UPDATE grant_amount SET actual_expenses = $2::jsonb WHERE application_id = $1`, [
        app.id,
        JSON.stringify([{ expenseType: 'machinery', amount: 26_000_000, description: 'マシニングセンタ（追加工事込み）' }]),
      ]);
      await staff(s.manager, 'put', `${app.id}/final-inspection`).send({ lines: [] }).expect(200);
      const fixed = await staff(s.manager, 'post', `${app.id}/amount-fixing`).expect(200);
      expect(fixed.body.amounts.fixedAmount).toBe(report.g);

      const portalApp = (await submitValid(t, channel.apiKey, round)).id;
      const refused = await staff(s.manager, 'post', `${portalApp}/paper-filings`)
        .send({ step: 'withdrawal', reason: '辞退', documents: ['other'], note: '電話' })
        .expect(409);
      expect(refused.body.code).toBe('FILE_ON_PAPER_ONLY');
    });
  });
});
