import { EXPORT_HEADER, exportCells, spreadsheetJst, type ExportSourceRow } from '../application-export-columns';

const row: ExportSourceRow = {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  cursor_at: '2022-03-24T09:00:00.000000Z',
  receipt_number: 'RES10-00000001',
  program_name: '事業再構築補助金',
  round_number: 10,
  category_name: '通常枠',
  status: 'returned',
  workflow_code: 'subsidy',
  workflow_version: 1,
  applicant_name: '株式会社さくら',
  applicant_kind: 'corporation',
  corporate_number: '1234567890123',
  size_class: 'sme',
  industry: 'service',
  employee_count: 12,
  capital: '30000000',
  prefecture: '大阪府',
  contact_person: '担当 花子',
  email: 'info@example.jp',
  plan_title: '新分野展開',
  advisor_name: '支援センター',
  quoted_amount: '20000000',
  received_at: new Date('2022-03-24T09:00:00Z'),
  received_in_grace: true,
  correction_due_at: new Date('2022-04-03T14:59:59Z'),
  channel_id: 'c',
  import_id: null,
  updated_at: new Date('2022-12-31T15:00:00Z'),
};
const cell = (header: string, r = row) => exportCells(r)[EXPORT_HEADER.indexOf(header)];

describe('application export columns', () => {
  it('writes instants as a JST wall clock a spreadsheet reads as a date', () => {
    expect(spreadsheetJst(new Date('2022-03-24T09:00:00Z'))).toBe('2022/03/24 18:00:00');
    expect(spreadsheetJst(new Date('2022-12-31T15:00:00Z'))).toBe('2023/01/01 00:00:00');
    expect(spreadsheetJst(null)).toBeNull();
  });

  it('names the round, category and state, and labels codes', () => {
    expect(cell('公募回')).toBe('事業再構築補助金 第10回');
    expect(cell('類型')).toBe('通常枠');
    expect(cell('状態')).not.toBe('returned');
    expect(cell('状態')).toMatch(/差戻/);
    expect([cell('申請者区分'), cell('規模区分'), cell('業種')]).toEqual(['法人', '中小企業', 'サービス業']);
    expect([cell('締切延長内の受付'), cell('受付経路')]).toEqual(['はい', '電子申請']);
    expect(cell('受付経路', { ...row, channel_id: null, import_id: 'i' })).toBe('一括取込');
  });

  it('keeps amounts as integer yen numbers, and empty values empty', () => {
    expect([cell('資本金(円)'), cell('補助金額の見込み(円)'), cell('従業員数')]).toEqual([30_000_000, 20_000_000, 12]);
    const sole = { ...row, applicant_kind: 'soleProprietor', corporate_number: null, capital: null, industry: null, received_in_grace: false };
    expect([cell('申請者区分', sole), cell('法人番号', sole), cell('資本金(円)', sole), cell('業種', sole), cell('締切延長内の受付', sole)]).toEqual([
      '個人事業者',
      null,
      null,
      null,
      null,
    ]);
  });

  it('shows the code of a state no registered workflow knows, rather than failing', () => {
    expect(cell('状態', { ...row, workflow_code: 'retired', status: 'archived' })).toBe('archived');
  });
});
