/**
 * A `Content-Disposition` header naming a file (RFC 6266): `filename` is an ASCII stand-in for old
 * clients (every other character, quote, backslash and control character becomes `_`), `filename*`
 * the real name in UTF-8, percent-encoded as RFC 5987 asks (申請書.pdf →
 * `filename*=UTF-8''%E7%94%B3%E8%AB%8B%E6%9B%B8.pdf`).
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
