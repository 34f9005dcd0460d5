import type { IntakeApplicationDto } from '../intake/dto/intake-application.dto';

/**
 * The bulk-import file format: one application per row, the first row the headers below (Japanese,
 * as in the downloadable template). Expenses are one cell: `経費区分コード:金額` pairs separated by `;`.
 */
export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  example: string;
  note: string;
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'categoryCode', header: '類型コード', required: true, example: 'restructuring.standard', note: '公募回で募集している類型のコード' },
  { key: 'applicantKind', header: '申請者区分', required: true, example: '法人', note: '法人 / 個人事業者' },
  { key: 'applicantName', header: '事業者名', required: true, example: '株式会社さくら精機', note: '' },
  { key: 'corporateNumber', header: '法人番号', required: false, example: '1180301018771', note: '13桁 (法人は必須)' },
  { key: 'sizeClass', header: '規模区分', required: true, example: '中小企業', note: '小規模事業者 / 中小企業 / 中堅企業 / 大企業' },
  { key: 'employeeCount', header: '従業員数', required: true, example: '30', note: '整数' },
  { key: 'capital', header: '資本金', required: false, example: '30000000', note: '円 (整数)' },
  { key: 'prefecture', header: '都道府県', required: true, example: '北海道', note: '' },
  { key: 'email', header: 'メールアドレス', required: true, example: 'info@sakura.example.jp', note: '' },
  { key: 'contactPerson', header: '担当者名', required: false, example: '桜井 花子', note: '' },
  { key: 'planTitle', header: '事業計画名', required: true, example: 'EV向け部品への新分野展開', note: '' },
  { key: 'planSummary', header: '事業計画の概要', required: false, example: 'ガソリン車向け部品から電気自動車向け部品へ', note: '' },
  { key: 'advisorName', header: '認定支援機関名', required: false, example: '北海道経営支援センター', note: '' },
  { key: 'advisorId', header: '認定支援機関ID', required: false, example: '106213000000', note: '' },
  { key: 'expenses', header: '補助対象経費', required: true, example: 'machinery:30000000;building:5000000', note: '経費区分コード:金額(円) を ; で区切る' },
  { key: 'requestedAmount', header: '申請額', required: false, example: '20000000', note: '円 (整数)' },
  {
    key: 'monthlySales',
    header: '月次売上高',
    required: false,
    example: '2019-04:10000000;2020-04:8000000',
    note: '年月:売上高(円) を ; で区切る (売上高減少要件の判定用)',
  },
  {
    key: 'bonusItems',
    header: '加点項目',
    required: false,
    example: 'wageIncreaseBonus;partnershipBonus',
    note: '申請者が申告する加点項目のコード (公募回・類型の審査基準) を ; で区切る',
  },
];

const KIND: Record<string, string> = { 法人: 'corporation', 個人事業者: 'soleProprietor', corporation: 'corporation', soleProprietor: 'soleProprietor' };
const SIZE: Record<string, string> = {
  小規模事業者: 'smallBusiness',
  中小企業: 'sme',
  中堅企業: 'midsize',
  大企業: 'large',
  smallBusiness: 'smallBusiness',
  sme: 'sme',
  midsize: 'midsize',
  large: 'large',
};

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const int = (v: string | undefined) =>
  v === undefined || v.trim() === '' ? undefined : /^-?\d+$/.test(v.replace(/,/g, '').trim()) ? Number(v.replace(/,/g, '').trim()) : NaN;

function pairs(cell: string | undefined, row: number, header: string, problems: RowProblem[]) {
  if (!cell?.trim()) return [];
  return cell.split(';').map((part) => {
    const [key, value] = part.split(':').map((x) => x.trim());
    const amount = int(value);
    if (!key || amount === undefined || Number.isNaN(amount))
      problems.push({ row, field: header, message: `${header} の「${part}」は「コード:金額」の形式で入力してください` });
    return { key, amount: amount ?? 0 };
  });
}

/** Maps the header row to column keys; unknown or missing required headers are problems of row 1. */
export function mapHeaders(headers: string[]): { index: Map<string, number>; problems: RowProblem[] } {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const column = IMPORT_COLUMNS.find((c) => c.header === h.trim() || c.key === h.trim());
    if (column) index.set(column.key, i);
  });
  const problems = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => ({
    row: 1,
    field: c.header,
    message: `見出し行に「${c.header}」の列がありません`,
  }));
  return { index, problems };
}

/** One data row → the same payload the intake API takes (so the same rules validate it). */
export function rowToPayload(
  cells: string[],
  index: Map<string, number>,
  row: number,
  roundId: string,
): { payload: IntakeApplicationDto; problems: RowProblem[] } {
  const get = (key: string) => {
    const i = index.get(key);
    return i === undefined ? undefined : (cells[i] ?? '').trim();
  };
  const problems: RowProblem[] = [];
  const header = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
  const kind = KIND[get('applicantKind') ?? ''];
  if (!kind) problems.push({ row, field: header('applicantKind'), message: `${header('applicantKind')} は「法人」か「個人事業者」です` });
  const size = SIZE[get('sizeClass') ?? ''];
  if (!size)
    problems.push({ row, field: header('sizeClass'), message: `${header('sizeClass')} は 小規模事業者 / 中小企業 / 中堅企業 / 大企業 のいずれかです` });
  for (const key of ['employeeCount', 'capital', 'requestedAmount']) {
    if (Number.isNaN(int(get(key)))) problems.push({ row, field: header(key), message: `${header(key)} は整数で入力してください` });
  }
  const employeeCount = int(get('employeeCount'));
  if (employeeCount === undefined) problems.push({ row, field: header('employeeCount'), message: `${header('employeeCount')} を入力してください` });
  const expenses = pairs(get('expenses'), row, header('expenses'), problems).map((p) => ({ expenseType: p.key, amount: p.amount }));
  const monthlySales = pairs(get('monthlySales'), row, header('monthlySales'), problems).map((p) => ({ month: p.key, amount: p.amount }));
  const advisorName = get('advisorName');
  const payload = {
    roundId,
    categoryCode: get('categoryCode') ?? '',
    applicant: {
      kind: kind as 'corporation',
      name: get('applicantName') ?? '',
      corporateNumber: get('corporateNumber') || undefined,
      sizeClass: size as 'sme',
      employeeCount: employeeCount ?? 0,
      capital: int(get('capital')),
      prefecture: get('prefecture') ?? '',
      email: get('email') ?? '',
      contactPerson: get('contactPerson') || undefined,
      monthlySales,
    },
    plan: { title: get('planTitle') ?? '', summary: get('planSummary') || undefined },
    certifiedAdvisor: advisorName ? { name: advisorName, id: get('advisorId') ?? '' } : undefined,
    expenses,
    requestedAmount: int(get('requestedAmount')),
    bonusItems: (get('bonusItems') ?? '')
      .split(/[;；]/)
      .map((c) => c.trim())
      .filter(Boolean),
  } as IntakeApplicationDto;
  return { payload, problems };
}
