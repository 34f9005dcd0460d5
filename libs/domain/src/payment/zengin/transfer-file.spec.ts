import iconv from 'iconv-lite';
import { ZENGIN_CHARACTERS } from '../zengin-kana';
import { buildZenginTransferFile, readZenginTransferTotals, type ZenginBatch, type ZenginFile, type ZenginTransfer } from './transfer-file';

const requester: ZenginBatch['requester'] = {
  code: '1234567890',
  name: 'ｼﾞﾑｷﾖｸ',
  bankCode: '0001',
  bankName: 'ﾐｽﾞﾎ',
  branchCode: '100',
  branchName: 'ﾄｳｷﾖｳ',
  depositType: '1',
  accountNumber: '7654321',
};

const transfer = (over: Partial<ZenginTransfer> & { account?: Partial<ZenginTransfer['account']> } = {}): ZenginTransfer => ({
  bankName: 'ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ',
  branchName: 'ﾎﾝﾃﾝ',
  amount: 1_000_000,
  ...over,
  account: { bankCode: '0005', branchCode: '001', depositType: '1', accountNumber: '0012345', accountHolderKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', ...over.account },
});

const batch = (over: Partial<ZenginBatch> = {}): ZenginBatch => ({
  requester,
  transferDate: '2026-12-25',
  transfers: [
    transfer(),
    transfer({ amount: 2_500_000, account: { bankCode: '0009', branchCode: '250', depositType: '2', accountNumber: '1111111', accountHolderKana: 'ｻﾄｳ ﾊﾅｺ' } }),
  ],
  ...over,
});

const build = (b: ZenginBatch): ZenginFile => {
  const result = buildZenginTransferFile(b);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.file;
};

/** The bytes of record `n` (0-based), without its CRLF. */
const recordBytes = (file: ZenginFile, n: number): Buffer => file.bytes.subarray(n * 122, n * 122 + 120);
/** Columns from..to (1-based, inclusive, as the format documents them) of a record, as ASCII/JIS X 0201 text. */
const field = (record: Buffer, from: number, to: number): Buffer => record.subarray(from - 1, to);
const ascii = (record: Buffer, from: number, to: number): string => field(record, from, to).toString('latin1');

describe('buildZenginTransferFile: the 全銀協 総合振込 file, byte by byte', () => {
  const file = build(batch());

  it('is header, one data record per transfer, trailer and end, each 120 bytes followed by CRLF', () => {
    expect(file.bytes.length).toBe(5 * 122);
    for (let n = 0; n < 5; n++) {
      expect(file.bytes[n * 122 + 120]).toBe(0x0d);
      expect(file.bytes[n * 122 + 121]).toBe(0x0a);
      expect(recordBytes(file, n).includes(0x0d) || recordBytes(file, n).includes(0x0a)).toBe(false);
    }
    expect([0, 1, 2, 3, 4].map((n) => ascii(recordBytes(file, n), 1, 1))).toEqual(['1', '2', '2', '8', '9']);
    expect(file.records.every((r) => [...r].length === 120)).toBe(true);
  });

  it('writes the header fields at their positions', () => {
    const h = recordBytes(file, 0);
    expect(ascii(h, 1, 1)).toBe('1'); // データ区分
    expect(ascii(h, 2, 3)).toBe('21'); // 種別コード: 総合振込
    expect(ascii(h, 4, 4)).toBe('0'); // コード区分: JIS
    expect(ascii(h, 5, 14)).toBe('1234567890'); // 振込依頼人コード
    // 振込依頼人名 C(40): ｼﾞﾑｷﾖｸ in JIS X 0201, then spaces
    expect([...field(h, 15, 54)]).toEqual([0xbc, 0xde, 0xd1, 0xb7, 0xd6, 0xb8, ...Array(34).fill(0x20)]);
    expect(ascii(h, 55, 58)).toBe('1225'); // 振込指定日 MMDD
    expect(ascii(h, 59, 62)).toBe('0001'); // 仕向銀行番号
    expect([...field(h, 63, 77)]).toEqual([0xd0, 0xbd, 0xde, 0xce, ...Array(11).fill(0x20)]); // 仕向銀行名 ﾐｽﾞﾎ
    expect(ascii(h, 78, 80)).toBe('100'); // 仕向支店番号
    expect(field(h, 81, 95).length).toBe(15); // 仕向支店名
    expect(ascii(h, 96, 96)).toBe('1'); // 預金種目
    expect(ascii(h, 97, 103)).toBe('7654321'); // 口座番号
    expect(ascii(h, 104, 120)).toBe(' '.repeat(17)); // ダミー
  });

  it('writes the data record fields at their positions', () => {
    const d = recordBytes(file, 2);
    expect(ascii(d, 1, 1)).toBe('2'); // データ区分
    expect(ascii(d, 2, 5)).toBe('0009'); // 被仕向銀行番号
    expect(field(d, 6, 20).length).toBe(15); // 被仕向銀行名
    expect(ascii(d, 21, 23)).toBe('250'); // 被仕向支店番号
    expect(ascii(d, 39, 42)).toBe('0000'); // 手形交換所番号: 未使用
    expect(ascii(d, 43, 43)).toBe('2'); // 預金種目: 当座
    expect(ascii(d, 44, 50)).toBe('1111111'); // 口座番号
    // 受取人名 C(30): ｻﾄｳ ﾊﾅｺ then spaces
    expect([...field(d, 51, 80)]).toEqual([0xbb, 0xc4, 0xb3, 0x20, 0xca, 0xc5, 0xba, ...Array(23).fill(0x20)]);
    expect(ascii(d, 81, 90)).toBe('0002500000'); // 振込金額 N(10)
    expect(ascii(d, 91, 91)).toBe('0'); // 新規コード
    expect(ascii(d, 92, 111)).toBe(' '.repeat(20)); // 顧客コード1・2: none given
    expect(ascii(d, 112, 112)).toBe('7'); // 振込区分: 電信
    expect(ascii(d, 113, 113)).toBe(' '); // 識別表示: no EDI
    expect(ascii(d, 114, 120)).toBe(' '.repeat(7)); // ダミー
  });

  it('left-pads the 口座番号 and writes the bank and branch names in half-width kana', () => {
    const d = recordBytes(file, 1);
    expect(ascii(d, 44, 50)).toBe('0012345');
    // ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ is 13 characters, the hyphen 0x2D among them
    expect([...field(d, 6, 20)]).toEqual([0xd0, 0xc2, 0xcb, 0xde, 0xbc, 0xd5, 0x2d, 0xb4, 0xcc, 0xbc, 0xde, 0xb4, 0xb2, 0x20, 0x20]);
    expect([...field(d, 24, 38)]).toEqual([0xce, 0xdd, 0xc3, 0xdd, ...Array(11).fill(0x20)]); // ﾎﾝﾃﾝ
    // ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ: ｶ is 0xB6, ) 0x29, ﾞ 0xDE
    expect([...field(d, 51, 62)]).toEqual([0xb6, 0x29, 0xd4, 0xcf, 0xc0, 0xde, 0xbc, 0xd6, 0xb3, 0xbc, 0xde, 0x20]);
  });

  it('states the count and the sum of the data records in the trailer, and the end record is 9 and spaces', () => {
    const t = recordBytes(file, 3);
    expect(ascii(t, 1, 1)).toBe('8');
    expect(ascii(t, 2, 7)).toBe('000002'); // 合計件数 N(6)
    expect(ascii(t, 8, 19)).toBe('000003500000'); // 合計金額 N(12)
    expect(ascii(t, 20, 120)).toBe(' '.repeat(101));
    expect(ascii(recordBytes(file, 4), 1, 120)).toBe('9' + ' '.repeat(119));
    expect(file.count).toBe(2);
    expect(file.total).toBe(3_500_000);
    expect(readZenginTransferTotals(file.bytes)).toEqual({ count: 2, total: 3_500_000, dataCount: 2, dataTotal: 3_500_000 });
  });

  it('converts full-width katakana to the half-width bytes of Shift_JIS (ｶ = 0xB6, ﾞ = 0xDE)', () => {
    const f = build(batch({ transfers: [transfer({ account: { accountHolderKana: 'カガ' } as never })] }));
    expect([...field(recordBytes(f, 1), 51, 53)]).toEqual([0xb6, 0xb6, 0xde]);
  });

  it('writes 顧客コード1・2 right-aligned with zeros, or EDI情報 with the 識別表示 Y', () => {
    const f = build(
      batch({
        transfers: [transfer({ customerCode1: '42', customerCode2: '7', newCode: '1' }), transfer({ ediInfo: 'R7-0001234' })],
        transferMethod: '8',
      }),
    );
    const codes = recordBytes(f, 1);
    expect(ascii(codes, 91, 91)).toBe('1');
    expect(ascii(codes, 92, 111)).toBe('00000000420000000007');
    expect(ascii(codes, 112, 113)).toBe('8 ');
    const edi = recordBytes(f, 2);
    expect(ascii(edi, 92, 111)).toBe('R7-0001234' + ' '.repeat(10));
    expect(ascii(edi, 112, 113)).toBe('8Y');
  });

  it('can write the records back to back, without separators', () => {
    const f = build(batch({ lineSeparator: 'none' }));
    expect(f.bytes.length).toBe(5 * 120);
    expect(f.bytes.subarray(120, 121).toString('latin1')).toBe('2');
    expect(readZenginTransferTotals(f.bytes, 'none')).toEqual({ count: 2, total: 3_500_000, dataCount: 2, dataTotal: 3_500_000 });
  });

  it('takes the largest amount of 10 digits and sums beyond 10 digits in the 12-digit total', () => {
    const f = build(batch({ transfers: [transfer({ amount: 9_999_999_999 }), transfer({ amount: 1 })] }));
    expect(ascii(recordBytes(f, 1), 81, 90)).toBe('9999999999');
    expect(ascii(recordBytes(f, 3), 8, 19)).toBe('010000000000');
  });
});

describe('buildZenginTransferFile: what it refuses', () => {
  const problemsOf = (b: ZenginBatch) => {
    const result = buildZenginTransferFile(b);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  };

  it.each([
    ['zero', 0],
    ['a negative amount', -1],
    ['a fraction of a yen', 100.5],
    ['more than 10 digits', 10_000_000_000],
    ['NaN', Number.NaN],
  ])('refuses an amount of %s, naming the transfer', (_what, amount) => {
    const problems = problemsOf(batch({ transfers: [transfer(), transfer({ amount })] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ transfer: 1, field: 'amount' });
    expect(problems[0]!.message).toMatch(/振込金額/);
  });

  it('refuses a name that cannot be encoded, naming the character', () => {
    const problems = problemsOf(batch({ transfers: [transfer({ account: { accountHolderKana: '山田ﾀﾛｳ' } as never })] }));
    expect(problems).toEqual([{ transfer: 0, field: 'account.accountHolderKana', message: expect.stringContaining('「山」') }]);
  });

  it('refuses a 依頼人名 or a bank name that cannot be encoded or is too long', () => {
    const problems = problemsOf(batch({ requester: { ...requester, name: 'ジムキョク・トウキョウ', bankName: 'ﾐｽﾞﾎｷﾞﾝｺｳ ﾄｳｷﾖｳﾎﾝﾃﾝ' } }));
    expect(problems.map((p) => p.field)).toEqual(['requester.name', 'requester.bankName']);
    expect(problems[0]!.message).toContain('「・」');
    expect(problems[1]!.message).toContain('15文字以内');
  });

  it.each([
    ['a 口座番号 not of 7 digits', { accountNumber: '12345' }, 'account.accountNumber'],
    ['a 金融機関コード not of 4 digits', { bankCode: '5' }, 'account.bankCode'],
    ['a 支店コード not of 3 digits', { branchCode: '1' }, 'account.branchCode'],
    ['a 預金種目 other than 1, 2 and 4', { depositType: '9' }, 'account.depositType'],
  ])('refuses an account with %s (accounts are validated on entry; the file checks again)', (_what, account, fieldName) => {
    expect(problemsOf(batch({ transfers: [transfer({ account } as never)] })).map((p) => p.field)).toEqual([fieldName]);
  });

  it('refuses an empty batch, an impossible date and customer codes beside EDI情報', () => {
    expect(problemsOf(batch({ transfers: [] })).map((p) => p.field)).toEqual(['transfers']);
    expect(problemsOf(batch({ transferDate: '2026-02-30' })).map((p) => p.field)).toEqual(['transferDate']);
    expect(problemsOf(batch({ transfers: [transfer({ customerCode1: '1', ediInfo: 'X' })] })).map((p) => p.field)).toEqual(['ediInfo']);
  });

  it('refuses a total beyond the trailer’s 12 digits', () => {
    const transfers = Array.from({ length: 101 }, () => transfer({ amount: 9_999_999_999 }));
    expect(problemsOf(batch({ transfers })).map((p) => p.field)).toEqual(['transfers']);
  });
});

describe('the 全銀 characters in Shift_JIS', () => {
  it('encodes every accepted character as one byte that decodes back to it (kana 0xA1–0xDF, the rest ASCII)', () => {
    for (const ch of ZENGIN_CHARACTERS) {
      const bytes = iconv.encode(ch, 'Shift_JIS');
      expect({ ch, length: bytes.length }).toEqual({ ch, length: 1 });
      expect(iconv.decode(bytes, 'Shift_JIS')).toBe(ch);
      const byte = bytes[0]!;
      expect({ ch, inRange: (byte >= 0x20 && byte <= 0x7e && byte !== 0x5c && byte !== 0x7e) || (byte >= 0xa1 && byte <= 0xdf) }).toEqual({
        ch,
        inRange: true,
      });
    }
  });
});

describe('readZenginTransferTotals: reading a file back', () => {
  it('refuses bytes that are not whole records', () => {
    expect(() => readZenginTransferTotals(Buffer.alloc(121, 0x20))).toThrow(/122-byte records/);
  });

  it('shows a trailer that disagrees with its data records', () => {
    const file = build(batch());
    const tampered = Buffer.from(file.bytes);
    tampered.write('000009999999', 3 * 122 + 7, 'latin1');
    expect(readZenginTransferTotals(tampered)).toEqual({ count: 2, total: 9_999_999, dataCount: 2, dataTotal: 3_500_000 });
  });
});
