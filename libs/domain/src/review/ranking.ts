/**
 * 順位: the ranking of a round × category's applications by their final score, with a tie-break that
 * never leaves two applications on the same rank. The adoption simulation that walks the ranking is
 * in adoption.ts (re-exported here).
 */
import { compareStrings, round4 } from './numbers';

export * from './adoption';

export interface RankingEntry {
  applicationId: string;
  receiptNumber: string | null;
  /** mean + 加点 */
  finalScore: number;
  /** the score before 加点 */
  mean: number;
  bonus: number;
  /** ISO instant of 受付 */
  receivedAt: string | null;
  /** integer yen */
  quotedAmount: number;
  prefecture: string;
  sizeClass: string;
}

export interface RankedEntry extends RankingEntry {
  /** 1-based position after tie-break (unique) */
  rank: number;
}

/**
 * The tie-break, for the UI (one line per level):
 * finalScore desc → mean desc (score before 加点) → receivedAt asc (earlier 受付 first, none last) →
 * receiptNumber asc (none last) → applicationId asc.
 */
export const TIE_BREAK: readonly string[] = Object.freeze([
  '1. 合計点（審査点の平均＋加点）の高い順',
  '2. 合計点が同じ場合は、加点を除いた審査点の高い順',
  '3. なお同じ場合は、受付日時の早い順（受付日時のないものは後）',
  '4. なお同じ場合は、受付番号の昇順（受付番号のないものは後）',
  '5. それでも同じ場合は、申請IDの昇順',
]);

interface Keyed {
  entry: RankingEntry;
  final: number;
  mean: number;
  /** epoch ms; +Infinity when missing or unparsable (sorts last) */
  received: number;
}

const desc = (a: number, b: number) => (a > b ? -1 : a < b ? 1 : 0);
const asc = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const ascNullLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compareStrings(a, b));

const instant = (iso: string | null): number => {
  if (iso === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

const compareKeyed = (a: Keyed, b: Keyed): number =>
  desc(a.final, b.final) ||
  desc(a.mean, b.mean) ||
  asc(a.received, b.received) ||
  ascNullLast(a.entry.receiptNumber, b.entry.receiptNumber) ||
  compareStrings(a.entry.applicationId, b.entry.applicationId);

/**
 * Sorts by the tie-break (see TIE_BREAK) and numbers 1, 2, 3 … Scores are compared at 4 decimals (as
 * aggregation rounds them), receivedAt as instants (offsets may differ; an unparsable one counts as
 * missing), receipt numbers and ids by code units (受付番号 are zero-padded, so this is numeric order).
 * One sort: O(n log n).
 */
export function rankApplications(entries: readonly RankingEntry[]): RankedEntry[] {
  const keyed: Keyed[] = entries.map((entry) => ({ entry, final: round4(entry.finalScore), mean: round4(entry.mean), received: instant(entry.receivedAt) }));
  keyed.sort(compareKeyed);
  return keyed.map((k, i) => ranked(k.entry, i + 1));
}

/**
 * The RankingEntry fields plus rank. Built field by field: an object spread of 20,000 entries is an
 * order of magnitude slower in V8. Extra properties of the input are therefore not carried over.
 */
const ranked = (e: RankingEntry, rank: number): RankedEntry => ({
  applicationId: e.applicationId,
  receiptNumber: e.receiptNumber,
  finalScore: e.finalScore,
  mean: e.mean,
  bonus: e.bonus,
  receivedAt: e.receivedAt,
  quotedAmount: e.quotedAmount,
  prefecture: e.prefecture,
  sizeClass: e.sizeClass,
  rank,
});
