import { asColumnProblem, IMPORT_COLUMNS, mapHeaders, PAYLOAD_PATHS, rowToPayload } from '../import-columns';

const headers = IMPORT_COLUMNS.map((c) => c.header);
const { index } = mapHeaders(headers);
const BASE: Record<string, string> = {
  類型コード: 'itIntroduction.digitalBase',
  申請者区分: '法人',
  事業者名: '株式会社テスト',
  規模区分: '中小企業',
  従業員数: '5',
  都道府県: '宮城県',
  メールアドレス: 'a@example.jp',
};
const parse = (cells: Record<string, string>) =>
  rowToPayload(
    headers.map((h) => ({ ...BASE, ...cells })[h] ?? ''),
    index,
    2,
    'round',
  );

describe('import columns: a row as the intake payload', () => {
  it('reads an expense line’s 品目, 参加事業者, 内容 and フラグ', () => {
    const { payload, problems } = parse({
      補助対象経費: 'hardware:200000:品目=PC:参加事業者=株式会社A;hardware:300000:品目=レジ;software:90000:内容=会計ソフト:フラグ=generalPurpose,x',
    });
    expect(problems).toEqual([]);
    expect(payload.expenses).toEqual([
      { expenseType: 'hardware', amount: 200_000, itemKind: 'pc', participant: '株式会社A' },
      { expenseType: 'hardware', amount: 300_000, itemKind: 'register' },
      { expenseType: 'software', amount: 90_000, description: '会計ソフト', flags: ['generalPurpose', 'x'] },
    ]);
  });

  it('reads the 申請履歴 keys: インボイス登録番号, 住所 and 生年月日 (docs/applicant-history.md)', () => {
    const { payload, problems } = parse({
      申請者区分: '個人事業者',
      インボイス登録番号: 'T1234567890123',
      住所: '宮城県仙台市青葉区1-2-3',
      生年月日: '1980-04-01',
    });
    expect(problems).toEqual([]);
    expect(payload.applicant).toMatchObject({ invoiceNumber: 'T1234567890123', address: '宮城県仙台市青葉区1-2-3', birthDate: '1980-04-01' });
    expect(parse({}).payload.applicant).toMatchObject({ invoiceNumber: undefined, address: undefined, birthDate: undefined });
  });

  it.each([
    ['an unknown 品目', { 補助対象経費: 'hardware:1:品目=スマホ' }, '補助対象経費', '品目「スマホ」は ITツール / PC / レジ のいずれかです'],
    ['an unknown line attribute', { 補助対象経費: 'hardware:1:色=赤' }, '補助対象経費', '「品目=…」「参加事業者=…」「内容=…」「フラグ=…」のいずれか'],
    ['a 赤字 that is neither はい nor いいえ', { 赤字: 'たぶん' }, '赤字', '赤字 は「はい」か「いいえ」で入力してください (入力: たぶん)'],
    ['a 参加事業者数 that is no integer', { 参加事業者数: '十' }, '参加事業者数', '参加事業者数 は整数で入力してください'],
    ['an unknown 業種', { 業種: '農業' }, '業種', '業種 は 製造業 / 卸売業 / 小売業 / サービス業 / その他 のいずれかです (入力: 農業)'],
    // names every object has: not words of any column
    ['a 業種 of constructor', { 業種: 'constructor' }, '業種', '業種 は 製造業 / 卸売業 / 小売業 / サービス業 / その他 のいずれかです (入力: constructor)'],
    ['a 申請者区分 of toString', { 申請者区分: 'toString' }, '申請者区分', '申請者区分 は「法人」か「個人事業者」です'],
    ['a 規模区分 of __proto__', { 規模区分: '__proto__' }, '規模区分', '規模区分 は 小規模事業者'],
    ['a 品目 of valueOf', { 補助対象経費: 'hardware:1:品目=valueOf' }, '補助対象経費', '品目「valueOf」は ITツール / PC / レジ のいずれかです'],
    [
      'a 事業復活支援金 row missing its 基準期間',
      { 対象月: '2022-01', 対象月の売上高: '1', 基準期間の売上高: '1;1;1;1;1' },
      '基準期間',
      '基準期間 を入力してください',
    ],
  ])('reports %s in Japanese, by column', (_rule, cells, field, message) => {
    const { problems } = parse(cells);
    expect(problems).toEqual([expect.objectContaining({ row: 2, field, message: expect.stringContaining(message) })]);
  });

  it('reads はい / いいえ, counts, the 金融機関 and the 業種 into the applicant and the plan', () => {
    const { payload, problems } = parse({
      赤字: 'はい',
      再生事業者: 'いいえ',
      参加事業者数: '10',
      活動地域の都道府県数: '3',
      業種: '小売業',
      年間売上高: '120,000,000',
      認定支援機関名: '支援センター',
      認定支援機関ID: 'A-1',
      認定支援機関は金融機関: 'はい',
      金融機関名: '東西銀行',
    });
    expect(problems).toEqual([]);
    expect(payload.applicant).toMatchObject({
      lossMaking: true,
      inRehabilitation: false,
      participantCount: 10,
      prefectureCount: 3,
      industry: 'retail',
      annualRevenue: 120_000_000,
    });
    expect(payload.certifiedAdvisor).toEqual({ name: '支援センター', id: 'A-1', isFinancialInstitution: true });
    expect(payload.financialInstitution).toEqual({ name: '東西銀行' });
    expect(payload.benefit).toBeUndefined();
  });

  it('reads a 事業復活支援金 row: its sales (an Excel date as the month) and 事前確認', () => {
    const { payload, problems } = parse({
      対象月: '2022-01-01',
      対象月の売上高: '500000',
      基準期間: '2019年11月',
      基準期間の売上高: '1000000;1000000;1000000;1000000;1000000',
      年間売上高: '100000000',
      事前確認通知番号: 'JK1',
      登録確認機関名: '商工会',
    });
    expect(problems).toEqual([]);
    expect(payload.benefit).toEqual({
      applicantKind: 'corporation',
      targetMonth: '2022-01',
      targetMonthSales: 500_000,
      basePeriod: '2019-11',
      basePeriodSales: [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
      annualRevenue: 100_000_000,
    });
    expect(payload.preCheck).toEqual({ confirmationNumber: 'JK1', agencyName: '商工会' });
    expect(payload.plan).toBeUndefined();
  });

  it('shows a problem intake reported by a payload path under its column, the message starting with the heading', () => {
    expect(
      asColumnProblem({ row: 3, field: 'applicant.corporateNumber', message: 'applicant.corporateNumber: 法人番号のチェックデジットが一致しません' }),
    ).toEqual({
      row: 3,
      field: '法人番号',
      message: '法人番号: 法人番号のチェックデジットが一致しません',
    });
    expect(asColumnProblem({ row: 2, field: 'requestedAmount', message: 'requestedAmount (申請額) 999,999,999円 は、…を超えています' })).toEqual({
      row: 2,
      field: '申請額',
      message: '申請額 999,999,999円 は、…を超えています',
    });
    expect(asColumnProblem({ row: 2, field: 'expenses[1].amount', message: 'expenses[1].amount は1以上の整数です' })).toEqual({
      row: 2,
      field: '補助対象経費',
      message: '補助対象経費（2件目） は1以上の整数です',
    });
    // a column of its own (認定支援機関は金融機関, not 認定支援機関名 or ID); a message not starting with the path is
    // kept as it is; a path no column holds stays
    expect(asColumnProblem({ row: 2, field: 'certifiedAdvisor.isFinancialInstitution', message: '金融機関かどうかを指定してください' })).toEqual({
      row: 2,
      field: '認定支援機関は金融機関',
      message: '金融機関かどうかを指定してください',
    });
    // the 品目 as a cell writes them, not intake's codes
    expect(asColumnProblem({ row: 2, field: 'expenses[0].itemKind', message: 'expenses[0].itemKind（品目: pc / register）を指定してください' })).toEqual({
      row: 2,
      field: '補助対象経費',
      message: '補助対象経費（1件目）（「:品目=PC」または「:品目=レジ」）を指定してください',
    });
    const attachments = { row: 2, field: 'attachments', message: '添付書類「事業計画書」(businessPlan) がありません' };
    expect(asColumnProblem(attachments)).toEqual(attachments);
  });

  it('knows where every column with an example goes in the payload: the example row read back at each column’s path', () => {
    const examples = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.header, c.example]));
    const { payload, problems } = parse(examples);
    expect(problems).toEqual([]);
    const at = (path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], payload);
    expect(Object.keys(PAYLOAD_PATHS).sort()).toEqual(IMPORT_COLUMNS.map((c) => c.key).sort());
    for (const c of IMPORT_COLUMNS.filter((x) => x.example)) {
      expect([c.key, asColumnProblem({ row: 2, field: PAYLOAD_PATHS[c.key], message: 'x' }).field]).toEqual([c.key, c.header]);
      expect([c.key, at(PAYLOAD_PATHS[c.key])]).not.toEqual([c.key, undefined]);
    }
  });
});
