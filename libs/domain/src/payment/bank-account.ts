import { toZenginText } from './zengin-kana';

/**
 * A payee's bank account as a 全銀協 総合振込 data record needs it, validated on entry: what is stored is
 * exactly what goes into the file. The rules and their sources are in docs/payments.md ("The payee's
 * bank account").
 */

/** 預金種目 of a payee's account in a 総合振込 data record: 1 普通, 2 当座, 4 貯蓄 (9 その他 is not taken). */
export const DEPOSIT_TYPES = ['1', '2', '4'] as const;
export type DepositType = (typeof DEPOSIT_TYPES)[number];
export const DEPOSIT_TYPE_LABELS: Readonly<Record<DepositType, string>> = { '1': '普通', '2': '当座', '4': '貯蓄' };

/** 受取人名 is C(30) in the data record. */
export const ACCOUNT_HOLDER_MAX_LENGTH = 30;

export interface BankAccount {
  /** 金融機関コード, 4 digits (統一金融機関番号). */
  readonly bankCode: string;
  /** 支店コード, 3 digits (統一店番号). */
  readonly branchCode: string;
  readonly depositType: DepositType;
  /** 口座番号, 7 digits: a shorter number is left-padded with 0 (「12345」 → 「0012345」). */
  readonly accountNumber: string;
  /** 口座名義 in the 全銀 half-width characters (zengin-kana.ts), at most 30. */
  readonly accountHolderKana: string;
}

export type BankAccountField = keyof BankAccount;

/** Japanese field names, for messages and screens. */
export const BANK_ACCOUNT_FIELD_LABELS: Readonly<Record<BankAccountField, string>> = {
  bankCode: '金融機関コード',
  branchCode: '支店コード',
  depositType: '預金種目',
  accountNumber: '口座番号',
  accountHolderKana: '口座名義（カナ）',
};

export type BankAccountInput = { readonly [K in BankAccountField]?: unknown };

export type ParsedBankAccount =
  { readonly ok: true; readonly account: BankAccount } | { readonly ok: false; readonly errors: Readonly<Partial<Record<BankAccountField, string>>> };

/** Digits as typed: full-width digits read (NFKC), spaces dropped; numbers taken as their decimal digits. */
const digitsOf = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return null;
  return value.normalize('NFKC').replace(/\s+/g, '');
};

/** A Map, not an object: a word typed by a person must not find `toString` or `__proto__` on Object.prototype. */
const DEPOSIT_TYPE_WORDS: ReadonlyMap<string, DepositType> = new Map([
  ['1', '1'],
  ['普通', '1'],
  ['普通預金', '1'],
  ['総合', '1'],
  ['2', '2'],
  ['当座', '2'],
  ['当座預金', '2'],
  ['4', '4'],
  ['貯蓄', '4'],
  ['貯蓄預金', '4'],
]);

/**
 * Reads a payee's bank account from what a person entered, field by field; every field's problem is
 * reported at once, in Japanese, keyed by the field.
 */
export function parseBankAccount(input: BankAccountInput): ParsedBankAccount {
  const errors: Partial<Record<BankAccountField, string>> = {};

  const bankCode = digitsOf(input.bankCode);
  if (bankCode === null || !/^\d{4}$/.test(bankCode)) errors.bankCode = '金融機関コードは4桁の数字で入力してください（例: みずほ銀行は 0001）。';

  const branchCode = digitsOf(input.branchCode);
  if (branchCode === null || !/^\d{3}$/.test(branchCode)) errors.branchCode = '支店コードは3桁の数字で入力してください（例: 001）。';

  const depositWord =
    typeof input.depositType === 'number' ? String(input.depositType) : typeof input.depositType === 'string' ? input.depositType.normalize('NFKC').trim() : '';
  const depositType = DEPOSIT_TYPE_WORDS.get(depositWord);
  if (!depositType) errors.depositType = '預金種目は 普通（1）・当座（2）・貯蓄（4）のいずれかを選んでください。';

  const number = digitsOf(input.accountNumber);
  let accountNumber = '';
  if (number === null || !/^\d+$/.test(number)) errors.accountNumber = '口座番号は数字7桁で入力してください（7桁に満たない番号は先頭を0で埋めます）。';
  else if (number.length > 7)
    errors.accountNumber = `口座番号は7桁までです（入力は${number.length}桁）。ゆうちょ銀行の記号・番号は、振込用の店名（支店コード）と口座番号（7桁）に読み替えて入力してください。`;
  else if (/^0+$/.test(number)) errors.accountNumber = '口座番号が 0 だけになっています。通帳などで口座番号を確かめてください。';
  else accountNumber = number.padStart(7, '0');

  const holder = toZenginText(
    typeof input.accountHolderKana === 'string' ? input.accountHolderKana : '',
    BANK_ACCOUNT_FIELD_LABELS.accountHolderKana,
    ACCOUNT_HOLDER_MAX_LENGTH,
  );
  if (!holder.ok) errors.accountHolderKana = holder.reason;

  if (Object.keys(errors).length > 0 || !holder.ok || !depositType) return { ok: false, errors };
  return { ok: true, account: { bankCode: bankCode!, branchCode: branchCode!, depositType, accountNumber, accountHolderKana: holder.text } };
}
