import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"): `=`, `+`, `-`,
 * `@`, tab and carriage return; defensively also their full-width forms, which a Japanese IME produces.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/**
 * A text cell that would start a formula gets a leading apostrophe, so Excel and LibreOffice show the
 * text instead of evaluating it (=HYPERLINK(…) in a 事業者名 stays text). Numbers stay numbers.
 */
export function neutraliseCell<T extends CsvCell>(value: T): T | string {
  return typeof value === 'string' && FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

/** The UTF-8 byte order mark a CSV starts with, so Excel reads Japanese. */
export const CSV_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The one way the API writes CSV: every cell neutralised, UTF-8 with a BOM so Excel reads Japanese. */
export function csvFile(rows: CsvCell[][]): Buffer {
  return Buffer.concat([CSV_BOM, csvLines(rows)]);
}

/**
 * CSV lines without the BOM, every cell neutralised like csvFile's: for a file written in parts (an
 * application export streamed page by page starts with CSV_BOM, then one csvLines per page).
 */
export function csvLines(rows: CsvCell[][]): Buffer {
  return Buffer.from(stringify(rows.map((row) => row.map((cell) => neutraliseCell(cell ?? null)))), 'utf8');
}

/**
 * A value for an exceljs cell: text always stays a string cell (exceljs writes a formula only for a
 * `{ formula }` object), so applicant text can never become a formula in an .xlsx export.
 */
export function xlsxValue(value: CsvCell): string | number | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? value : String(value);
}
