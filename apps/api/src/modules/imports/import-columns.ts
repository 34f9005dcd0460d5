import { INDUSTRY_LABELS } from '@jimukyoku/domain';
import type { IntakeApplicationDto } from '../intake/dto/intake-application.dto';

/**
 * The bulk-import file format: one application per row, the first row the headers below (Japanese,
 * as in the downloadable template). Every field the intake API takes has a column (README "Bulk
 * import"); a column a programme does not read stays empty. Expenses are one cell: lines separated
 * by `;`, each `経費区分コード:金額` with optional `:品目=…`, `:参加事業者=…`, `:内容=…`, `:フラグ=…`.
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
  { key: 'planTitle', header: '事業計画名', required: false, example: 'EV向け部品への新分野展開', note: '補助金は必須 (事業復活支援金は不要)' },
  { key: 'planSummary', header: '事業計画の概要', required: false, example: 'ガソリン車向け部品から電気自動車向け部品へ', note: '' },
  { key: 'advisorName', header: '認定支援機関名', required: false, example: '北海道経営支援センター', note: '' },
  { key: 'advisorId', header: '認定支援機関ID', required: false, example: '106213000000', note: '' },
  {
    key: 'expenses',
    header: '補助対象経費',
    required: false,
    example: 'machinery:30000000;building:5000000',
    note:
      '補助金は必須。経費区分コード:金額(円) を ; で区切る。IT導入補助金はハードウェアに「:品目=PC」または「:品目=レジ」、' +
      '複数社連携IT導入類型の基盤導入経費に「:参加事業者=事業者名」を付ける (例 hardware:200000:品目=PC:参加事業者=株式会社A)。' +
      '「:内容=説明」「:フラグ=generalPurpose」も付けられる',
  },
  { key: 'requestedAmount', header: '申請額', required: false, example: '20000000', note: '円 (整数)' },
  {
    key: 'monthlySales',
    header: '月次売上高',
    required: false,
    example: '2019-04:10000000;2019-05:10000000;2019-06:10000000;2020-04:8000000;2020-05:8000000;2020-06:8000000',
    note: '年月:売上高(円) を ; で区切る (売上高減少要件の判定用: 2020年4月以降の6か月間に収まる3か月分と、その2019年同月の売上高)',
  },
  {
    key: 'bonusItems',
    header: '加点項目',
    required: false,
    example: 'wageIncreaseBonus;partnershipBonus',
    note: '申請者が申告する加点項目のコード (公募回・類型の審査基準) を ; で区切る',
  },
  { key: 'industry', header: '業種', required: false, example: '製造業', note: '製造業 / 卸売業 / 小売業 / サービス業 / その他' },
  {
    key: 'annualRevenue',
    header: '年間売上高',
    required: false,
    example: '',
    note: '円 (整数)。事業復活支援金の法人は必須 (基準月を含む事業年度の年間売上高、給付上限額の区分)',
  },
  {
    key: 'lossMaking',
    header: '赤字',
    required: false,
    example: '',
    note: 'はい / いいえ。前年度の事業年度の課税所得がゼロ (ものづくり 回復型賃上げ・雇用拡大枠の要件、持続化 成長・分配強化枠の補助率3/4)',
  },
  { key: 'inRehabilitation', header: '再生事業者', required: false, example: '', note: 'はい / いいえ (ものづくり 通常枠の補助率2/3)' },
  {
    key: 'participantCount',
    header: '参加事業者数',
    required: false,
    example: '',
    note: '整数。グループ申請の参加事業者数 (申請者を含む。複数社連携IT導入類型は10者以上、地域デジタルイノベーション)',
  },
  {
    key: 'prefectureCount',
    header: '活動地域の都道府県数',
    required: false,
    example: '',
    note: '1〜47の整数。地域DX促進活動支援事業 (A類型 1、B類型 2、C類型 3以上)',
  },
  {
    key: 'advisorIsFinancialInstitution',
    header: '認定支援機関は金融機関',
    required: false,
    example: '',
    note: 'はい / いいえ (はい: 金融機関の確認を兼ねる)',
  },
  {
    key: 'financialInstitutionName',
    header: '金融機関名',
    required: false,
    example: '東西銀行',
    note: '事業計画を確認した金融機関。補助金額が3,000万円を超える場合は必須 (認定支援機関が金融機関の場合を除く)',
  },
  { key: 'benefitTargetMonth', header: '対象月', required: false, example: '', note: '事業復活支援金: 2021-11〜2022-03 の年月 (YYYY-MM)' },
  { key: 'benefitTargetMonthSales', header: '対象月の売上高', required: false, example: '', note: '事業復活支援金: 円 (整数)' },
  { key: 'benefitBasePeriod', header: '基準期間', required: false, example: '', note: '事業復活支援金: 基準期間の最初の年月 2018-11 / 2019-11 / 2020-11' },
  {
    key: 'benefitBasePeriodSales',
    header: '基準期間の売上高',
    required: false,
    example: '',
    note: '事業復活支援金: 基準期間5か月の売上高(円) を11月から順に ; で区切る',
  },
  { key: 'preCheckNumber', header: '事前確認通知番号', required: false, example: '', note: '事業復活支援金: 登録確認機関による事前確認の通知番号' },
  { key: 'preCheckAgency', header: '登録確認機関名', required: false, example: '', note: '事業復活支援金: 事前確認を行った登録確認機関' },
  {
    key: 'previousRecipient',
    header: '一時支援金・月次支援金の受給',
    required: false,
    example: '',
    note: '事業復活支援金: はい / いいえ (はい: 受給実績があり事前確認が不要)',
  },
  // the 申請履歴's keys besides the 法人番号 (docs/applicant-history.md)
  { key: 'invoiceNumber', header: 'インボイス登録番号', required: false, example: '', note: 'T + 13桁 (申請履歴の照合に使う)' },
  { key: 'address', header: '住所', required: false, example: '', note: '所在地・住所 (個人事業者は事業者名・生年月日とあわせて申請履歴の照合に使う)' },
  { key: 'birthDate', header: '生年月日', required: false, example: '', note: '個人事業者: YYYY-MM-DD (申請履歴の照合に使う)' },
];

/**
 * Where rowToPayload puts each column's value in the intake payload: a problem intake reports by the payload's
 * path (`applicant.corporateNumber`, `expenses[2].amount`) is shown under the column's heading.
 */
export const PAYLOAD_PATHS: Readonly<Record<string, string>> = {
  categoryCode: 'categoryCode',
  applicantKind: 'applicant.kind',
  applicantName: 'applicant.name',
  corporateNumber: 'applicant.corporateNumber',
  sizeClass: 'applicant.sizeClass',
  employeeCount: 'applicant.employeeCount',
  capital: 'applicant.capital',
  prefecture: 'applicant.prefecture',
  email: 'applicant.email',
  contactPerson: 'applicant.contactPerson',
  planTitle: 'plan.title',
  planSummary: 'plan.summary',
  advisorName: 'certifiedAdvisor.name',
  advisorId: 'certifiedAdvisor.id',
  expenses: 'expenses',
  requestedAmount: 'requestedAmount',
  monthlySales: 'applicant.monthlySales',
  bonusItems: 'bonusItems',
  industry: 'applicant.industry',
  annualRevenue: 'applicant.annualRevenue',
  lossMaking: 'applicant.lossMaking',
  inRehabilitation: 'applicant.inRehabilitation',
  participantCount: 'applicant.participantCount',
  prefectureCount: 'applicant.prefectureCount',
  advisorIsFinancialInstitution: 'certifiedAdvisor.isFinancialInstitution',
  financialInstitutionName: 'financialInstitution.name',
  benefitTargetMonth: 'benefit.targetMonth',
  benefitTargetMonthSales: 'benefit.targetMonthSales',
  benefitBasePeriod: 'benefit.basePeriod',
  benefitBasePeriodSales: 'benefit.basePeriodSales',
  preCheckNumber: 'preCheck.confirmationNumber',
  preCheckAgency: 'preCheck.agencyName',
  previousRecipient: 'previousRecipient',
  invoiceNumber: 'applicant.invoiceNumber',
  address: 'applicant.address',
  birthDate: 'applicant.birthDate',
};

/**
 * A problem intake reported by a payload path, as the import report shows it: under the column's heading, the
 * message beginning with the heading rather than the path (「applicant.corporateNumber: …」 → 「法人番号: …」,
 * 「requestedAmount (申請額) …」 → 「申請額 …」), the line of a list cell counted from 1. A path no column holds
 * (`attachments`, the whole `applicant`) stays as it is.
 */
export function asColumnProblem(problem: RowProblem): RowProblem {
  const hit = IMPORT_COLUMNS.map((c) => ({ c, path: PAYLOAD_PATHS[c.key] }))
    .filter(({ path }) => path && (problem.field === path || problem.field.startsWith(`${path}.`) || problem.field.startsWith(`${path}[`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!hit) return problem;
  const index = /^\[(\d+)\]/.exec(problem.field.slice(hit.path.length));
  const heading = index ? `${hit.c.header}（${Number(index[1]) + 1}件目）` : hit.c.header;
  const label = /^ \([^)]*\)/;
  const message = problem.message.startsWith(problem.field) ? `${heading}${problem.message.slice(problem.field.length).replace(label, '')}` : problem.message;
  return { row: problem.row, field: hit.c.header, message: problem.field.endsWith('.itemKind') ? asItemWords(message) : message };
}

/** The 品目 a line may name, as a cell writes them (「:品目=PC」), for intake's codes (「品目: pc / register」). */
const ITEM_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({ itTool: 'ITツール', pc: 'PC', register: 'レジ' }));
const asItemWords = (message: string) =>
  message.replace(
    /（品目: ([^）]+)）/,
    (_, codes: string) =>
      `（${codes
        .split(' / ')
        .map((c) => `「:品目=${ITEM_WORDS.get(c) ?? c}」`)
        .join('または')}）`,
  );

const wordsOf = (words: Record<string, string>): ReadonlyMap<string, string> => new Map(Object.entries(words));
/** The cell's words, as Maps: a cell reading `constructor` or `toString` must not find Object.prototype's members. */
const KIND: ReadonlyMap<string, string> = wordsOf({
  法人: 'corporation',
  個人事業者: 'soleProprietor',
  corporation: 'corporation',
  soleProprietor: 'soleProprietor',
});
const SIZE: ReadonlyMap<string, string> = wordsOf({
  小規模事業者: 'smallBusiness',
  中小企業: 'sme',
  中堅企業: 'midsize',
  大企業: 'large',
  smallBusiness: 'smallBusiness',
  sme: 'sme',
  midsize: 'midsize',
  large: 'large',
});
/** the industries intake takes, by their Japanese names (INDUSTRY_LABELS) or codes */
const INDUSTRIES = ['manufacturing', 'wholesale', 'retail', 'service', 'other'] as const;
const INDUSTRY: ReadonlyMap<string, string> = new Map(INDUSTRIES.flatMap((code) => [[INDUSTRY_LABELS[code], code] as const, [code, code] as const]));
/** IT導入補助金's item kinds (ExpenseLine.itemKind), by code or Japanese name */
const ITEM_KIND: ReadonlyMap<string, string> = wordsOf({
  itTool: 'itTool',
  ITツール: 'itTool',
  pc: 'pc',
  PC: 'pc',
  'PC・タブレット': 'pc',
  'PC・タブレット等': 'pc',
  タブレット: 'pc',
  register: 'register',
  レジ: 'register',
  'レジ・券売機': 'register',
  'レジ・券売機等': 'register',
  券売機: 'register',
});
const YES = new Set(['はい', 'true', 'TRUE', '1', '○', 'yes']);
const NO = new Set(['いいえ', 'false', 'FALSE', '0', '×', 'no']);

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

/** 補助対象経費: `code:amount` lines separated by `;`, each with optional `:品目=…`, `:参加事業者=…`, `:内容=…`, `:フラグ=a,b`. */
function expenseLines(cell: string | undefined, row: number, header: string, problems: RowProblem[]) {
  if (!cell?.trim()) return [];
  return cell
    .split(';')
    .filter((part) => part.trim())
    .map((part) => {
      const [code, value, ...extras] = part.split(':').map((x) => x.trim());
      const amount = int(value);
      if (!code || amount === undefined || Number.isNaN(amount))
        problems.push({ row, field: header, message: `${header} の「${part}」は「経費区分コード:金額」の形式で入力してください` });
      const line: { expenseType: string; amount: number; itemKind?: string; participant?: string; description?: string; flags?: string[] } = {
        expenseType: code,
        amount: amount ?? 0,
      };
      for (const extra of extras) {
        const [name, ...rest] = extra.split('=');
        const text = rest.join('=').trim();
        if (name.trim() === '品目' && ITEM_KIND.has(text)) line.itemKind = ITEM_KIND.get(text);
        else if (name.trim() === '参加事業者' && text) line.participant = text;
        else if (name.trim() === '内容' && text) line.description = text;
        else if (name.trim() === 'フラグ' && text)
          line.flags = text
            .split(/[,、]/)
            .map((f) => f.trim())
            .filter(Boolean);
        else
          problems.push({
            row,
            field: header,
            message:
              name.trim() === '品目'
                ? `${header} の「${part}」の品目「${text}」は ITツール / PC / レジ のいずれかです`
                : `${header} の「${part}」の「${extra}」は「品目=…」「参加事業者=…」「内容=…」「フラグ=…」のいずれかの形式で入力してください`,
          });
      }
      return line;
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
  const problem = (key: string, message: string) => problems.push({ row, field: header(key), message: `${header(key)} ${message}` });
  /** はい / いいえ; empty: not declared */
  const yesNo = (key: string): boolean | undefined => {
    const v = get(key);
    if (!v) return undefined;
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    problem(key, `は「はい」か「いいえ」で入力してください (入力: ${v})`);
    return undefined;
  };
  const kind = KIND.get(get('applicantKind') ?? '');
  if (!kind) problem('applicantKind', 'は「法人」か「個人事業者」です');
  const size = SIZE.get(get('sizeClass') ?? '');
  if (!size) problem('sizeClass', 'は 小規模事業者 / 中小企業 / 中堅企業 / 大企業 のいずれかです');
  for (const key of ['employeeCount', 'capital', 'requestedAmount', 'annualRevenue', 'participantCount', 'prefectureCount', 'benefitTargetMonthSales']) {
    if (Number.isNaN(int(get(key)))) problem(key, 'は整数で入力してください');
  }
  const employeeCount = int(get('employeeCount'));
  if (employeeCount === undefined) problem('employeeCount', 'を入力してください');
  const industryText = get('industry');
  const industry = industryText ? INDUSTRY.get(industryText) : undefined;
  if (industryText && !industry) problem('industry', `は 製造業 / 卸売業 / 小売業 / サービス業 / その他 のいずれかです (入力: ${industryText})`);
  const expenses = expenseLines(get('expenses'), row, header('expenses'), problems);
  const monthlySales = pairs(get('monthlySales'), row, header('monthlySales'), problems).map((p) => ({ month: p.key, amount: p.amount }));
  const advisorName = get('advisorName');
  const advisorIsFinancialInstitution = yesNo('advisorIsFinancialInstitution');
  const financialInstitutionName = get('financialInstitutionName');
  const planTitle = get('planTitle');
  const planSummary = get('planSummary');
  const previousRecipient = yesNo('previousRecipient');
  const preCheckNumber = get('preCheckNumber');
  const preCheckAgency = get('preCheckAgency');
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
      industry,
      email: get('email') ?? '',
      contactPerson: get('contactPerson') || undefined,
      annualRevenue: int(get('annualRevenue')),
      lossMaking: yesNo('lossMaking'),
      inRehabilitation: yesNo('inRehabilitation'),
      participantCount: int(get('participantCount')),
      prefectureCount: int(get('prefectureCount')),
      monthlySales,
      invoiceNumber: get('invoiceNumber') || undefined,
      address: get('address') || undefined,
      birthDate: get('birthDate') || undefined,
    },
    // left out when empty: a subsidy is then told 「plan.title (事業計画名) を入力してください」, a benefit needs none
    plan: planTitle || planSummary ? { title: planTitle ?? '', summary: planSummary || undefined } : undefined,
    certifiedAdvisor: advisorName
      ? {
          name: advisorName,
          id: get('advisorId') ?? '',
          ...(advisorIsFinancialInstitution === undefined ? {} : { isFinancialInstitution: advisorIsFinancialInstitution }),
        }
      : undefined,
    financialInstitution: financialInstitutionName ? { name: financialInstitutionName } : undefined,
    expenses,
    requestedAmount: int(get('requestedAmount')),
    benefit: benefitOf(get, kind, int(get('annualRevenue')), row, header, problems),
    preCheck: preCheckNumber || preCheckAgency ? { confirmationNumber: preCheckNumber ?? '', agencyName: preCheckAgency ?? '' } : undefined,
    previousRecipient,
    bonusItems: (get('bonusItems') ?? '')
      .split(/[;；]/)
      .map((c) => c.trim())
      .filter(Boolean),
  } as IntakeApplicationDto;
  return { payload, problems };
}

/** 事業復活支援金's sales (the intake payload's `benefit`), when any of its columns is filled in. */
function benefitOf(
  get: (key: string) => string | undefined,
  kind: string | undefined,
  annualRevenue: number | undefined,
  row: number,
  header: (key: string) => string,
  problems: RowProblem[],
): IntakeApplicationDto['benefit'] {
  const keys = ['benefitTargetMonth', 'benefitTargetMonthSales', 'benefitBasePeriod', 'benefitBasePeriodSales'];
  if (keys.every((k) => !get(k))) return undefined;
  for (const k of keys) if (!get(k)) problems.push({ row, field: header(k), message: `${header(k)} を入力してください (事業復活支援金)` });
  const month = (key: string) => {
    const v = get(key) ?? '';
    // an Excel date cell reads as YYYY-MM-DD; 「2022年1月」 and 2022/1 are taken too
    const m = /^(\d{4})[-/年](\d{1,2})/.exec(v);
    if (v && !m) problems.push({ row, field: header(key), message: `${header(key)} は YYYY-MM の形式で入力してください (入力: ${v})` });
    return m ? `${m[1]}-${m[2].padStart(2, '0')}` : v;
  };
  const sales = (get('benefitBasePeriodSales') ?? '')
    .split(/[;；]/)
    .filter((x) => x.trim())
    .map((x) => int(x));
  if (sales.some((x) => x === undefined || Number.isNaN(x)))
    problems.push({
      row,
      field: header('benefitBasePeriodSales'),
      message: `${header('benefitBasePeriodSales')} は売上高(円) を ; で区切って入力してください`,
    });
  return {
    applicantKind: kind as 'corporation',
    targetMonth: month('benefitTargetMonth'),
    targetMonthSales: int(get('benefitTargetMonthSales')) ?? 0,
    basePeriod: month('benefitBasePeriod') as '2019-11',
    basePeriodSales: sales.map((x) => x ?? 0),
    ...(annualRevenue === undefined || Number.isNaN(annualRevenue) ? {} : { annualRevenue }),
  } as IntakeApplicationDto['benefit'];
}
