import iconv from 'iconv-lite';
import type { Yen } from '../../money';
import type { BankAccount } from '../bank-account';
import { toZenginText, ZENGIN_CHARACTERS } from '../zengin-kana';

/**
 * The 全銀協 総合振込 file (全銀協規定形式): fixed-length 120-byte records — one header, one data record per
 * transfer, a trailer with the count and the sum, an end record — in Shift_JIS with half-width kana.
 * Field by field layout, the choices made where banks differ, and the public sources: docs/payments.md
 * ("The 全銀協 総合振込 file").
 *
 * This module is a separate entry point of libs/domain (`@jimukyoku/domain/zengin`), not re-exported by
 * its index: iconv-lite is a Node library, and the admin bundles the domain's index for the browser.
 */

export const ZENGIN_RECORD_LENGTH = 120;
/** Record separator: CRLF after every record (the usual "MS-DOS" form); `none` for banks that take 120-byte records back to back. */
export type ZenginLineSeparator = 'crlf' | 'none';

/** 振込区分: 7 電信 (テレ振込), 8 文書. */
export type ZenginTransferMethod = '7' | '8';
/** 新規コード: 0 その他, 1 第1回振込分, 2 変更分. */
export type ZenginNewCode = '0' | '1' | '2';

/** The 振込依頼人 (the secretariat): who pays, from which account. */
export interface ZenginRequester {
  /** 振込依頼人コード (委託者コード) the bank assigned, up to 10 digits. */
  readonly code: string;
  /** 振込依頼人名, up to 40 全銀 characters. */
  readonly name: string;
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  /** 預金種目 of the paying account: 1 普通, 2 当座, 9 その他. */
  readonly depositType: '1' | '2' | '9';
  readonly accountNumber: string;
}

export interface ZenginTransfer {
  readonly account: BankAccount;
  /** 被仕向銀行名 / 支店名 in kana (optional: the bank fills them from the codes). */
  readonly bankName?: string;
  readonly branchName?: string;
  readonly amount: Yen;
  readonly newCode?: ZenginNewCode;
  /** 顧客コード1 / 2 (up to 10 digits each), or else EDI情報 (up to 20 全銀 characters), never both. */
  readonly customerCode1?: string;
  readonly customerCode2?: string;
  readonly ediInfo?: string;
}

export interface ZenginBatch {
  readonly requester: ZenginRequester;
  /** 振込指定日, the calendar date in Japan (YYYY-MM-DD); the file carries MMDD. */
  readonly transferDate: string;
  readonly transfers: readonly ZenginTransfer[];
  readonly transferMethod?: ZenginTransferMethod;
  readonly lineSeparator?: ZenginLineSeparator;
}

export interface ZenginFile {
  readonly bytes: Buffer;
  /** The records as text (no separators), each 120 characters. */
  readonly records: readonly string[];
  readonly count: number;
  readonly total: Yen;
}

/** A refusal: `transfer` is the index of the transfer it concerns (absent for the requester or the batch). */
export interface ZenginProblem {
  readonly transfer?: number;
  readonly field: string;
  readonly message: string;
}

export type ZenginFileResult = { readonly ok: true; readonly file: ZenginFile } | { readonly ok: false; readonly problems: readonly ZenginProblem[] };

export const ZENGIN_MAX_AMOUNT: Yen = 9_999_999_999; // 振込金額 N(10)
const MAX_COUNT = 999_999; // 合計件数 N(6)
const MAX_TOTAL = 999_999_999_999; // 合計金額 N(12)

/** N(n): digits right-aligned, zero-filled. */
const numeric = (value: string | number, width: number): string => {
  const digits = String(value);
  if (!/^\d+$/.test(digits) || digits.length > width) throw new RangeError(`N(${width}) cannot hold ${JSON.stringify(digits)}`);
  return digits.padStart(width, '0');
};
/** C(n): 全銀 characters left-aligned, space-filled. */
const text = (value: string, width: number): string => {
  const chars = [...value];
  if (chars.length > width || chars.some((c) => !ZENGIN_CHARACTERS.has(c))) throw new RangeError(`C(${width}) cannot hold ${JSON.stringify(value)}`);
  return value + ' '.repeat(width - chars.length);
};

/**
 * Builds the file from a batch, or lists every problem that keeps it from being built (by transfer and
 * field, in Japanese). The totals are checked on the bytes produced: the data records read back must
 * add up to the trailer, and every record must be 120 bytes.
 */
export function buildZenginTransferFile(batch: ZenginBatch): ZenginFileResult {
  const problems: ZenginProblem[] = [];
  const kana = (value: string | undefined, label: string, width: number, at: Omit<ZenginProblem, 'message'>, required = false): string => {
    const parsed = toZenginText(value ?? '', label, width, { required });
    if (!parsed.ok) {
      problems.push({ ...at, message: parsed.reason });
      return '';
    }
    return parsed.text;
  };
  const digits = (value: string, width: number, exact: boolean, label: string, at: Omit<ZenginProblem, 'message'>): string => {
    const ok = exact ? new RegExp(`^\\d{${width}}$`).test(value) : new RegExp(`^\\d{1,${width}}$`).test(value);
    if (!ok) problems.push({ ...at, message: `${label}は${exact ? `${width}桁` : `${width}桁までの`}数字で指定してください（「${value}」）。` });
    return ok ? value : '0';
  };

  const { requester } = batch;
  const requesterAt = (field: string) => ({ field: `requester.${field}` });
  const requesterCode = digits(requester.code, 10, false, '振込依頼人コード', requesterAt('code'));
  const requesterName = kana(requester.name, '振込依頼人名', 40, requesterAt('name'), true);
  const requesterBank = digits(requester.bankCode, 4, true, '仕向銀行番号', requesterAt('bankCode'));
  const requesterBankName = kana(requester.bankName, '仕向銀行名', 15, requesterAt('bankName'));
  const requesterBranch = digits(requester.branchCode, 3, true, '仕向支店番号', requesterAt('branchCode'));
  const requesterBranchName = kana(requester.branchName, '仕向支店名', 15, requesterAt('branchName'));
  if (!['1', '2', '9'].includes(requester.depositType))
    problems.push({ ...requesterAt('depositType'), message: '振込依頼人の預金種目は 1（普通）・2（当座）・9（その他）のいずれかです。' });
  const requesterAccount = digits(requester.accountNumber, 7, false, '振込依頼人の口座番号', requesterAt('accountNumber'));

  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(batch.transferDate);
  const day = date ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : null;
  const validDate = date && day && day.getUTCMonth() === Number(date[2]) - 1 && day.getUTCDate() === Number(date[3]);
  if (!validDate) problems.push({ field: 'transferDate', message: `振込指定日は実在する日付（YYYY-MM-DD）で指定してください（「${batch.transferDate}」）。` });

  const method = batch.transferMethod ?? '7';
  if (method !== '7' && method !== '8') problems.push({ field: 'transferMethod', message: '振込区分は 7（電信）か 8（文書）です。' });
  if (batch.transfers.length === 0) problems.push({ field: 'transfers', message: '振込が1件もありません。' });
  if (batch.transfers.length > MAX_COUNT)
    problems.push({ field: 'transfers', message: `1つのファイルに入る振込は${MAX_COUNT.toLocaleString('ja-JP')}件までです。` });

  const dataRecords: string[] = [];
  let total = 0;
  batch.transfers.forEach((transfer, index) => {
    const at = (field: string) => ({ transfer: index, field });
    const { account } = transfer;
    const before = problems.length;
    const amount = transfer.amount;
    if (!Number.isSafeInteger(amount) || amount <= 0)
      problems.push({ ...at('amount'), message: `振込金額は1円以上の整数で指定してください（${String(amount)}）。` });
    else if (amount > ZENGIN_MAX_AMOUNT)
      problems.push({ ...at('amount'), message: `振込金額は1件 9,999,999,999円（10桁）までです（${amount.toLocaleString('ja-JP')}円）。` });
    const bankCode = digits(account.bankCode, 4, true, '被仕向銀行番号', at('account.bankCode'));
    const branchCode = digits(account.branchCode, 3, true, '被仕向支店番号', at('account.branchCode'));
    if (!['1', '2', '4'].includes(account.depositType))
      problems.push({ ...at('account.depositType'), message: '預金種目は 1（普通）・2（当座）・4（貯蓄）のいずれかです。' });
    const accountNumber = digits(account.accountNumber, 7, true, '口座番号', at('account.accountNumber'));
    const holder = kana(account.accountHolderKana, '受取人名', 30, at('account.accountHolderKana'), true);
    const bankName = kana(transfer.bankName, '被仕向銀行名', 15, at('bankName'));
    const branchName = kana(transfer.branchName, '被仕向支店名', 15, at('branchName'));
    const newCode = transfer.newCode ?? '0';
    if (!['0', '1', '2'].includes(newCode)) problems.push({ ...at('newCode'), message: '新規コードは 0・1・2 のいずれかです。' });
    const usesCustomerCodes = transfer.customerCode1 !== undefined || transfer.customerCode2 !== undefined;
    const usesEdi = transfer.ediInfo !== undefined;
    if (usesCustomerCodes && usesEdi) problems.push({ ...at('ediInfo'), message: '顧客コードとEDI情報は同時に指定できません（同じ欄を使います）。' });
    const code1 = transfer.customerCode1 === undefined ? '' : digits(transfer.customerCode1, 10, false, '顧客コード1', at('customerCode1'));
    const code2 = transfer.customerCode2 === undefined ? '' : digits(transfer.customerCode2, 10, false, '顧客コード2', at('customerCode2'));
    const edi = usesEdi ? kana(transfer.ediInfo, 'EDI情報', 20, at('ediInfo'), true) : '';
    if (problems.length > before) return;

    total += amount;
    dataRecords.push(
      [
        '2', // データ区分
        bankCode, // 被仕向銀行番号 N(4)
        text(bankName, 15), // 被仕向銀行名 C(15)
        branchCode, // 被仕向支店番号 N(3)
        text(branchName, 15), // 被仕向支店名 C(15)
        '0000', // 手形交換所番号 N(4): 未使用
        account.depositType, // 預金種目 N(1)
        accountNumber, // 口座番号 N(7)
        text(holder, 30), // 受取人名 C(30)
        numeric(amount, 10), // 振込金額 N(10)
        newCode, // 新規コード N(1)
        usesEdi ? text(edi, 20) : (code1 ? numeric(code1, 10) : ' '.repeat(10)) + (code2 ? numeric(code2, 10) : ' '.repeat(10)), // 顧客コード1・2 N(10)×2, or EDI情報 C(20)
        method, // 振込区分 N(1)
        usesEdi ? 'Y' : ' ', // 識別表示 C(1): Y when the 20 bytes are EDI情報
        ' '.repeat(7), // ダミー C(7)
      ].join(''),
    );
  });
  if (total > MAX_TOTAL)
    problems.push({
      field: 'transfers',
      message: `合計金額が12桁（999,999,999,999円）を超えます（${total.toLocaleString('ja-JP')}円）。ファイルを分けてください。`,
    });
  if (problems.length > 0) return { ok: false, problems };

  const header = [
    '1', // データ区分
    '21', // 種別コード: 総合振込
    '0', // コード区分: JIS (Shift_JIS / JIS X 0201)
    numeric(requesterCode, 10), // 振込依頼人コード N(10)
    text(requesterName, 40), // 振込依頼人名 C(40)
    date![2]! + date![3]!, // 振込指定日 MMDD
    requesterBank, // 仕向銀行番号 N(4)
    text(requesterBankName, 15), // 仕向銀行名 C(15)
    requesterBranch, // 仕向支店番号 N(3)
    text(requesterBranchName, 15), // 仕向支店名 C(15)
    requester.depositType, // 預金種目 N(1)
    numeric(requesterAccount, 7), // 口座番号 N(7)
    ' '.repeat(17), // ダミー C(17)
  ].join('');
  const trailer = ['8', numeric(dataRecords.length, 6), numeric(total, 12), ' '.repeat(101)].join('');
  const end = '9' + ' '.repeat(119);

  const records = [header, ...dataRecords, trailer, end];
  const separator = (batch.lineSeparator ?? 'crlf') === 'crlf' ? '\r\n' : '';
  const bytes = iconv.encode(records.map((r) => r + separator).join(''), 'Shift_JIS');

  // self-check on the bytes: record lengths, and the data records adding up to the trailer
  const read = readZenginTransferTotals(bytes, batch.lineSeparator ?? 'crlf');
  if (bytes.length !== records.length * (ZENGIN_RECORD_LENGTH + separator.length))
    throw new Error(`全銀 file self-check failed: ${bytes.length} bytes for ${records.length} records`);
  if (read.count !== dataRecords.length || read.total !== total || read.dataTotal !== total || read.dataCount !== dataRecords.length) {
    throw new Error(
      `全銀 file self-check failed: trailer ${read.count}件 ${read.total}円, data ${read.dataCount}件 ${read.dataTotal}円, expected ${dataRecords.length}件 ${total}円`,
    );
  }
  return { ok: true, file: { bytes, records, count: dataRecords.length, total } };
}

export interface ZenginTotals {
  /** 合計件数 and 合計金額 as the trailer states them. */
  readonly count: number;
  readonly total: Yen;
  /** The data records counted and their 振込金額 added up. */
  readonly dataCount: number;
  readonly dataTotal: Yen;
}

/**
 * Reads a 総合振込 file's bytes back: splits it into 120-byte records (refusing any other length or an
 * unknown データ区分), and returns the trailer's totals beside the sum of the data records.
 */
export function readZenginTransferTotals(bytes: Uint8Array, lineSeparator: ZenginLineSeparator = 'crlf'): ZenginTotals {
  const stride = ZENGIN_RECORD_LENGTH + (lineSeparator === 'crlf' ? 2 : 0);
  if (bytes.length % stride !== 0) throw new Error(`全銀 file of ${bytes.length} bytes is not made of ${stride}-byte records`);
  const ascii = (record: Uint8Array, from: number, to: number) => String.fromCharCode(...record.subarray(from - 1, to));
  let count = -1;
  let total = -1;
  let dataCount = 0;
  let dataTotal = 0;
  for (let at = 0; at < bytes.length; at += stride) {
    const record = bytes.subarray(at, at + ZENGIN_RECORD_LENGTH);
    if (lineSeparator === 'crlf' && (bytes[at + 120] !== 0x0d || bytes[at + 121] !== 0x0a)) throw new Error(`record at byte ${at} does not end in CRLF`);
    const kind = ascii(record, 1, 1);
    if (kind === '2') {
      dataCount += 1;
      dataTotal += Number(ascii(record, 81, 90));
    } else if (kind === '8') {
      count = Number(ascii(record, 2, 7));
      total = Number(ascii(record, 8, 19));
    } else if (kind !== '1' && kind !== '9') throw new Error(`record at byte ${at} has データ区分 ${JSON.stringify(kind)}`);
  }
  return { count, total, dataCount, dataTotal };
}
