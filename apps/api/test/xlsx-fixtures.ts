import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
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
    {
      name: '[Content_Types].xml',
      head: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      head: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="申請" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      head: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    ...(sharedStrings
      ? [
          {
            name: 'xl/sharedStrings.xml',
            ...sharedStrings,
            head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${sharedStrings.head ?? ''}`,
            tail: `${sharedStrings.tail ?? ''}</sst>`,
          },
        ]
      : []),
    {
      name: 'xl/worksheets/sheet1.xml',
      ...sheet,
      head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.head ?? ''}`,
      tail: `${sheet.tail ?? ''}</sheetData></worksheet>`,
    },
  ]);
}

/** an inline-string cell */
export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** the letters of the 0-based column `i`: A … Z, AA, AB … */
export const columnLetters = (i: number): string => (i < 26 ? '' : columnLetters(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));
/** the first row: the cells of a comma-separated header */
export const headerRowXml = (header: string) =>
  `<row r="1">${header
    .split(',')
    .map((h, i) => inlineCell(`${columnLetters(i)}1`, h))
    .join('')}</row>`;
