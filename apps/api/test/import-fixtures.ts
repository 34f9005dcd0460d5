import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { WorkerAppModule } from '../src/api.module';
import type { AppConfig } from '../src/config';
import { QueueName } from '../src/queue';

export const IMPORT_HEADER = '類型コード,申請者区分,事業者名,法人番号,規模区分,従業員数,資本金,都道府県,メールアドレス,担当者名,事業計画名,事業計画の概要,認定支援機関名,認定支援機関ID,補助対象経費,申請額,月次売上高,加点項目';
const SALES = '2019-04:10000000;2019-05:10000000;2019-06:10000000;2020-04:8000000;2020-05:8000000;2020-06:8000000';

/** One CSV row of a corporation (法人番号 given) or, with `number` null, of a 個人事業者. */
export const importRow = (name: string, number: string | null, expenses = 'machinery:30000000') =>
  ['restructuring.standard', number ? '法人' : '個人事業者', name, number ?? '', '中小企業', '30', '30000000', '北海道', 'info@example.jp', '担当 太郎', '新分野展開', '概要', '支援センター', 'ADV-1', expenses, '', SALES, 'wageIncreaseBonus;partnershipBonus'].join(',');

/**
 * The worker process's application (imports queue only) beside a test's API, on the same database,
 * Redis prefix and storage: imports run there, never in the API.
 */
export async function startImportWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot({ ...config, workerQueues: [QueueName.Imports] }), { logger: process.env.TEST_APP_LOGS ? ['error'] : false });
  await app.init();
  return app;
}

interface ZipPart {
  name: string;
  /** the entry's content: `chunk` repeated `times` times after `head` and before `tail` */
  head?: string;
  chunk?: string;
  times?: number;
  tail?: string;
  /** what the archive says the entry inflates to (a lie for the bomb that hides its size) */
  declaredSize?: number;
}

/**
 * A zip built by hand, small on disk whatever the content inflates to: the repeated chunk is deflated
 * once (full flush: the same bytes every time) and its compressed bytes repeated.
 */
export function zipOf(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const pieces: Buffer[] = [];
    let size = 0;
    let crc = 0;
    const add = (text: string, times = 1) => {
      if (!text || times === 0) return;
      const raw = Buffer.from(text, 'utf8');
      const deflated = deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH });
      for (let i = 0; i < times; i++) {
        pieces.push(deflated);
        crc = crc32(raw, crc);
        size += raw.length;
      }
    };
    add(part.head ?? '');
    add(part.chunk ?? '', part.times ?? 0);
    add(part.tail ?? '');
    pieces.push(Buffer.from([0x03, 0x00])); // the final (empty) block
    const data = Buffer.concat(pieces);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(declared, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An .xlsx whose first sheet is `sheet` (its <sheetData> content), with optional shared strings. */
export function xlsxOf(sheet: Omit<ZipPart, 'name'>, sharedStrings?: Omit<ZipPart, 'name'>): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', head: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/workbook.xml', head: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="申請" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', head: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', ...sharedStrings, head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${sharedStrings.head ?? ''}`, tail: `${sharedStrings.tail ?? ''}</sst>` }] : []),
    { name: 'xl/worksheets/sheet1.xml', ...sheet, head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.head ?? ''}`, tail: `${sheet.tail ?? ''}</sheetData></worksheet>` },
  ]);
}

/** an inline-string cell */
export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const headerRowXml = () => `<row r="1">${IMPORT_HEADER.split(',').map((h, i) => inlineCell(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
