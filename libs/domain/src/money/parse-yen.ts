import type { Yen } from './money';

/**
 * What a person typed as an amount of yen, read exactly or refused with a reason they can act on.
 * `yen: null` is an empty field (nothing but spaces): the caller decides what that means — the
 * adoption simulator's 予算 reads it as "no budget limit" and says so on screen.
 */
export type ParsedYen = { readonly ok: true; readonly yen: Yen | null } | { readonly ok: false; readonly reason: string };

const UNITS: readonly { readonly mark: string; readonly exponent: number }[] = [
  { mark: '兆', exponent: 12 },
  { mark: '億', exponent: 8 },
  { mark: '万', exponent: 4 },
];

const EXAMPLES = '例: 3億、2億5,000万、5000万円、300,000,000';

/** A coefficient: digits with optional 3-digit comma grouping, optionally a decimal part. */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

const refuse = (reason: string): ParsedYen => ({ ok: false, reason });

/**
 * Reads 「3億」, 「2億5,000万」, 「300,000,000」, 「３億」 (full-width, NFKC), 「1.5億」 (a decimal only where the
 * result is whole yen), 「5000万円」, 「¥1,000」, spaces anywhere. Units 兆・億・万 in descending order, each
 * at most once, then optionally a plain number of yen; after the first unit each part is below 1万
 * (「2億15000万」 is refused, not guessed); a decimal only in a single part (「1.5億」, not 「1.5億2000万」). Anything else — kanji numerals (「三億」), words (「くらい」),
 * negative amounts, fractions of a yen, amounts beyond Number.MAX_SAFE_INTEGER — is refused with a
 * Japanese reason. Exact: BigInt arithmetic, no floating point.
 */
export function parseYen(text: string): ParsedYen {
  const compact = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[¥\\]/, '')
    .replace(/円$/, '');
  if (compact === '') return text.trim() === '' ? { ok: true, yen: null } : refuse(`金額を数字で入力してください（${EXAMPLES}）。`);
  if (compact.startsWith('-') || compact.startsWith('−')) return refuse('金額は0円以上で入力してください。');

  let rest = compact;
  let total = 0n;
  let lastExponent = Infinity;
  let parts = 0;
  while (rest !== '') {
    const match = /^([\d,.]+)(兆|億|万)?/.exec(rest);
    if (!match) return refuse(`「${rest}」を金額として読めません。数字と 兆・億・万 で入力してください（${EXAMPLES}）。`);
    const [whole, digits, mark] = match as unknown as [string, string, string | undefined];
    const number = NUMBER.exec(digits);
    if (!number) return refuse(`「${digits}」を数として読めません（桁区切りのカンマは3桁ごと）。`);
    const exponent = mark ? UNITS.find((u) => u.mark === mark)!.exponent : 0;
    if (exponent >= lastExponent) return refuse(`単位の順序が正しくありません（兆・億・万の順に、それぞれ1回まで）：「${compact}」`);
    if (!mark && rest.length > whole.length) return refuse(`「${rest}」を金額として読めません（${EXAMPLES}）。`);
    const integer = number[1]!.replace(/,/g, '');
    const fraction = (number[2] ?? '').replace(/0+$/, '');
    if (parts > 0 && (fraction !== '' || BigInt(integer) >= 10_000n))
      return refuse(`「${digits}${mark ?? ''}」は前の単位と合わせて読めません（${mark ?? '円'}の前は9,999まで）。`);
    if (fraction !== '' && rest.length > whole.length) return refuse(`小数は単位が1つのときだけ使えます（例: 1.5億）：「${compact}」`);
    // coefficient × 10^exponent, exactly: the decimal part must end within the unit's digits
    if (fraction.length > exponent) return refuse(`「${digits}${mark ?? ''}」は1円未満の端数になります。円単位で入力してください。`);
    total += BigInt(integer + fraction.padEnd(exponent, '0'));
    lastExponent = exponent;
    parts += 1;
    rest = rest.slice(whole.length);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return refuse('金額が大きすぎます。');
  return { ok: true, yen: Number(total) };
}
