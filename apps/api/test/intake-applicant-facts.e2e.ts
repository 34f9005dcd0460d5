import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransitionsService } from '../src/modules/applications/transitions.service';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { createChannel, tempStorageDir, uploadRequired } from './intake-fixtures';

/**
 * The applicant's declared facts (赤字, 再生事業者, 参加事業者数, 都道府県数, 金融機関) reach the stored quote:
 * intake validates and stores one and the same quote (application-quote.ts applicantProfileOf).
 */
describe('intake: the stored quote is the validated one', () => {
  let t: TestApp;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  let apiKey: string;
  const rounds: Record<string, Round> = {};
  const storageDir = tempStorageDir();

  beforeAll(async () => {
    t = await startTestApp({ label: 'intake_facts', overrides: { storageDir } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    apiKey = (await createChannel(t, s.admin.token)).apiKey;
    for (const ruleSet of ['monozukuri.r3-sup', 'sustainability.r3-sup', 'itIntroduction.r3-sup', 'regionalDx.r4'])
      rounds[ruleSet] = await openRound(t, ruleSet);
  });
  afterAll(() => t?.close());

  const submit = (body: object) => t.http().post('/api/intake/applications').set('X-Api-Key', apiKey).set('Idempotency-Key', randomUUID()).send(body);
  const stored = async (id: string) =>
    (
      await db.query(
        `SELECT quoted_amount::int AS amount, quote, eligibility, loss_making, in_rehabilitation, participant_count, prefecture_count, financial_institution
           FROM application WHERE id = $1`,
        [id],
      )
    )[0];

  async function payload(ruleSet: string, categoryCode: string, applicant: object, expenses: object[], extra: object = {}) {
    return {
      roundId: rounds[ruleSet].id,
      categoryCode,
      applicant: {
        kind: 'corporation',
        name: '株式会社みなと工業',
        corporateNumber: corporateNumber(),
        sizeClass: 'sme',
        employeeCount: 30,
        capital: 10_000_000,
        prefecture: '宮城県',
        industry: 'manufacturing',
        email: 'info@minato.example.jp',
        ...applicant,
      },
      plan: { title: '生産工程の自動化', summary: '検査工程に画像検査装置を導入する' },
      expenses,
      attachmentIds: await uploadRequired(t, apiKey, ['businessPlan']),
      ...extra,
    };
  }

  it('stores a ものづくり 再生事業者 at 2/3, as validated (not the 原則 1/2)', async () => {
    const body = await payload('monozukuri.r3-sup', 'monozukuri.standard', { inRehabilitation: true }, [{ expenseType: 'machinery', amount: 3_000_000 }], {
      requestedAmount: 2_000_000,
    });
    const res = await submit(body).expect(201);
    expect(res.body.quotedAmount).toBe(2_000_000);
    const app = await stored(res.body.id);
    expect(app).toMatchObject({ amount: 2_000_000, in_rehabilitation: true });
    expect(app.quote.parts[0].rateLabel).toBe('再生事業者');
  });

  it('keeps the declared facts through a resubmission: the corrected quote is still at 2/3', async () => {
    const body = await payload('monozukuri.r3-sup', 'monozukuri.standard', { inRehabilitation: true }, [{ expenseType: 'machinery', amount: 3_000_000 }]);
    const accepted = await submit(body).expect(201);
    const transitions = t.app.get(TransitionsService);
    await transitions.fire(accepted.body.id, 'startFormalCheck', { role: 'system', id: null });
    await transitions.fire(accepted.body.id, 'returnForCorrection', { role: 'reviewer', id: s.reviewer.user.id }, { reason: '見積書の金額を修正してください' });
    const corrected = { ...body, attachmentIds: [], expenses: [{ expenseType: 'machinery', amount: 1_500_000 }] };
    const res = await t.http().post(`/api/intake/applications/${accepted.body.id}/resubmission`).set('X-Api-Key', apiKey).send(corrected).expect(200);
    expect(res.body.quotedAmount).toBe(1_000_000);
    expect((await stored(accepted.body.id)).amount).toBe(1_000_000);
    // the 再提出 mail states the amount as recomputed, replacing the one the 受付 mail stated
    const [mail] = await db.query(`SELECT payload FROM notification WHERE application_id = $1 AND template = 'resubmissionReceived'`, [accepted.body.id]);
    expect(mail.payload.quotedAmount).toBe(1_000_000);
  });

  it('stores a 回復型賃上げ・雇用拡大枠 application of a 赤字 applicant as eligible', async () => {
    const body = await payload('monozukuri.r3-sup', 'monozukuri.recoveryWageIncrease', { lossMaking: true }, [{ expenseType: 'machinery', amount: 3_000_000 }]);
    const res = await submit(body).expect(201);
    const app = await stored(res.body.id);
    expect(app).toMatchObject({ amount: 2_000_000, loss_making: true });
    expect(app.eligibility).toMatchObject({ ok: true, failures: [] });
    // the one the applicant cannot pass without declaring 赤字 is refused at intake, by field
    const notDeclared = await submit(
      await payload('monozukuri.r3-sup', 'monozukuri.recoveryWageIncrease', {}, [{ expenseType: 'machinery', amount: 3_000_000 }]),
    ).expect(422);
    expect(notDeclared.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'applicant.lossMaking' })]));
  });

  it('refuses a declared 規模区分 the figures cannot give, and leaves one only a 政令 exception gives to the 要件確認', async () => {
    // a ものづくり company of 300 people declaring 小規模事業者 would get 2/3 instead of 1/2
    const small = await submit(
      await payload('monozukuri.r3-sup', 'monozukuri.standard', { sizeClass: 'smallBusiness', employeeCount: 300, capital: 300_000_000 }, [
        { expenseType: 'machinery', amount: 15_000_000 },
      ]),
    ).expect(422);
    expect(small.body.errors).toEqual([expect.objectContaining({ field: 'applicant.sizeClass', message: expect.stringContaining('のため中小企業者') })]);
    // a 小売業 of 3,000 people and 資本金 50億円 is no 小規模事業者 for 持続化
    const large = await submit(
      await payload(
        'sustainability.r3-sup',
        'sustainability.standard',
        { sizeClass: 'smallBusiness', employeeCount: 3000, capital: 5_000_000_000, industry: 'retail' },
        [{ expenseType: 'publicity', amount: 750_000 }],
      ),
    ).expect(422);
    expect(large.body.errors.map((e: { field: string }) => e.field)).toEqual(['applicant.sizeClass']);
    // 150 people in サービス業 with 資本金 8,000万円 are a 中小企業者 only as a 旅館 (or a software house): a person confirms it
    const inn = await submit(
      await payload('monozukuri.r3-sup', 'monozukuri.standard', { employeeCount: 150, capital: 80_000_000, industry: 'service' }, [
        { expenseType: 'machinery', amount: 3_000_000 },
      ]),
    ).expect(201);
    expect((await stored(inn.body.id)).eligibility).toMatchObject({ ok: true, manual: expect.arrayContaining(['sizeClassDeclared']) });
    const checklist = await t.http().get(`/api/applications/${inn.body.id}/formal-check`).set('Authorization', `Bearer ${s.manager.token}`).expect(200);
    const item = checklist.body.items.find((i: { code: string }) => i.code === 'eligibility.requirements');
    expect(item.manualRequirements).toEqual(expect.arrayContaining([expect.stringContaining('申告した規模区分が資本金・従業員数・業種に合っていること')]));
  });

  it('stores a 持続化 成長・分配強化枠 赤字事業者 at 3/4', async () => {
    const body = await payload(
      'sustainability.r3-sup',
      'sustainability.growthDistribution',
      { sizeClass: 'smallBusiness', employeeCount: 3, lossMaking: true },
      [{ expenseType: 'machinery', amount: 1_000_000 }],
      { requestedAmount: 750_000 },
    );
    const res = await submit(body).expect(201);
    expect(res.body.quotedAmount).toBe(750_000);
    expect((await stored(res.body.id)).quote.parts[0].rateLabel).toBe('赤字事業者');
  });

  it('accepts a 複数社連携IT導入類型 application and stores its amount with the per-participant cap', async () => {
    const body = await payload('itIntroduction.r3-sup', 'itIntroduction.multiCompany', { name: '宮城県商工会連合会', participantCount: 10 }, [
      { expenseType: 'software', amount: 1_000_000, participant: '株式会社みなと工業' },
      // (2) 消費動向等分析経費: 9,000,000 × 2/3 = 6,000,000, capped at 50万 × 10者
      { expenseType: 'consumerAnalysis', amount: 9_000_000 },
    ]);
    const res = await submit(body).expect(201);
    expect(res.body.quotedAmount).toBe(5_722_222);
    const app = await stored(res.body.id);
    expect(app).toMatchObject({ amount: 5_722_222, participant_count: 10 });
    expect(app.quote.parts.find((p: { code: string }) => p.code === 'analysis').cap).toMatchObject({ amount: 5_000_000, binding: true });
    expect(app.eligibility).toMatchObject({ ok: true });
  });

  it('answers a malformed 金融機関, 認定支援機関, 業種 or 品目 with 422 in Japanese, by field', async () => {
    const body = await payload(
      'monozukuri.r3-sup',
      'monozukuri.standard',
      { industry: 'agriculture', annualRevenue: -1 },
      [{ expenseType: 'machinery', amount: 3_000_000, itemKind: 5, participant: ['A社'] }],
      {
        financialInstitution: { name: 42 },
        certifiedAdvisor: { name: '支援センター', id: 'A-1', isFinancialInstitution: 'yes' },
      },
    );
    const res = await submit(body).expect(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'applicant.industry', message: expect.stringContaining('applicant.industry (業種) は manufacturing (製造業)') },
        { field: 'applicant.annualRevenue', message: 'applicant.annualRevenue は0以上の整数 (円) で指定してください' },
        { field: 'financialInstitution.name', message: 'financialInstitution.name (金融機関名) を入力してください' },
        { field: 'expenses[0].itemKind', message: 'itemKind (品目) は itTool / pc / register で指定してください' },
        { field: 'expenses[0].participant', message: 'participant (参加事業者) は事業者名の文字列で指定してください' },
        { field: 'certifiedAdvisor.isFinancialInstitution', message: expect.stringContaining('(認定支援機関は金融機関か) は true か false') },
      ]),
    );
  });

  describe('地域DX促進活動支援事業: applicant.prefectureCount (活動地域の都道府県数)', () => {
    const community = (categoryCode: string, prefectureCount?: number) =>
      payload('regionalDx.r4', categoryCode, { name: '東北DX推進コミュニティ', ...(prefectureCount === undefined ? {} : { prefectureCount }) }, [
        { expenseType: 'personnel', amount: 10_000_000 },
      ]);

    it.each([
      ['A類型 (単独の都道府県)', 'regionalDx.typeA', 1],
      ['B類型 (2都道府県)', 'regionalDx.typeB', 2],
      ['C類型 (3以上の都道府県)', 'regionalDx.typeC', 5],
    ])('accepts an application of %s and stores its count', async (_type, categoryCode, count) => {
      const res = await submit(await community(categoryCode, count)).expect(201);
      expect(res.body.quotedAmount).toBe(10_000_000);
      const app = await stored(res.body.id);
      expect(app).toMatchObject({ prefecture_count: count });
      expect(app.eligibility).toMatchObject({ ok: true });
    });

    it('refuses a count outside the 類型 with 422 naming the rule', async () => {
      const res = await submit(await community('regionalDx.typeB', 3)).expect(422);
      expect(res.body.errors).toEqual([{ field: 'applicant.prefectureCount', message: 'この類型は2都道府県に跨がる活動が対象です（活動地域 3都道府県）。' }]);
      const missing = await submit(await community('regionalDx.typeA')).expect(422);
      expect(missing.body.errors).toEqual([
        { field: 'applicant.prefectureCount', message: '活動地域の都道府県数が入力されていません（要件: 単独の都道府県内での活動）。' },
      ]);
    });

    it('refuses a count that is no number of prefectures with 422 in Japanese', async () => {
      for (const count of [0, 48, 2.5]) {
        const res = await submit(await community('regionalDx.typeC', count)).expect(422);
        expect(res.body.errors).toEqual(
          expect.arrayContaining([
            { field: 'applicant.prefectureCount', message: 'applicant.prefectureCount (活動地域の都道府県数) は1〜47の整数で入力してください' },
          ]),
        );
      }
    });
  });
});
