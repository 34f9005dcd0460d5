import 'reflect-metadata';

/**
 * Checks every request value must pass whatever its DTO says: no NUL character anywhere (PostgreSQL
 * refuses it in text), no lone surrogate (not a character; PostgreSQL refuses it in jsonb), no character that
 * reorders the text shown around it, no number a
 * JavaScript integer cannot hold exactly, no `null` where the DTO does not declare the field nullable.
 * Pure functions returning the offending rows; the validation pipe turns them into a 400.
 */
export interface InputProblem {
  field: string;
  message: string;
}

/** The swagger metadata key @ApiProperty writes; `nullable: true` there is what makes null acceptable. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const MAX_PROBLEMS = 20;

const join = (parent: string, key: string) => (parent ? (/^\d+$/.test(key) ? `${parent}[${key}]` : `${parent}.${key}`) : key);

/**
 * Half of a UTF-16 surrogate pair without its other half (`"\ud800"` in JSON): no character at all. JSON.parse
 * lets it through; PostgreSQL refuses it in jsonb (the audit record, stored answers) and UTF-8 cannot hold it.
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The characters that reorder the text around them (bidirectional embeddings, overrides and isolates): with
 * U+202E, 「株式会社ABC\u202eXYZ」 is shown as another name than the one stored and searched ("Trojan Source").
 * No name, reason or plan of a Japanese application needs one; the marks U+200E/U+200F, which reorder nothing
 * around them, are left.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** What is wrong with a string as a value or a key: a NUL character, a lone surrogate or a bidi control; null when nothing. */
function unsafeText(text: string, field: string, what: string): InputProblem | null {
  if (text.includes('\u0000')) return { field: field || 'value', message: `${field || '値'}${what}に制御文字 (NUL, \\u0000) は使えません` };
  if (BIDI_CONTROL.test(text))
    return {
      field: field || 'value',
      message: `${field || '値'}${what}に文字の表示順を入れ替える制御文字 (U+202A〜U+202E, U+2066〜U+2069) は使えません。取り除いて入力し直してください`,
    };
  if (LONE_SURROGATE.test(text))
    return {
      field: field || 'value',
      message: `${field || '値'}${what}に文字として読めないデータ (対になっていないサロゲート) が含まれています。入力し直してください`,
    };
  return null;
}

/**
 * A key naming a member every object has (`__proto__`, `constructor`, `toString`, `valueOf` …): JSON.parse keeps it as
 * data, but copying the body into its DTO drops it (class-transformer skips `__proto__`, `constructor` and any key the
 * object already has as a function), so `{"scores": {"constructor": 3}}` or `{"comments": {"toString": "…"}}` was
 * silently dropped where any other unknown criterion is refused. No field or code of the API is such a name.
 */
const objectMemberKey = (key: string, field: string): InputProblem | null =>
  key in Object.prototype ? { field: field || 'value', message: `${field || '値'} の項目名に「${key}」は使えません` } : null;

/** NUL characters, lone surrogates and bidi controls in strings (values or keys), and numbers outside ±Number.MAX_SAFE_INTEGER or not finite. */
export function unsafeValues(value: unknown, parent = ''): InputProblem[] {
  const out: InputProblem[] = [];
  const walk = (v: unknown, field: string) => {
    if (out.length >= MAX_PROBLEMS) return;
    if (typeof v === 'string') {
      const problem = unsafeText(v, field, ' ');
      if (problem) out.push(problem);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER)
        out.push({ field: field || 'value', message: `${field || '値'} の数値が大きすぎます (${Number.MAX_SAFE_INTEGER} まで)` });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, join(field, String(i))));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const problem = objectMemberKey(k, field) ?? unsafeText(k, field, ' の項目名');
        if (problem) out.push(problem);
        else walk(x, join(field, k));
      }
    }
  };
  walk(value, parent);
  return out;
}

/**
 * `null` in a property of a DTO instance (nested DTOs included) that the DTO does not declare
 * `nullable: true`: refused rather than stored as 1970-01-01, 0 or "null". Plain objects (free-form
 * maps such as `scores`) are left to their own validation.
 */
export function undeclaredNulls(value: unknown, parent = ''): InputProblem[] {
  const out: InputProblem[] = [];
  const walk = (v: unknown, field: string, depth: number) => {
    if (depth > 32 || out.length >= MAX_PROBLEMS) return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, join(field, String(i)), depth + 1));
    if (v === null || typeof v !== 'object') return;
    const proto = Object.getPrototypeOf(v) as object | null;
    if (!proto || proto === Object.prototype) return;
    for (const [k, x] of Object.entries(v)) {
      const path = join(field, k);
      if (x === null) {
        const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, k) as { nullable?: boolean } | undefined;
        if (!meta?.nullable) out.push({ field: path, message: `${path} に null は指定できません (値がなければ項目ごと省略してください)` });
      } else walk(x, path, depth + 1);
    }
  };
  walk(value, parent, 0);
  return out;
}
