import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLines, xlsxValue, type CsvCell } from '../../common/spreadsheet-cells';
import type { ExportFormat } from './application-export.entity';
import { EXPORT_COLUMNS, EXPORT_HEADER } from './application-export-columns';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const SHEET_NAME = '申請一覧';

/**
 * The export file as a stream, written page by page as `pages` yields them (never the whole file in
 * memory): CSV is the BOM, the header and each page through csvLines (cells that would start a formula
 * neutralised, common/spreadsheet-cells.ts); .xlsx is ExcelJS's streaming writer, text always as string
 * cells, header bold and frozen.
 */
export function exportStream(format: ExportFormat, pages: AsyncIterable<CsvCell[][]>): Readable {
  return format === 'csv' ? Readable.from(csvChunks(pages)) : xlsxStream(pages);
}

async function* csvChunks(pages: AsyncIterable<CsvCell[][]>): AsyncGenerator<Buffer> {
  yield Buffer.concat([CSV_BOM, csvLines([EXPORT_HEADER])]);
  for await (const rows of pages) if (rows.length > 0) yield csvLines(rows);
}

function xlsxStream(pages: AsyncIterable<CsvCell[][]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ width: c.width }));
  const write = async () => {
    const header = sheet.addRow(EXPORT_HEADER);
    header.font = { bold: true };
    header.commit();
    for await (const rows of pages) for (const row of rows) sheet.addRow(row.map(xlsxValue)).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((e: Error) => out.destroy(e));
  return out;
}

/** The whole stream as one buffer (a direct export, at most EXPORT_DIRECT_MAX_ROWS rows). */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
