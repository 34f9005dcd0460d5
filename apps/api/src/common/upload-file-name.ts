import { BIDI_CONTROL, LONE_SURROGATE } from './hostile-input';

/** The longest file name kept with an upload (the columns are text; the admin shows the name). */
const MAX_FILE_NAME = 255;

/**
 * The name an uploaded file is kept under: the client's, without control characters and cut at
 * MAX_FILE_NAME characters, never inside a character. A NUL, which PostgreSQL cannot hold in text, reaches
 * multer percent-encoded in RFC 5987's `filename*=UTF-8''a%00b.pdf`; half a surrogate pair would reach the
 * audit record's jsonb. A character that reorders the text around it (BIDI_CONTROL) goes too: with U+202E,
 * 「plan\u202efdp.exe」 is shown as 「planexe.pdf」 on the status page and the staff's 添付書類 tab.
 */
export function uploadFileName(name: string): string {
  const clean = name
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(new RegExp(BIDI_CONTROL.source, 'g'), '')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
  return Array.from(clean).slice(0, MAX_FILE_NAME).join('');
}
