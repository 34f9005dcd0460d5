import ExcelJS from 'exceljs';
import { csvFile } from '../../common/spreadsheet-cells';
import { IMPORT_COLUMNS } from './import-columns';

/** The downloadable template: the header row and one example row (UTF-8 with BOM for Excel). */
export function csvTemplate(): Buffer {
  return csvFile([IMPORT_COLUMNS.map((c) => c.header), IMPORT_COLUMNS.map((c) => c.example)]);
}

export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申請一覧');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header)).font = { bold: true };
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.example));
  IMPORT_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 4);
    if (c.note) sheet.getCell(1, i + 1).note = `${c.required ? '必須。' : ''}${c.note}`;
  });
  const notes = workbook.addWorksheet('記入方法');
  notes.addRow(['列', '必須', '記入方法', '例']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) notes.addRow([c.header, c.required ? '必須' : '', c.note, c.example]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
