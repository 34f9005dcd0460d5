/**
 * The characters a 全銀協 record's text fields (口座名義, 依頼人名, bank and branch names) may hold, and the
 * conversion of what a person types into them. docs/payments.md ("Characters") gives the set and its sources.
 *
 * The set: half-width katakana ｱ–ﾝ and ｦ with the voiced marks ﾞ ﾟ (JIS X 0201), digits, upper-case
 * letters, the space and the symbols ( ) , . - / ｢ ｣. Every one of them is a single byte in Shift_JIS.
 *
 * Typed input is converted where one character has exactly one reading in that set: full-width katakana
 * and hiragana (ガ → ｶﾞ, が → ｶﾞ), full-width digits, letters and symbols (NFKC), lower-case letters
 * (upper-cased), small kana (ｯ ｬ ｧ …, written large as banks register names: キュウ → ｷﾕｳ) and the
 * 長音 ー (written as the hyphen -, which every bank takes). Anything else — kanji, 中黒 ・, ヰ ヱ, ¥,
 * symbols outside the set — is refused with a message naming the character.
 */

/** Half-width katakana letters (not the small ones) and the voiced marks. */
const HALF_WIDTH_KANA = 'ｦｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const DAKUTEN = 'ﾞ';
const HANDAKUTEN = 'ﾟ';
const SYMBOLS = ' (),.-/｢｣';

/** Every character a 全銀 text field may hold (after conversion). */
export const ZENGIN_CHARACTERS: ReadonlySet<string> = new Set([
  ...HALF_WIDTH_KANA,
  DAKUTEN,
  HANDAKUTEN,
  ...'0123456789',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...SYMBOLS,
]);

/** Kana that take ﾞ (ｶ行 サ行 タ行 ハ行 and ｳ for ｳﾞ) and ﾟ (ハ行). */
const TAKES_DAKUTEN = new Set([...'ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ']);
const TAKES_HANDAKUTEN = new Set([...'ﾊﾋﾌﾍﾎ']);

/** Full-width katakana → its half-width form, built from Unicode's own compatibility mapping (NFKC). */
const HALF_WIDTH_OF = new Map<string, string>([...HALF_WIDTH_KANA].map((half) => [half.normalize('NFKC'), half]));

/** Small full-width kana → the large kana banks register in their place. */
const LARGE_OF: Readonly<Record<string, string>> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

/** Characters read as the hyphen: the 長音 and the dashes people type for it. */
const HYPHENS = new Set(['ー', '‐', '‑', '−', '–', '—', '―']);

/** One typed character → its 全銀 characters, or null when it has none. */
function convertCharacter(typed: string): string | null {
  // the spacing voiced marks: NFKC would make them a space plus a combining mark
  if (typed === '゛') return DAKUTEN;
  if (typed === '゜') return HANDAKUTEN;
  let out = '';
  for (const ch of typed.normalize('NFKC').normalize('NFD')) {
    const code = ch.codePointAt(0)!;
    // hiragana ぁ–ゖ → katakana ァ–ヶ (same order, 0x60 apart)
    const katakana = code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + 0x60) : ch;
    const large = LARGE_OF[katakana] ?? katakana;
    if (ZENGIN_CHARACTERS.has(large)) out += large;
    else if (/^[a-z]$/.test(large)) out += large.toUpperCase();
    else if (HALF_WIDTH_OF.has(large)) out += HALF_WIDTH_OF.get(large)!;
    else if (large === '\u3099') out += DAKUTEN;
    else if (large === '\u309A') out += HANDAKUTEN;
    else if (large === '「') out += '｢';
    else if (large === '」') out += '｣';
    else if (HYPHENS.has(large) || large === 'ｰ') out += '-';
    else if (/^\s$/.test(large)) out += ' ';
    else return null;
  }
  return out;
}

export type ZenginText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * What a person typed for a 全銀 text field, as the field's half-width characters, or refused with a
 * Japanese reason naming the field and the offending character. Spaces are trimmed at both ends and runs
 * of spaces become one. `maxLength` counts 全銀 characters (ﾞ and ﾟ are one each, as in the file).
 */
export function toZenginText(typed: string, label: string, maxLength: number, options: { readonly required?: boolean } = {}): ZenginText {
  let text = '';
  for (const ch of typed) {
    const converted = convertCharacter(ch);
    if (converted === null) {
      return {
        ok: false,
        reason: `${label}に使えない文字「${ch}」があります。半角カナ（小さい「ｯ」「ｬ」などは大きい文字で）、英大文字、数字、スペースと記号 ( ) , . - / ｢ ｣ で入力してください。`,
      };
    }
    text += converted;
  }
  text = text.replace(/ {2,}/g, ' ').trim();
  if (text === '') return options.required === false ? { ok: true, text } : { ok: false, reason: `${label}を入力してください。` };
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const mark = chars[i];
    if (mark !== DAKUTEN && mark !== HANDAKUTEN) continue;
    const before = chars[i - 1] ?? '';
    if (!(mark === DAKUTEN ? TAKES_DAKUTEN : TAKES_HANDAKUTEN).has(before)) {
      return {
        ok: false,
        reason: `${label}の「${mark}」は${mark === DAKUTEN ? '濁点の付くカナ（ｶ ｻ ﾀ ﾊ 行と ｳ）' : '半濁点の付くカナ（ﾊ 行）'}の後にだけ書けます（${before === '' ? '先頭' : `「${before}」の後`}にあります）。`,
      };
    }
  }
  if (chars.length > maxLength) {
    return {
      ok: false,
      reason: `${label}は半角${maxLength}文字以内で入力してください（濁点・半濁点も1文字に数えます。変換後「${text}」は${chars.length}文字です）。`,
    };
  }
  return { ok: true, text };
}
