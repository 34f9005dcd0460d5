import ExcelJS from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import { Readable, Transform } from 'node:stream';
import yauzl, { Entry, ZipFile } from 'yauzl';
import { ImportFileError, ImportLimits, MAX_COLUMNS } from './import-limits';

/** more entries than any real workbook has (Excel writes a dozen or two) */
const MAX_ENTRIES = 1_000;

/**
 * The parts of ExcelJS 4.4's streaming WorkbookReader used here (pinned version): its XML parsers
 * for the workbook, its relations, styles, shared strings and one worksheet. Its own `parse()` reads
 * the zip with unzipper, in file order, spilling worksheets to temporary files and trusting every
 * size in the archive; here yauzl hands it the entries instead, in the order they are needed, each
 * one inflated under a budget.
 */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; name: string }[] };
}

const LYING_SIZE =
  'Excel ファイルの中身が、ファイル自身の示す大きさを超えて展開されます。圧縮爆弾の疑いがあるため読み込みません。Excel で保存し直してください。';
const bomb = (message: string) => new ImportFileError('WORKBOOK_TOO_LARGE', message);

/**
 * Counts what a workbook inflates to, across all its entries, and stops past the budget; decodes UTF-8
 * across chunk boundaries (ExcelJS decodes each chunk alone, which splits a Japanese character in two).
 * In a worksheet it also counts rows and cells as they stream by, so a sheet of millions of rows or
 * columns is refused before ExcelJS builds a single one of them.
 */
class Budget {
  inflated = 0;
  constructor(private readonly limits: ImportLimits) {}

  meter(worksheet: boolean): Transform {
    const decoder = new StringDecoder('utf8');
    const scan = worksheet ? new SheetScan(this.limits) : null;
    return new Transform({
      readableObjectMode: true,
      transform: (chunk: Buffer, _enc, done) => {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxInflatedBytes) {
          return done(
            bomb(
              `Excel ファイルの展開後の大きさが上限 (${Math.floor(this.limits.maxInflatedBytes / 1024 / 1024)}MB) を超えています。圧縮爆弾の疑いがあるため読み込みません。行数を減らすか CSV で取り込んでください。`,
            ),
          );
        }
        const text = decoder.write(chunk);
        try {
          scan?.feed(text);
        } catch (e) {
          return done(e as Error);
        }
        done(null, text);
      },
      flush: (done) => done(null, decoder.end()),
    });
  }
}

/** Counts `<row` and `<c` tags of a worksheet's XML text (chunks may split a tag: the tail is kept). */
class SheetScan {
  private rows = 0;
  private cellsInRow = 0;
  private tail = '';
  constructor(private readonly limits: ImportLimits) {}

  feed(text: string) {
    const s = this.tail + text;
    const tag = /<(row|c)[\s/>]|<\/row>/g;
    let m: RegExpExecArray | null;
    let last = 0;
    while ((m = tag.exec(s))) {
      last = tag.lastIndex;
      if (m[0] === '</row>') this.cellsInRow = 0;
      else if (m[1] === 'row') {
        this.cellsInRow = 0;
        // the header row and the data rows; empty rows count too (they cost as much to read)
        if (++this.rows > this.limits.maxRows + 1) throw new ImportFileError('TOO_MANY_ROWS', tooManyRows(this.limits.maxRows));
      } else if (++this.cellsInRow > MAX_COLUMNS) throw new ImportFileError('TOO_MANY_COLUMNS', tooManyColumns());
    }
    // keep enough to recognise a tag cut at the end of this chunk
    this.tail = s.slice(Math.max(last, s.length - 6));
  }
}

export const tooManyRows = (max: number) => `データ行が上限 (${max.toLocaleString('ja-JP')}行) を超えています。ファイルを分けて取り込んでください。`;
export const tooManyColumns = () => `列が多すぎます (上限 ${MAX_COLUMNS}列)。取込用テンプレートの列だけにしてください。`;

const openZip = (content: Buffer) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (e, zip) => (e ? reject(e) : resolve(zip))),
  );

async function entriesOf(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  return new Promise((resolve, reject) => {
    if (zip.entryCount > MAX_ENTRIES) return reject(bomb(`Excel ファイルの中のファイルが多すぎます (${zip.entryCount}個)。Excel で保存し直してください。`));
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const openEntry = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, stream) => (e ? reject(e) : resolve(stream))));

/** The worksheet Excel shows first: the first `<sheet>` of workbook.xml, through its relation. */
function firstSheetPath(parts: WorkbookParts, entries: Map<string, Entry>): string | null {
  const first = parts.model?.sheets?.[0];
  const target = first && parts.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (target) {
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (entries.has(path)) return path;
  }
  const sheets = [...entries.keys()]
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return sheets[0] ?? null;
}

/**
 * The rows of an .xlsx file's first worksheet, streamed. Before anything is inflated, the sizes the
 * archive declares are checked against the budget (yauzl then holds every entry to its declared size);
 * while inflating, the bytes, rows and cells are counted. Memory stays bounded by the budget: the
 * compressed file (at most IMPORT_MAX_BYTES) and the shared strings, never the whole sheet.
 */
export async function* xlsxRows(content: Buffer, limits: ImportLimits): AsyncGenerator<ExcelJS.Row> {
  const zip = await openZip(content);
  try {
    const entries = await entriesOf(zip);
    let declared = 0;
    for (const e of entries.values()) declared += e.uncompressedSize;
    if (declared > limits.maxInflatedBytes) {
      throw bomb(
        `Excel ファイルの展開後の大きさ (${Math.ceil(declared / 1024 / 1024).toLocaleString('ja-JP')}MB) が上限 (${Math.floor(limits.maxInflatedBytes / 1024 / 1024)}MB) を超えています。圧縮爆弾の疑いがあるため読み込みません。行数を減らすか CSV で取り込んでください。`,
      );
    }
    const budget = new Budget(limits);
    const read = async (path: string, worksheet = false) => {
      const entry = entries.get(path);
      if (!entry) return null;
      const inflated = await openEntry(zip, entry);
      const metered = budget.meter(worksheet);
      // yauzl stops an entry that inflates past its declared size: the archive lies about it
      inflated.on('error', (e) => metered.destroy(/too many bytes/.test(e.message) ? bomb(LYING_SIZE) : e));
      return inflated.pipe(metered);
    };
    const parts = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as WorkbookParts;
    const rels = await read('xl/_rels/workbook.xml.rels');
    if (rels) await parts._parseRels(rels);
    const workbook = await read('xl/workbook.xml');
    if (!workbook) throw new ImportFileError('UNREADABLE', 'Excel のブック (xl/workbook.xml) が見つかりません。');
    await parts._parseWorkbook(workbook);
    const styles = await read('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);
    const shared = await read('xl/sharedStrings.xml');
    if (shared) for await (const _ of parts._parseSharedStrings(shared)); // cached inside the reader
    const path = firstSheetPath(parts, entries);
    if (!path) return;
    const sheet = await read(path, true);
    for (const { eventType, value } of parts._parseWorksheet(sheet!, path.match(/(\d+)\.xml$/)?.[1] ?? '1')) {
      if (eventType === 'worksheet') yield* value;
    }
  } finally {
    zip.close();
  }
}

/** One cell as the text a person sees in Excel. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
