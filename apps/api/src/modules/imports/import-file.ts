import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type ImportFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : null;
}

/** The file's rows as strings (header row first). CSV may be UTF-8 with or without BOM. */
export async function readRows(content: Buffer, format: ImportFormat): Promise<string[][]> {
  if (format === 'csv') {
    return parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'text' in (v as object) ? String((v as { text: unknown }).text) : String(v))));
  });
  return rows;
}
