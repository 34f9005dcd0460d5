import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('names a Japanese file in UTF-8 (RFC 5987) with an ASCII stand-in', () => {
    expect(contentDisposition('inline', '事業計画書.pdf')).toBe(
      `inline; filename="_____.pdf"; filename*=UTF-8''%E4%BA%8B%E6%A5%AD%E8%A8%88%E7%94%BB%E6%9B%B8.pdf`,
    );
  });

  it('cannot be broken out of: quotes, backslashes, line breaks and the characters RFC 5987 reserves are escaped', () => {
    const header = contentDisposition('attachment', `a"b\\c\r\nX-Injected: 1 (d)*'e.png`);
    expect(header).toBe(`attachment; filename="a_b_c__X-Injected: 1 (d)*'e.png"; filename*=UTF-8''a%22b%5Cc%0D%0AX-Injected%3A%201%20%28d%29%2A%27e.png`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
