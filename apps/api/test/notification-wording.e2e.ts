import { DEFAULT_TEMPLATES } from '@jimukyoku/domain';
import { DataSource } from 'typeorm';
import { TransitionsService, type TransitionActor } from '../src/modules/applications/transitions.service';
import { DispatchNotificationsJob } from '../src/modules/notifications/dispatch-notifications.job';
import type { Round } from '../src/modules/rounds/round.entity';
import { notificationTemplatesSeed } from '../src/seed/notification-templates.seed';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { runSeed } from '../src/seed/seed-runner';
import { assign, benefitDraftInput, categoryByCode, createDraft, draftInput, openRound, recordFormalCheck, submitAllReviews } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { payThroughBatch } from './payment-fixtures';

/** The secretariat's contact as configured (SECRETARIAT_*): every applicant's mail ends with it. */
const SECRETARIAT = {
  name: 'ジムキョク事務局 相談窓口（テスト）',
  phone: '0120-111-222',
  email: 'soudan@secretariat.test.example.jp',
  hours: '8:30〜19:00（土日祝日を含む全日）',
};
const CONTACT_BLOCK = `${SECRETARIAT.name}\n電話: ${SECRETARIAT.phone}（受付時間: ${SECRETARIAT.hours}）\nメール: ${SECRETARIAT.email}`;

interface Mail {
  template: string;
  templateCode: string;
  subject: string;
  bodyText: string;
}

/**
 * The mails of an application as sent: a benefit (事業復活支援金) and subsidies (事業再構築補助金, IT導入補助金)
 * driven through their notifying transitions, each mail rendered by the dispatcher from the template of its
 * programme's workflow kind, with the programme, its round and the secretariat's contact.
 */
describe('what the mails say, per programme', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let fire: (id: string, transition: string, actor: TransitionActor, reason?: string) => Promise<unknown>;
  const system: TransitionActor = { role: 'system', id: null };
  const intake: TransitionActor = { role: 'intake', id: null };
  const reviewer = (): TransitionActor => ({ role: 'reviewer', id: s.reviewer.user.id });
  const manager = (): TransitionActor => ({ role: 'manager', id: s.manager.user.id });

  /** Releases held notices (the round's 採択発表 moved to the past), renders everything pending, and returns the application's mails in order. */
  async function mailsOf(applicationId: string): Promise<Mail[]> {
    await db.query(`UPDATE round SET announcement_from = now() - interval '1 minute' WHERE id = (SELECT round_id FROM application WHERE id = $1)`, [
      applicationId,
    ]);
    await t.app.get(DispatchNotificationsJob).handle();
    return db.query(
      `SELECT template, template_code AS "templateCode", subject, body_text AS "bodyText" FROM notification WHERE application_id = $1 ORDER BY created_at, id`,
      [applicationId],
    );
  }
  const mailOf = async (applicationId: string, template: string) => (await mailsOf(applicationId)).find((m) => m.template === template)!;

  beforeAll(async () => {
    t = await startTestApp({ label: 'notification_wording', overrides: { secretariat: SECRETARIAT } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed, notificationTemplatesSeed] });
    s = await loginEveryRole(t);
    const transitions = t.app.get(TransitionsService);
    fire = (id, transition, actor, reason) => transitions.fire(id, transition, actor, { reason });
  });
  afterAll(() => t?.close());

  describe('事業復活支援金 (a benefit): 給付金 wording, never 補助金 or 交付', () => {
    let round: Round;
    const benefitDraft = async (applicantName: string, receiptNumber: string) => {
      const category = await categoryByCode(t, round, 'recoveryBenefit.benefit');
      // 基準期間 2019-11 at 1,000,000円 a month, 対象月 2022-01 at 500,000円: ▲50%, 給付額 100万円 (年間売上高 1億以下)
      const app = await createDraft(t, benefitDraftInput(round, category, { applicantName, receiptNumber, email: 'owner@suzuran.example.jp' }));
      await fire(app.id, 'confirmPreCheck', intake);
      await fire(app.id, 'submit', intake);
      await recordFormalCheck(t, app.id, true);
      await fire(app.id, 'startReview', system);
      return app.id;
    };

    beforeAll(async () => {
      round = await openRound(t, 'recoveryBenefit.r3-sup');
    });

    it('受付 → 不備 → 再提出 → 給付決定 → 振込完了: each mail in 給付金 wording, with the programme and the contact', async () => {
      const id = await benefitDraft('株式会社すずらん食堂', 'REC01-00000001');
      await fire(id, 'markDeficient', reviewer(), '売上台帳（2022年1月分）の写しが不鮮明です。');
      await fire(id, 'resubmit', intake);
      await recordFormalCheck(t, id, true);
      await fire(id, 'startReview', system);
      await fire(id, 'decideBenefit', manager());
      await payThroughBatch(t, s.manager.token, [id]);

      const mails = await mailsOf(id);
      expect(mails.map((m) => [m.template, m.templateCode])).toEqual([
        ['received', 'benefit.received'],
        ['deficient', 'deficient'],
        ['resubmissionReceived', 'benefit.resubmissionReceived'],
        ['benefitDecided', 'benefitDecided'],
        ['transferred', 'transferred'],
      ]);
      for (const m of mails) {
        expect(m.subject).toMatch(/^【事業復活支援金】.+（受付番号 REC\d+-\d{8}）$/);
        expect(m.bodyText).toContain('株式会社すずらん食堂 様');
        expect(m.bodyText).toContain(`事業: 事業復活支援金（${round.name}）`);
        expect(m.bodyText).toContain(CONTACT_BLOCK);
        expect(`${m.subject}\n${m.bodyText}`).not.toMatch(/補助金|交付|採択|（なし）/);
      }
      const [received, deficient, , decided, transferred] = mails;
      expect(received.bodyText).toContain('給付額（見込み）: 1,000,000円');
      expect(deficient.subject).toContain('申請内容に不備があります');
      expect(deficient.bodyText).toContain('不備の内容:\n売上台帳（2022年1月分）の写しが不鮮明です。');
      expect(deficient.bodyText).toMatch(/補正期限: \d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}:\d{2}/);
      expect(decided.subject).toContain('給付決定のお知らせ');
      expect(decided.bodyText).toContain('給付金の給付を決定しました。\n給付額: 1,000,000円');
      expect(transferred.bodyText).toContain('給付金の振込が完了しました');
    });

    it('不給付 carries the decision’s reason, in 給付金 wording', async () => {
      const id = await benefitDraft('有限会社ひまわり商店', 'REC01-00000002');
      await fire(id, 'refuseBenefit', manager(), '売上減少が新型コロナウイルス感染症の影響によるものと確認できませんでした。');
      const m = await mailOf(id, 'notGranted');
      expect(m.templateCode).toBe('benefit.notGranted');
      expect(m.subject).toMatch(/^【事業復活支援金】審査結果のお知らせ（不給付）/);
      expect(m.bodyText).toContain('給付金を給付しないこととなりました。\n\n理由:\n売上減少が新型コロナウイルス感染症の影響によるものと確認できませんでした。');
      expect(m.bodyText).not.toMatch(/補助金|交付/);
      expect(m.bodyText).toContain(CONTACT_BLOCK);
    });
  });

  describe('事業再構築補助金 (a subsidy): 不採択 with a reason, 要件不適合 without a request to resubmit', () => {
    let round: Round;
    let receipts = 0;
    const submitted = async (applicantName: string) => {
      const receiptNumber = `RES99-${String(++receipts).padStart(8, '0')}`;
      const app = await createDraft(t, draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { applicantName, receiptNumber }));
      await fire(app.id, 'submit', intake);
      await fire(app.id, 'startFormalCheck', system);
      return app.id;
    };
    const reviewed = async (applicantName: string) => {
      const id = await submitted(applicantName);
      await recordFormalCheck(t, id, true);
      await fire(id, 'passFormalCheck', reviewer());
      await assign(t, id, s.reviewer.user.id);
      await submitAllReviews(t, id);
      await fire(id, 'completeReview', manager());
      return id;
    };

    beforeAll(async () => {
      round = await openRound(t);
    });

    it('受付 names the programme, round and 類型 and ends with the contact', async () => {
      const id = await submitted('株式会社さくら精機');
      const m = await mailOf(id, 'received');
      expect(m.templateCode).toBe('received');
      expect(m.subject).toBe('【事業再構築補助金】申請を受け付けました（受付番号 RES99-00000001）');
      expect(m.bodyText).toContain(`事業: 事業再構築補助金\n公募回: ${round.name}\n類型: 通常枠`);
      expect(m.bodyText).toContain('補助金額（見込み）: 20,000,000円');
      expect(m.bodyText).toContain(CONTACT_BLOCK);
    });

    it('不採択 without a written reason says what the 審査 found, never （なし）', async () => {
      const id = await reviewed('株式会社もみじ工業');
      await fire(id, 'reject', manager());
      const m = await mailOf(id, 'rejected');
      expect(m.subject).toMatch(/^【事業再構築補助金】審査結果のお知らせ/);
      expect(m.bodyText).toContain('今回は不採択となりました。\n\n理由:\n外部審査員による書面審査で、審査項目ごとの評価を総合した結果');
      expect(m.bodyText).not.toContain('（なし）');
      expect(m.bodyText).toContain(CONTACT_BLOCK);
    });

    it('不採択 with the decision’s reason carries that reason', async () => {
      const id = await reviewed('株式会社かえで物産');
      await fire(id, 'reject', manager(), '事業化点が採択の水準に達しませんでした。');
      const m = await mailOf(id, 'rejected');
      expect(m.bodyText).toContain('理由:\n事業化点が採択の水準に達しませんでした。');
    });

    it('要件不適合 states the requirements not met and does not ask to resubmit', async () => {
      const id = await submitted('株式会社いちょう製作所');
      await fire(id, 'markIneligible', reviewer(), '1. 認定経営革新等支援機関の確認書が提出されていません。');
      const m = await mailOf(id, 'ineligible');
      expect(m.bodyText).toContain('満たしていない要件:\n1. 認定経営革新等支援機関の確認書が提出されていません。');
      expect(m.bodyText).not.toMatch(/再提出|修正のうえ|補正期限/);
      expect(m.bodyText).toContain(CONTACT_BLOCK);
    });
  });

  it('要件不適合 decided on the 要件確認 checklist names the failed items and asks for nothing', async () => {
    const round = await openRound(t);
    const app = await createDraft(
      t,
      draftInput(round, await categoryByCode(t, round, 'restructuring.standard'), { applicantName: '株式会社けやき電機', receiptNumber: 'RES98-00000001' }),
    );
    await fire(app.id, 'submit', intake);
    const http = () => t.http();
    const bearer = (who: LoggedIn) => ({ Authorization: `Bearer ${who.token}` });
    await http()
      .post('/api/review-assignments')
      .set(bearer(s.manager))
      .send({ applicationId: app.id, reviewerId: s.reviewer.user.id, purpose: 'formalCheck' })
      .expect(201);
    const list = await http().get(`/api/applications/${app.id}/formal-check`).set(bearer(s.reviewer)).expect(200);
    const answers = list.body.items.map((i: { code: string; passNeedsReason?: boolean }) =>
      i.code === 'advisor.confirmed'
        ? { code: i.code, passed: false, comment: '確認書の押印がありません' }
        : { code: i.code, passed: true, ...(i.passNeedsReason ? { overrideReason: '売上高の減少を書面で確認した' } : {}) },
    );
    const label = list.body.items.find((i: { code: string }) => i.code === 'advisor.confirmed').label;
    await http().post(`/api/applications/${app.id}/formal-check/complete`).set(bearer(s.reviewer)).send({ outcome: 'ineligible', answers }).expect(200);
    const m = await mailOf(app.id, 'ineligible');
    expect(m.bodyText).toContain(`満たしていない要件:\n1. ${label}：確認書の押印がありません\n`);
    expect(m.bodyText).not.toMatch(/再提出|修正|補正期限/);
  });

  it('IT導入補助金: the application is the 交付申請, and its mail says so', async () => {
    const round = await openRound(t, 'itIntroduction.r3-sup');
    const app = await createDraft(
      t,
      draftInput(round, await categoryByCode(t, round, 'itIntroduction.digitalBase'), {
        applicantName: '株式会社つばき会計',
        receiptNumber: 'ITD01-00000001',
        certifiedAdvisor: null,
        expenses: [{ expenseType: 'software', amount: 600_000, description: '会計ソフト' }],
      }),
    );
    await fire(app.id, 'applyForGrant', intake);
    const m = await mailOf(app.id, 'received');
    expect(m.templateCode).toBe('itSubsidy.received');
    expect(m.subject).toMatch(/^【IT導入補助金.*】交付申請を受け付けました/);
    expect(m.bodyText).toContain('交付申請を受け付けました');
    expect(m.bodyText).not.toContain('採択');
    expect(m.bodyText).toContain(CONTACT_BLOCK);
  });

  it('the seed brings a template nobody edited to the new built-in text as its next version, and leaves an edited one alone', async () => {
    // as an installation seeded before the rewording holds them: version 1 by the seed (no author), and a manager's edit
    await db.query(`UPDATE notification_template SET body_text = '（旧い文面）' || body_text WHERE code IN ('rejected', 'ineligible') AND version = 1`);
    await db.query(
      `INSERT INTO notification_template (code, version, subject, body_text, created_by) SELECT code, 2, subject, '（マネージャーの文面）', $1 FROM notification_template WHERE code = 'ineligible' AND version = 1`,
      [s.manager.user.id],
    );
    const [summary] = await runSeed(db, { demo: false, steps: [notificationTemplatesSeed] });
    expect(summary.summary).toBe('updated 1 unedited templates to the built-in text');
    const versions = await db.query(
      `SELECT code, version, body_text AS "bodyText" FROM notification_template WHERE code IN ('rejected', 'ineligible') ORDER BY code, version`,
    );
    expect(versions.map((v: { code: string; version: number }) => `${v.code}@${v.version}`)).toEqual([
      'ineligible@1',
      'ineligible@2',
      'rejected@1',
      'rejected@2',
    ]);
    expect(versions.find((v: { code: string; version: number }) => v.code === 'ineligible' && v.version === 2).bodyText).toBe('（マネージャーの文面）');
    expect(versions.find((v: { code: string; version: number }) => v.code === 'rejected' && v.version === 2).bodyText).toBe(
      DEFAULT_TEMPLATES.rejected.bodyText,
    );
    expect((await runSeed(db, { demo: false, steps: [notificationTemplatesSeed] }))[0].summary).toBe('already present');
  });

  it('the admin lists each programme kind’s variant beside its template, and previews it with the contact', async () => {
    const list = await t
      .http()
      .get('/api/notification-templates')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .query({ range: JSON.stringify([0, 199]) })
      .expect(200);
    expect(list.body.find((r: { id: string }) => r.id === 'benefit.received')).toMatchObject({
      label: '受付（給付金）',
      workflowKind: 'benefit',
      name: 'received',
    });
    const benefitOnly = await t
      .http()
      .get('/api/notification-templates')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .query({ filter: JSON.stringify({ workflowKind: 'benefit' }), range: JSON.stringify([0, 199]) })
      .expect(200);
    expect(benefitOnly.body.map((r: { id: string }) => r.id).sort()).toEqual(
      [
        'benefit.correctionReminder',
        'benefit.notGranted',
        'benefit.received',
        'benefit.resubmissionReceived',
        'benefit.withdrawn',
        'benefitDecided',
        'deficient',
        'transferred',
      ].sort(),
    );
    expect(list.body.find((r: { id: string }) => r.id === 'received').variants).toEqual([
      { workflowKind: 'benefit', code: 'benefit.received' },
      { workflowKind: 'itSubsidy', code: 'itSubsidy.received' },
    ]);
    const preview = await t
      .http()
      .post('/api/notification-templates/benefit.received/preview')
      .set('Authorization', `Bearer ${s.manager.token}`)
      .send({ subject: '{{programName}}', bodyText: '{{secretariatName}} {{secretariatPhone}}' })
      .expect(200);
    expect(preview.body.text).toBe(`${SECRETARIAT.name} ${SECRETARIAT.phone}`);
  });
});
