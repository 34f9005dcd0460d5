import { uploadFileName } from '../upload-file-name';

describe('uploadFileName', () => {
  it('keeps an ordinary name as sent', () => {
    expect(uploadFileName('事業計画書 (第2版).pdf')).toBe('事業計画書 (第2版).pdf');
  });

  it('drops NUL and the other control characters', () => {
    expect(uploadFileName('a\u0000b\u001f\u007f.pdf')).toBe('ab.pdf');
  });

  it('drops the characters that reorder the text shown around them', () => {
    // shown as 「planexe.pdf」 with the override kept
    expect(uploadFileName('plan\u202efdp.exe')).toBe('planfdp.exe');
    expect(uploadFileName('\u2066請求書\u2069\u202a.pdf')).toBe('請求書.pdf');
  });

  it('replaces half a surrogate pair with U+FFFD', () => {
    expect(uploadFileName('a\ud800b.pdf')).toBe('a\ufffdb.pdf');
  });

  it('cuts at 255 characters, never inside one outside the BMP', () => {
    const name = uploadFileName('a' + '𠮷'.repeat(300));
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('𠮷')).toBe(true);
  });
});
