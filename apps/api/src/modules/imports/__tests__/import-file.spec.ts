import { Readable } from 'node:stream';
import { zipOf } from '../../../../test/xlsx-fixtures';
import { readRows } from '../import-file';
import { ImportFileError, ImportLimits } from '../import-limits';

const LIMITS: ImportLimits = { maxRows: 3, maxCellChars: 100, maxInflatedBytes: 1024 * 1024 };
const all = async (content: string | Buffer, format: 'csv' | 'xlsx', limits = LIMITS) => {
  const rows: string[][] = [];
  for await (const r of readRows(() => Readable.from([Buffer.from(content)]), format, limits)) rows.push(r);
  return rows;
};
const refusal = (content: string | Buffer, format: 'csv' | 'xlsx', limits = LIMITS) =>
  all(content, format, limits).then(
    () => null,
    (e) => (e instanceof ImportFileError ? e.problem : e),
  );

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (rowsXml: string, extra: Parameters<typeof zipOf>[0] = []) =>
  zipOf([
    {
      name: 'xl/workbook.xml',
      head: `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      head: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/sharedStrings.xml', head: `<sst xmlns="${MAIN}"><si><t>共有</t></si></sst>` },
    { name: 'xl/worksheets/sheet1.xml', head: `<worksheet xmlns="${MAIN}"><sheetData>${rowsXml}</sheetData></worksheet>` },
    ...extra,
  ]);
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('readRows', () => {
  it.each([
    [
      'CSV with a BOM, quoted cells and blank lines',
      '\uFEFF見出し,b\n"a,1",2\n\nc,3\n',
      'csv',
      [
        ['見出し', 'b'],
        ['a,1', '2'],
        ['c', '3'],
      ],
    ],
    [
      'an .xlsx: inline and shared strings, numbers, empty rows skipped',
      sheet(`<row r="1">${cell('A1', '見出し')}<c r="B1" t="s"><v>0</v></c></row><row r="2"/><row r="3">${cell('A3', 'x')}<c r="B3"><v>42</v></c></row>`),
      'xlsx',
      [
        ['見出し', '共有'],
        ['x', '42'],
      ],
    ],
  ] as const)('reads %s', async (_name, content, format, expected) => {
    expect(await all(content, format)).toEqual(expected);
  });

  it('reads a UTF-8 character split between two chunks of the file, and a UTF-16 file by its BOM', async () => {
    const bytes = Buffer.from('見出し\nあ\n');
    const split = readRows(() => Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]), 'csv', LIMITS);
    const rows: string[][] = [];
    for await (const r of split) rows.push(r);
    expect(rows).toEqual([['見出し'], ['あ']]);
    expect(await all(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('見出し\nあ\n', 'utf16le')]), 'csv')).toEqual([['見出し'], ['あ']]);
  });

  it.each([
    ['more data rows than IMPORT_MAX_ROWS (CSV)', 'h\n1\n2\n3\n4\n', 'csv', 'TOO_MANY_ROWS'],
    ['a cell over IMPORT_MAX_CELL_CHARS (CSV)', `h\n${'x'.repeat(101)}\n`, 'csv', 'CELL_TOO_LONG'],
    ['an unterminated quote running on (CSV)', `h\n"${'x'.repeat(3000)}`, 'csv', 'CELL_TOO_LONG'],
    ['an unterminated quote at the end of the file (CSV)', 'h\n"abc', 'csv', 'UNREADABLE'],
    ['more rows than the limit, seen in the XML (xlsx)', sheet('<row r="1"/>'.repeat(10)), 'xlsx', 'TOO_MANY_ROWS'],
    ['a row of more than 200 cells (xlsx)', sheet(`<row r="1">${'<c r="A1"/>'.repeat(201)}</row>`), 'xlsx', 'TOO_MANY_COLUMNS'],
    ['a cell far to the right (xlsx)', sheet(`<row r="1">${cell('XFD1', 'x')}</row>`), 'xlsx', 'TOO_MANY_COLUMNS'],
    [
      'entries declared larger than the budget (xlsx)',
      sheet('', [{ name: 'xl/media/big.bin', chunk: 'x'.repeat(4096), times: 300 }]),
      'xlsx',
      'WORKBOOK_TOO_LARGE',
    ],
    [
      'an entry inflating past its declared size (xlsx)',
      sheet('', [{ name: 'xl/styles.xml', chunk: ' '.repeat(4096), times: 10, declaredSize: 10 }]),
      'xlsx',
      'WORKBOOK_TOO_LARGE',
    ],
    ['a file that is not a zip (xlsx)', 'PK but not really', 'xlsx', 'UNREADABLE'],
    // 類型コード,事業者名 in Shift_JIS, as Excel's 「CSV (コンマ区切り)」 saves it
    ['a Shift_JIS CSV', Buffer.from('97de8c5e8352815b83682c8e968bc68ed2967c0d0a', 'hex'), 'csv', 'NOT_UTF8'],
    ['a Shift_JIS byte after UTF-8 rows', Buffer.concat([Buffer.from('h\nあ\n'), Buffer.from([0x82, 0xa0, 0x0a])]), 'csv', 'NOT_UTF8'],
  ] as const)('refuses %s', async (_name, content, format, problem) => {
    expect(await refusal(content, format)).toBe(problem);
  });
});
