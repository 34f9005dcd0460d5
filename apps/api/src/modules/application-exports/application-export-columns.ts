import { SIZE_CLASS_LABELS, SIZE_THRESHOLDS, type SizeClass, type SizeIndustry } from '@jimukyoku/domain';
import type { CsvCell } from '../../common/spreadsheet-cells';
import { stateLabel } from '../applications/state-label';

/** One application as the export reads it (ApplicationExportsRepository.page): its columns and the names joined to it. */
export interface ExportSourceRow {
  id: string;
  /** created_at in UTC with microseconds: the keyset cursor, never shown */
  cursor_at: string;
  receipt_number: string | null;
  program_name: string;
  round_number: number;
  category_name: string;
  status: string;
  workflow_code: string;
  workflow_version: number;
  applicant_name: string;
  applicant_kind: string;
  corporate_number: string | null;
  size_class: string;
  industry: string | null;
  employee_count: number;
  capital: string | null;
  prefecture: string;
  contact_person: string | null;
  email: string;
  plan_title: string | null;
  advisor_name: string | null;
  quoted_amount: string;
  received_at: Date | null;
  received_in_grace: boolean;
  correction_due_at: Date | null;
  channel_id: string | null;
  import_id: string | null;
  updated_at: Date;
}

const APPLICANT_KIND_LABELS: Record<string, string> = { corporation: '法人', soleProprietor: '個人事業者' };

const JST_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as a JST wall clock a spreadsheet reads as a date and sorts: `2022/03/24 18:00:00` (the
 * columns say (JST)). The screens use formatJst's `2022年3月24日(木) 18:00:00`, which Excel keeps as text.
 */
export function spreadsheetJst(instant: Date | null): string | null {
  if (!instant) return null;
  const p = Object.fromEntries(JST_PARTS.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const yen = (v: string | null) => (v === null ? null : Number(v));

/**
 * The columns of an application export, in order: what a secretariat manager sorts, filters and
 * reports on in Excel. Names and labels, never codes (公募回 as 事業名 第n回, 類型 by name, 状態 by the
 * workflow's label, 規模区分 and 業種 by label); amounts in integer yen; instants in JST. README.md
 * ("Exports of applications") lists them.
 */
export const EXPORT_COLUMNS: readonly { header: string; value: (r: ExportSourceRow) => CsvCell; width: number }[] = [
  { header: '受付番号', value: (r) => r.receipt_number, width: 18 },
  { header: '公募回', value: (r) => `${r.program_name} 第${r.round_number}回`, width: 28 },
  { header: '類型', value: (r) => r.category_name, width: 20 },
  { header: '状態', value: (r) => stateLabel({ workflowCode: r.workflow_code, workflowVersion: r.workflow_version, status: r.status }), width: 14 },
  { header: '事業者名', value: (r) => r.applicant_name, width: 30 },
  { header: '申請者区分', value: (r) => APPLICANT_KIND_LABELS[r.applicant_kind] ?? r.applicant_kind, width: 12 },
  { header: '法人番号', value: (r) => r.corporate_number, width: 16 },
  { header: '規模区分', value: (r) => SIZE_CLASS_LABELS[r.size_class as SizeClass] ?? r.size_class, width: 12 },
  { header: '業種', value: (r) => (r.industry ? (SIZE_THRESHOLDS[r.industry as SizeIndustry]?.label ?? r.industry) : null), width: 14 },
  { header: '従業員数', value: (r) => r.employee_count, width: 10 },
  { header: '資本金(円)', value: (r) => yen(r.capital), width: 16 },
  { header: '都道府県', value: (r) => r.prefecture, width: 10 },
  { header: '担当者名', value: (r) => r.contact_person, width: 16 },
  { header: 'メールアドレス', value: (r) => r.email, width: 28 },
  { header: '事業計画名', value: (r) => r.plan_title, width: 30 },
  { header: '認定支援機関名', value: (r) => r.advisor_name, width: 24 },
  { header: '補助金額の見込み(円)', value: (r) => yen(r.quoted_amount), width: 18 },
  { header: '受付日時(JST)', value: (r) => spreadsheetJst(r.received_at), width: 20 },
  { header: '締切延長内の受付', value: (r) => (r.received_in_grace ? 'はい' : null), width: 10 },
  { header: '補正期限(JST)', value: (r) => spreadsheetJst(r.correction_due_at), width: 20 },
  { header: '受付経路', value: (r) => (r.import_id ? '一括取込' : r.channel_id ? '電子申請' : null), width: 10 },
  { header: '最終更新日時(JST)', value: (r) => spreadsheetJst(r.updated_at), width: 20 },
  { header: '申請ID', value: (r) => r.id, width: 38 },
];

export const EXPORT_HEADER = EXPORT_COLUMNS.map((c) => c.header);

export const exportCells = (row: ExportSourceRow): CsvCell[] => EXPORT_COLUMNS.map((c) => c.value(row));
