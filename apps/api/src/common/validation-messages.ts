/**
 * Japanese wording for class-validator's built-in constraints, so a DTO needs a custom message only
 * where the rule deserves one. `field` is the path shown to the person (e.g. `expenses[2].amount`).
 */
const JA: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `${f} は受け付けない項目です。削除してください`,
  isDefined: (f) => `${f} は必須です`,
  isNotEmpty: (f) => `${f} は必須です`,
  isString: (f) => `${f} は文字列で指定してください`,
  isInt: (f) => `${f} は整数で指定してください`,
  isNumber: (f) => `${f} は数値で指定してください`,
  isBoolean: (f) => `${f} は true または false で指定してください`,
  isEmail: (f) => `${f} はメールアドレスの形式で指定してください`,
  isUUID: (f) => `${f} はUUIDの形式で指定してください`,
  isEnum: (f) => `${f} は決められた値から選んでください`,
  isIn: (f) => `${f} は決められた値から選んでください`,
  isArray: (f) => `${f} は配列で指定してください`,
  arrayNotEmpty: (f) => `${f} は1件以上指定してください`,
  arrayMinSize: (f) => `${f} の件数が足りません`,
  arrayMaxSize: (f) => `${f} の件数が多すぎます`,
  isObject: (f) => `${f} はオブジェクトで指定してください`,
  isDateString: (f) => `${f} は日時 (ISO 8601、例: 2022-03-24T18:00:00+09:00) で指定してください`,
  isISO8601: (f) => `${f} は日時 (ISO 8601、例: 2022-03-24T18:00:00+09:00) で指定してください`,
  min: (f) => `${f} が小さすぎます`,
  max: (f) => `${f} が大きすぎます`,
  minLength: (f) => `${f} が短すぎます`,
  maxLength: (f) => `${f} が長すぎます`,
  matches: (f) => `${f} の形式が正しくありません`,
  nestedValidation: (f) => `${f} の形式が正しくありません`,
};

const isAscii = (s: string) => /^\p{ASCII}*$/u.test(s);

export function japaneseConstraintMessage(constraint: string, field: string, original: string): string {
  if (!isAscii(original)) return original; // the DTO already wrote a Japanese message
  const ja = JA[constraint];
  return ja ? ja(field) : `${field}: ${original}`;
}
