/**
 * The rubric's rules: validating a rubric a manager entered, checking a reviewer's score sheet and
 * the confirmed 加点 against it, and the weighted total.
 *
 * Bonus points are integers 0..100 (not decimals): a 加点 is "+N点" on the published scale, and
 * integers keep the final score explainable to applicants.
 */
import { hasOwn, isFiniteNumber, round4 } from './numbers';
import type { Criterion, ReviewProblem, Rubric } from './review.types';

export * from './default-rubrics';

const CODE_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const MAX_SCALE = 100;
const MAX_WEIGHT = 100;
const MAX_BONUS_POINTS = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** How an entry is named in a message: its label when it has one, else its position. */
const nameOf = (kind: '審査項目' | '加点項目', entry: Record<string, unknown>, i: number): string =>
  nonEmpty(entry.label) ? `${kind}「${entry.label}」` : `${kind}（${i + 1}件目）`;

/** The keys a criterion and a 加点項目 have (review.types.ts): any other is refused, not stored and answered unseen. */
const CRITERION_KEYS: readonly string[] = ['code', 'label', 'maxScore', 'weight', 'description'];
const BONUS_ITEM_KEYS: readonly string[] = ['code', 'label', 'points', 'description'];

function unknownKeys(at: string, name: string, entry: Record<string, unknown>, known: readonly string[]): ReviewProblem[] {
  return Object.keys(entry)
    .filter((key) => !known.includes(key))
    .map((key) => ({ field: `${at}.${key}`, message: `${name}の「${key}」は受け付けない項目です。削除してください` }));
}

function checkCode(field: string, name: string, code: unknown, seen: Set<string>): ReviewProblem[] {
  if (!nonEmpty(code)) return [{ field, message: `${name}のコードを入力してください` }];
  if (!CODE_PATTERN.test(code)) {
    return [{ field, message: `${name}のコード「${code}」は英字で始まり、英数字と_だけを使ってください` }];
  }
  if (seen.has(code)) return [{ field, message: `コード「${code}」が重複しています。審査項目と加点項目を通して別のコードにしてください` }];
  seen.add(code);
  return [];
}

function checkCriterion(c: unknown, i: number, seen: Set<string>): ReviewProblem[] {
  const at = `criteria[${i}]`;
  if (!isObject(c)) return [{ field: at, message: `審査項目（${i + 1}件目）にコード・名称・満点・重みを入力してください` }];
  const name = nameOf('審査項目', c, i);
  const out = checkCode(`${at}.code`, name, c.code, seen);
  if (!nonEmpty(c.label)) out.push({ field: `${at}.label`, message: `${name}の名称を入力してください` });
  if (!(typeof c.maxScore === 'number' && Number.isInteger(c.maxScore) && c.maxScore >= 1 && c.maxScore <= MAX_SCALE)) {
    out.push({ field: `${at}.maxScore`, message: `${name}の満点は1〜${MAX_SCALE}の整数で入力してください` });
  }
  if (!(isFiniteNumber(c.weight) && c.weight > 0 && c.weight <= MAX_WEIGHT)) {
    out.push({ field: `${at}.weight`, message: `${name}の重みは0より大きく${MAX_WEIGHT}以下の数値で入力してください` });
  }
  if (c.description !== undefined && typeof c.description !== 'string') {
    out.push({ field: `${at}.description`, message: `${name}の説明は文字列で入力してください` });
  }
  out.push(...unknownKeys(at, name, c, CRITERION_KEYS));
  return out;
}

function checkBonusItem(b: unknown, i: number, seen: Set<string>): ReviewProblem[] {
  const at = `bonusItems[${i}]`;
  if (!isObject(b)) return [{ field: at, message: `加点項目（${i + 1}件目）にコード・名称・点数を入力してください` }];
  const name = nameOf('加点項目', b, i);
  const out = checkCode(`${at}.code`, name, b.code, seen);
  if (!nonEmpty(b.label)) out.push({ field: `${at}.label`, message: `${name}の名称を入力してください` });
  if (!(typeof b.points === 'number' && Number.isInteger(b.points) && b.points >= 0 && b.points <= MAX_BONUS_POINTS)) {
    out.push({ field: `${at}.points`, message: `${name}の点数は0〜${MAX_BONUS_POINTS}の整数で入力してください` });
  }
  if (b.description !== undefined && typeof b.description !== 'string') {
    out.push({ field: `${at}.description`, message: `${name}の説明は文字列で入力してください` });
  }
  out.push(...unknownKeys(at, name, b, BONUS_ITEM_KEYS));
  return out;
}

/**
 * Every problem of a rubric a manager entered (empty = usable): at least one criterion; codes
 * /^[a-zA-Z][a-zA-Z0-9_]*$/ and unique across criteria and bonus items; labels non-empty; maxScore an
 * integer 1..100; weight finite, > 0 and ≤ 100; bonus points an integer 0..100; no key an entry does not have
 * (a misspelt `maxscore` is refused, not stored). `bonusItems` may be empty but must be present.
 */
export function validateRubric(input: unknown): ReviewProblem[] {
  if (!isObject(input)) return [{ field: 'criteria', message: '評価基準（審査項目と加点項目）を入力してください' }];
  const seen = new Set<string>();
  const out: ReviewProblem[] = [];
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    out.push({ field: 'criteria', message: '審査項目を1つ以上入力してください' });
  } else {
    input.criteria.forEach((c, i) => out.push(...checkCriterion(c, i, seen)));
  }
  if (!Array.isArray(input.bonusItems)) {
    out.push({ field: 'bonusItems', message: '加点項目の一覧を入力してください（加点項目がなければ空の一覧）' });
  } else {
    input.bonusItems.forEach((b, i) => out.push(...checkBonusItem(b, i, seen)));
  }
  return out;
}

const scaleMessage = (c: Criterion) => `「${c.label}」は0〜${c.maxScore}の整数で入力してください`;

/**
 * Problems of one reviewer's score sheet (審査票). Codes the rubric does not have are refused; every
 * score given must be an integer within 0..maxScore; null/undefined means "not scored yet", which is
 * fine while saving a draft (`complete: false`) and refused on submit (`complete: true`).
 * Fields are `scores.<criterion code>`; criteria in rubric order first, then unknown codes.
 */
export function scoreSheetProblems(
  rubric: Rubric,
  scores: Readonly<Record<string, number | null | undefined>>,
  options: { complete: boolean },
): ReviewProblem[] {
  const out: ReviewProblem[] = [];
  const known = new Set(rubric.criteria.map((c) => c.code));
  for (const c of rubric.criteria) {
    const v = hasOwn(scores, c.code) ? scores[c.code] : undefined;
    if (v === null || v === undefined) {
      if (options.complete) out.push({ field: `scores.${c.code}`, message: `「${c.label}」の点数を入力してください（0〜${c.maxScore}の整数）` });
    } else if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= c.maxScore)) {
      out.push({ field: `scores.${c.code}`, message: scaleMessage(c) });
    }
  }
  for (const code of Object.keys(scores)) {
    if (!known.has(code))
      out.push({ field: `scores.${code}`, message: `審査項目「${code}」はこの評価基準にありません。画面を再読み込みしてから入力し直してください` });
  }
  return out;
}

/** The longest comment a reviewer may write on one criterion (as the sheet's 総評). */
export const MAX_CRITERION_COMMENT_LENGTH = 4000;

/**
 * Problems of a score sheet's per-criterion comments (field `comments.<code>`): each must be a criterion of the
 * rubric, and its comment text of at most MAX_CRITERION_COMMENT_LENGTH characters (`""` clears it).
 */
export function commentProblems(rubric: Rubric, comments: Readonly<Record<string, unknown>>): ReviewProblem[] {
  const byCode = new Map(rubric.criteria.map((c) => [c.code, c] as const));
  return Object.entries(comments).flatMap(([code, text]): ReviewProblem[] => {
    const c = byCode.get(code);
    if (!c) return [{ field: `comments.${code}`, message: `審査項目「${code}」はこの審査基準にありません` }];
    if (typeof text !== 'string') return [{ field: `comments.${code}`, message: `「${c.label}」のコメントは文字で入力してください（消すときは空欄）` }];
    if (text.length > MAX_CRITERION_COMMENT_LENGTH)
      return [{ field: `comments.${code}`, message: `「${c.label}」のコメントは${MAX_CRITERION_COMMENT_LENGTH}文字以内で入力してください` }];
    return [];
  });
}

/** Bonus codes the rubric does not have, each named by the request's field (`confirmedBonus[i]`). Duplicates are not a problem. */
export function bonusProblems(rubric: Rubric, codes: readonly string[], field: string): ReviewProblem[] {
  const known = new Set(rubric.bonusItems.map((b) => b.code));
  return codes.flatMap((code, i) =>
    known.has(code) ? [] : [{ field: `${field}[${i}]`, message: `加点項目「${code}」はこの評価基準にありません。加点項目の一覧から選んでください` }],
  );
}

/**
 * Σ score × weight over the rubric's criteria, rounded to 4 decimals (see numbers.ts). Codes not in
 * the rubric are ignored and a criterion without a score counts 0: check the sheet with
 * scoreSheetProblems(…, { complete: true }) before computing a submitted total.
 */
export function weightedTotal(rubric: Rubric, scores: Readonly<Record<string, number | null | undefined>>): number {
  let sum = 0;
  for (const c of rubric.criteria) {
    const v = hasOwn(scores, c.code) ? scores[c.code] : undefined;
    if (typeof v === 'number') sum += v * c.weight;
  }
  return round4(sum);
}

/** The weighted total of a sheet with every criterion at its maximum (4 decimals). */
export const maxWeightedTotal = (rubric: Rubric): number => round4(rubric.criteria.reduce((sum, c) => sum + c.maxScore * c.weight, 0));

/** The points of the confirmed 加点 items: unknown codes ignored, each item counted once. */
export function bonusPoints(rubric: Rubric, confirmedCodes: readonly string[]): number {
  const confirmed = new Set(confirmedCodes);
  return round4(rubric.bonusItems.reduce((sum, b) => (confirmed.has(b.code) ? sum + b.points : sum), 0));
}
