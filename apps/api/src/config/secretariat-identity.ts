// Who the secretariat is to the people and the bank it deals with: the contact printed in every applicant's
// mail and the 振込依頼人 of the 全銀 transfer file. Read from the environment by loadConfig (app-config.ts);
// production refuses to start without them, development and tests use the samples here.
import type { ConfigVariable } from './app-config';

export interface PaymentRequester {
  /** 振込依頼人コード, up to 10 digits */
  code: string;
  /** 振込依頼人名 in 全銀 characters (半角カナ), up to 40 */
  name: string;
  bankCode: string;
  branchCode: string;
  depositType: '1' | '2' | '9';
  accountNumber: string;
}

/** Development and test only: a recognisable sample (no real account). */
export const DEV_PAYMENT_REQUESTER: PaymentRequester = {
  code: '1234567890',
  name: 'ｼﾞﾑｷﾖｸ(ｶｲﾊﾂﾖｳ)',
  bankCode: '0001',
  branchCode: '001',
  depositType: '1',
  accountNumber: '1234567',
};

export interface SecretariatContact {
  /** e.g. 事業復活支援金事務局 相談窓口 */
  name: string;
  phone: string;
  email: string;
  /** e.g. 8:30〜19:00（土日祝日を含む全日） */
  hours: string;
}

/** Development and test only: a recognisable sample, never a real number or address. */
export const DEV_SECRETARIAT: SecretariatContact = {
  name: '事務局 相談窓口（開発用の値）',
  phone: '0120-000-000',
  email: 'soudan@jimukyoku.example.jp',
  hours: '9:30〜17:30（土日祝日・年末年始を除く）',
};

const PAYMENT_REQUESTER_VARIABLES = {
  code: ['PAYMENT_REQUESTER_CODE', /^\d{1,10}$/, '振込依頼人コード, up to 10 digits'],
  name: ['PAYMENT_REQUESTER_NAME', /^[0-9A-Z ().,/｢｣ｦｱ-ﾟ-]{1,40}$/u, '振込依頼人名, up to 40 half-width kana, digits, capitals or ( ) , . - /'],
  bankCode: ['PAYMENT_REQUESTER_BANK_CODE', /^\d{4}$/, '金融機関コード, 4 digits'],
  branchCode: ['PAYMENT_REQUESTER_BRANCH_CODE', /^\d{3}$/, '支店コード, 3 digits'],
  depositType: ['PAYMENT_REQUESTER_DEPOSIT_TYPE', /^[129]$/, '預金種目, 1 普通, 2 当座 or 9 その他'],
  accountNumber: ['PAYMENT_REQUESTER_ACCOUNT_NUMBER', /^\d{7}$/, '口座番号, 7 digits'],
} as const satisfies Record<keyof PaymentRequester, readonly [ConfigVariable, RegExp, string]>;

/**
 * The 振込依頼人 of the 全銀 file: production refuses to start without each part (a file paying from the
 * development sample's account would be refused by the bank, or worse); outside production the sample stands in.
 */
export function paymentRequesterConfig(read: (name: ConfigVariable) => string | undefined, production: boolean, problems: string[]): PaymentRequester {
  const requester = { ...DEV_PAYMENT_REQUESTER };
  for (const [key, [name, pattern, label]] of Object.entries(PAYMENT_REQUESTER_VARIABLES) as [
    keyof PaymentRequester,
    readonly [ConfigVariable, RegExp, string],
  ][]) {
    const value = read(name)?.trim();
    if (!value) {
      if (production) problems.push(`${name} must be set in production: the ${label} of the 全銀 transfer file's 振込依頼人 (README "Payment batches")`);
      continue;
    }
    if (!pattern.test(value)) problems.push(`${name} must be the ${label}, got "${value}"`);
    else (requester as Record<string, string>)[key] = value;
  }
  return requester;
}

const SECRETARIAT_VARIABLES = {
  name: ['SECRETARIAT_NAME', '事務局の名称'],
  phone: ['SECRETARIAT_PHONE', '電話番号'],
  email: ['SECRETARIAT_EMAIL', 'メールアドレス'],
  hours: ['SECRETARIAT_HOURS', '受付時間'],
} as const satisfies Record<keyof SecretariatContact, readonly [ConfigVariable, string]>;

/**
 * The secretariat's contact: every applicant's mail ends with it, so production refuses to start without
 * each part (a mail telling an applicant to call nobody); outside production a sample (DEV_SECRETARIAT) stands in.
 */
export function secretariatContact(read: (name: ConfigVariable) => string | undefined, production: boolean, problems: string[]): SecretariatContact {
  const contact = { ...DEV_SECRETARIAT };
  for (const [key, [name, label]] of Object.entries(SECRETARIAT_VARIABLES) as [keyof SecretariatContact, readonly [ConfigVariable, string]][]) {
    const value = read(name)?.trim();
    if (!value) {
      if (production) problems.push(`${name} must be set in production: the secretariat's ${label}, printed in every applicant's mail (README "Templates")`);
      continue;
    }
    if (value.length > 200 || /[\r\n]/.test(value)) problems.push(`${name} must be one line of at most 200 characters`);
    else if (key === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) problems.push(`${name} must be an email address, got "${value}"`);
    else if (key === 'phone' && !/^[0-9０-９+()（）\-－ ]{6,}$/.test(value))
      problems.push(`${name} must be a phone number (digits, hyphens, parentheses), got "${value}"`);
    contact[key] = value;
  }
  return contact;
}
