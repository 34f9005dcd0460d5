import { parse } from 'csv-parse';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { ImportFileError, ImportLimits, MAX_COLUMNS } from './import-limits';
import { cellText, tooManyColumns, tooManyRows, xlsxRows } from './import-xlsx';

export type ImportFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : null;
}

/** a record may hold this many cells of the longest length (the template has 18 columns) */
const RECORD_CELLS = 20;

const UNREADABLE = 'ファイルを読み取れません (CSV は UTF-8、Excel は .xlsx で保存してください)';

const NOT_UTF8 =
  'CSV の文字コードが UTF-8 ではありません (Excel の「CSV (コンマ区切り)」は Shift_JIS で保存されます)。Excel では「CSV UTF-8 (コンマ区切り)」を選んで保存するか、.xlsx のまま取り込んでください。';

/**
 * Passes a CSV's bytes on while they are UTF-8 and fails with NOT_UTF8 at the first that is not: a Shift_JIS
 * file read as UTF-8 becomes replacement characters, and was refused for a header row 「類型コード」 it did have.
 * A file that begins with a UTF-16 byte order mark is csv-parse's to decode.
 */
class Utf8Only extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private checking: boolean | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.checking ??= !((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
    done(this.checking && !this.decodes(chunk) ? new ImportFileError('NOT_UTF8', NOT_UTF8) : null, chunk);
  }

  override _flush(done: TransformCallback) {
    done(this.checking && !this.decodes() ? new ImportFileError('NOT_UTF8', NOT_UTF8) : null);
  }

  /** `chunk` continues valid UTF-8 (a character split across chunks is completed by the next); none: the end */
  private decodes(chunk?: Buffer): boolean {
    try {
      if (chunk) this.decoder.decode(chunk, { stream: true });
      else this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** CSV records streamed from the file; UTF-8 with or without BOM (UTF-16 with its BOM); one record may not exceed what its cells may. */
async function* csvRows(content: Readable, limits: ImportLimits): AsyncGenerator<string[]> {
  const utf8 = content.pipe(new Utf8Only());
  const parser = utf8.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: limits.maxCellChars * RECORD_CELLS }));
  content.on('error', (e) => parser.destroy(e));
  utf8.on('error', (e) => parser.destroy(e));
  try {
    for await (const record of parser) yield record as string[];
  } catch (e) {
    if ((e as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw new ImportFileError('CELL_TOO_LONG', cellTooLong(limits.maxCellChars));
    throw e;
  } finally {
    parser.destroy();
    utf8.destroy();
    content.destroy();
  }
}

const cellTooLong = (max: number) => `1つのセルが長すぎます (上限 ${max.toLocaleString('ja-JP')}文字)。`;

/**
 * The file's rows as strings, header row first, streamed: CSV through csv-parse, .xlsx through
 * ExcelJS's streaming reader under a zip budget (import-xlsx.ts). Any limit crossed, or a file that
 * cannot be read, is an ImportFileError whose message says what to do.
 */
export async function* readRows(open: () => Readable, format: ImportFormat, limits: ImportLimits): AsyncGenerator<string[]> {
  const rows = format === 'csv' ? csvRows(open(), limits) : xlsxCells(await toBuffer(open()), limits);
  let count = 0;
  try {
    for await (const cells of rows) {
      if (cells.length > MAX_COLUMNS) throw new ImportFileError('TOO_MANY_COLUMNS', tooManyColumns());
      const long = cells.findIndex((c) => c.length > limits.maxCellChars);
      if (long >= 0) throw new ImportFileError('CELL_TOO_LONG', `${count + 1}行目の ${long + 1}列目: ${cellTooLong(limits.maxCellChars)}`);
      if (++count > limits.maxRows + 1) throw new ImportFileError('TOO_MANY_ROWS', tooManyRows(limits.maxRows));
      yield cells;
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('UNREADABLE', UNREADABLE);
  }
}

/** .xlsx rows with their cells as text; rows whose cells are all empty are skipped (as in CSV). */
async function* xlsxCells(content: Buffer, limits: ImportLimits): AsyncGenerator<string[]> {
  for await (const row of xlsxRows(content, limits)) {
    // a cell far to the right (r="XFD1") makes a sparse array this long: refuse before copying it
    if (!Array.isArray(row.values) || row.values.length - 1 > MAX_COLUMNS) throw new ImportFileError('TOO_MANY_COLUMNS', tooManyColumns());
    const values = row.values.slice(1);
    const cells = Array.from(values, (v) => cellText(v as never));
    if (cells.some((c) => c.trim() !== '')) yield cells;
  }
}
