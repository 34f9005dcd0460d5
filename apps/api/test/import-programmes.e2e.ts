import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Round } from '../src/modules/rounds/round.entity';
import { runSeed } from '../src/seed/seed-runner';
import { referenceCatalogueSeed } from '../src/seed/reference-catalogue.seed';
import { corporateNumber, openRound } from './application-fixtures';
import { LoggedIn, loginEveryRole, seedStaff } from './auth-helpers';
import { startTestApp, TestApp } from './harness';
import { IMPORT_HEADER, startImportWorker } from './import-fixtures';
import { tempStorageDir } from './intake-fixtures';

const HEADERS = IMPORT_HEADER.split(',');
const SALES = '2019-04:10000000;2019-05:10000000;2019-06:10000000;2020-04:8000000;2020-05:8000000;2020-06:8000000';

/** One CSV row by header; what is not given stays empty. */
function csvRow(cells: Record<string, string>): string {
  const unknown = Object.keys(cells).filter((h) => !HEADERS.includes(h));
  if (unknown.length) throw new Error(`not a column of the template: ${unknown.join(', ')}`);
  return HEADERS.map((h) => {
    const v = cells[h] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

const company = (name: string, cells: Record<string, string>) => ({
  申請者区分: '法人',
  事業者名: name,
  法人番号: corporateNumber(),
  規模区分: '中小企業',
  従業員数: '30',
  資本金: '30000000',
  都道府県: '宮城県',
  メールアドレス: 'info@example.jp',
  事業計画名: '新分野展開',
  ...cells,
});

/**
 * Bulk import takes every field intake takes, per programme: 金融機関, 赤字, 再生事業者, 参加事業者数,
 * 活動地域の都道府県数, IT導入's 品目 and 参加事業者 per expense line, 業種, 年間売上高 and the
 * 事業復活支援金's sales and 事前確認; each reaches the stored quote as through the intake API.
 */
describe('bulk import: every programme’s fields', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let s: Record<'admin' | 'manager' | 'reviewer' | 'auditor', LoggedIn>;
  const rounds: Record<string, Round> = {};

  beforeAll(async () => {
    t = await startTestApp({ label: 'import_programmes', overrides: { storageDir: tempStorageDir() } });
    db = t.app.get(DataSource);
    await seedStaff(t);
    await runSeed(db, { demo: false, steps: [referenceCatalogueSeed] });
    s = await loginEveryRole(t);
    for (const ruleSet of [
      'restructuring.r3-sup',
      'monozukuri.r3-sup',
      'sustainability.r3-sup',
      'itIntroduction.r3-sup',
      'regionalDx.r4',
      'recoveryBenefit.r3-sup',
    ])
      rounds[ruleSet] = await openRound(t, ruleSet);
    worker = await startImportWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  /** Imports the rows into the round (validRows) and answers the report and the stored applications by 事業者名. */
  async function importRows(ruleSet: string, rows: Record<string, string>[]) {
    const file = [IMPORT_HEADER, ...rows.map(csvRow)].join('\n');
    const created = await t
      .http()
      .post('/api/imports')
      .set({ Authorization: `Bearer ${s.manager.token}` })
      .field('roundId', rounds[ruleSet].id)
      .field('mode', 'validRows')
      .attach('file', Buffer.from(file), { filename: 'applications.csv' })
      .expect(201);
    let report: { status: string; importedRows: number; errors: { row: number; field: string; message: string }[] } | undefined;
    for (let i = 0; i < 300 && !(report && ['done', 'failed'].includes(report.status)); i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      report = (
        await t
          .http()
          .get(`/api/imports/${created.body.id}`)
          .set({ Authorization: `Bearer ${s.manager.token}` })
          .expect(200)
      ).body;
    }
    const stored = await db.query(
      `SELECT applicant_name, status, quoted_amount::int AS amount, quote, eligibility, industry, annual_revenue::int AS annual_revenue, loss_making,
              in_rehabilitation, participant_count, prefecture_count, financial_institution, certified_advisor, expenses, pre_check, previous_recipient
         FROM application WHERE import_id = $1`,
      [created.body.id],
    );
    return { report: report!, app: (name: string) => stored.find((a: { applicant_name: string }) => a.applicant_name === name) };
  }

  it('imports a subsidy above 3,000万円 with its 金融機関 (or an advisor that is one), and refuses it without', async () => {
    const large = {
      類型コード: 'restructuring.standard',
      月次売上高: SALES,
      認定支援機関名: '宮城経営支援センター',
      認定支援機関ID: 'ADV-7',
      補助対象経費: 'machinery:60000000',
    };
    const { report, app } = await importRows('restructuring.r3-sup', [
      company('株式会社金融機関あり', { ...large, 金融機関名: '東西銀行', 業種: '製造業' }),
      company('株式会社支援機関が銀行', { ...large, 認定支援機関は金融機関: 'はい' }),
      company('株式会社金融機関なし', large),
    ]);
    expect(report).toMatchObject({ status: 'done', importedRows: 2 });
    expect(app('株式会社金融機関あり')).toMatchObject({
      status: 'submitted',
      amount: 40_000_000,
      financial_institution: { name: '東西銀行' },
      industry: 'manufacturing',
      eligibility: { ok: true },
    });
    expect(app('株式会社支援機関が銀行')).toMatchObject({ amount: 40_000_000, certified_advisor: { isFinancialInstitution: true }, eligibility: { ok: true } });
    expect(report.errors).toEqual([expect.objectContaining({ row: 4, field: '金融機関名' })]);
    expect(report.errors[0].message).toContain('金融機関');
  });

  it('takes 赤字 and 再生事業者 (はい / いいえ) into the stored rate and eligibility, and refuses another answer in Japanese', async () => {
    const { report, app } = await importRows('monozukuri.r3-sup', [
      company('株式会社再生', { 類型コード: 'monozukuri.standard', 補助対象経費: 'machinery:3000000', 再生事業者: 'はい' }),
      company('株式会社回復', { 類型コード: 'monozukuri.recoveryWageIncrease', 補助対象経費: 'machinery:3000000', 赤字: 'はい' }),
      company('株式会社あいまい', { 類型コード: 'monozukuri.recoveryWageIncrease', 補助対象経費: 'machinery:3000000', 赤字: 'たぶん' }),
    ]);
    expect(report).toMatchObject({ status: 'done', importedRows: 2 });
    expect(app('株式会社再生')).toMatchObject({ amount: 2_000_000, in_rehabilitation: true });
    expect(app('株式会社回復')).toMatchObject({ amount: 2_000_000, loss_making: true, eligibility: { ok: true } });
    expect(report.errors).toEqual([{ row: 4, field: '赤字', message: '赤字 は「はい」か「いいえ」で入力してください (入力: たぶん)' }]);
  });

  it('gives a 持続化 成長・分配強化枠 赤字事業者 its 3/4', async () => {
    const { report, app } = await importRows('sustainability.r3-sup', [
      company('有限会社赤字', {
        類型コード: 'sustainability.growthDistribution',
        規模区分: '小規模事業者',
        従業員数: '3',
        補助対象経費: 'machinery:1000000',
        赤字: 'はい',
      }),
    ]);
    expect(report).toMatchObject({ status: 'done', importedRows: 1 });
    expect(app('有限会社赤字')).toMatchObject({ amount: 750_000, loss_making: true });
  });

  it('prices IT導入 hardware by its 品目 (PC, レジ) and a 複数社連携 group by its 参加事業者数', async () => {
    const { report, app } = await importRows('itIntroduction.r3-sup', [
      company('株式会社デジタル', {
        類型コード: 'itIntroduction.digitalBase',
        補助対象経費: 'software:1000000:内容=会計ソフト;hardware:300000:品目=PC;hardware:500000:品目=レジ・券売機',
      }),
      company('宮城県商工会連合会', {
        類型コード: 'itIntroduction.multiCompany',
        参加事業者数: '10',
        補助対象経費: 'software:1000000:参加事業者=株式会社みなと工業;consumerAnalysis:9000000',
      }),
      company('株式会社品目なし', { 類型コード: 'itIntroduction.digitalBase', 補助対象経費: 'hardware:300000' }),
      company('株式会社品目ちがい', { 類型コード: 'itIntroduction.digitalBase', 補助対象経費: 'hardware:300000:品目=スマホ' }),
    ]);
    expect(report).toMatchObject({ status: 'done', importedRows: 2 });
    const digital = app('株式会社デジタル');
    expect(digital).toMatchObject({ status: 'grantApplied', amount: 1_022_222 });
    expect(digital.quote.parts.map((p: { code: string; amount: number }) => [p.code, p.amount])).toEqual([
      ['itTool', 722_222],
      ['pc', 100_000],
      ['register', 200_000],
    ]);
    expect(digital.expenses[0]).toMatchObject({ expenseType: 'software', description: '会計ソフト' });
    expect(app('宮城県商工会連合会')).toMatchObject({ amount: 5_722_222, participant_count: 10, eligibility: { ok: true } });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 4, field: '補助対象経費' }),
      { row: 5, field: '補助対象経費', message: '補助対象経費 の「hardware:300000:品目=スマホ」の品目「スマホ」は ITツール / PC / レジ のいずれかです' },
    ]);
  });

  it('takes a 地域DX application with its 活動地域の都道府県数 and refuses a count outside the 類型', async () => {
    const community = { 補助対象経費: 'personnel:10000000', 事業者名: '東北DX推進コミュニティ' };
    const { report, app } = await importRows('regionalDx.r4', [
      company('東北DX推進コミュニティ', { ...community, 類型コード: 'regionalDx.typeB', 活動地域の都道府県数: '2' }),
      company('広域DX推進コミュニティ', { ...community, 事業者名: '広域DX推進コミュニティ', 類型コード: 'regionalDx.typeB', 活動地域の都道府県数: '5' }),
    ]);
    expect(report).toMatchObject({ status: 'done', importedRows: 1 });
    expect(app('東北DX推進コミュニティ')).toMatchObject({ amount: 10_000_000, prefecture_count: 2, eligibility: { ok: true } });
    expect(report.errors).toEqual([{ row: 3, field: '活動地域の都道府県数', message: 'この類型は2都道府県に跨がる活動が対象です（活動地域 5都道府県）。' }]);
  });

  it('imports a 事業復活支援金 with its sales, 年間売上高 and 事前確認 (or 受給実績)', async () => {
    const benefit = {
      類型コード: 'recoveryBenefit.benefit',
      規模区分: '小規模事業者',
      事業計画名: '',
      年間売上高: '100000000',
      対象月: '2022-01',
      対象月の売上高: '500000',
      基準期間: '2019-11',
      基準期間の売上高: '1000000;1000000;1000000;1000000;1000000',
    };
    const { report, app } = await importRows('recoveryBenefit.r3-sup', [
      company('株式会社すずらん食堂', { ...benefit, 事前確認通知番号: 'JK0123456789', 登録確認機関名: '宮城県商工会連合会' }),
      company('株式会社受給実績', { ...benefit, '一時支援金・月次支援金の受給': 'はい' }),
      company('株式会社売上あり', { ...benefit, 対象月の売上高: '900000', 事前確認通知番号: 'JK1', 登録確認機関名: '宮城県商工会連合会' }),
    ]);
    expect(report).toMatchObject({ status: 'done', importedRows: 2 });
    expect(app('株式会社すずらん食堂')).toMatchObject({
      status: 'submitted',
      amount: 1_000_000,
      annual_revenue: 100_000_000,
      pre_check: { confirmationNumber: 'JK0123456789', agencyName: '宮城県商工会連合会' },
    });
    expect(app('株式会社受給実績')).toMatchObject({ amount: 1_000_000, previous_recipient: true, pre_check: null });
    expect(report.errors).toEqual([expect.objectContaining({ row: 4, field: '対象月の売上高' })]);
    expect(report.errors[0].message).toContain('30%以上の減少がありません');
  });
});
