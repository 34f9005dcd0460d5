/**
 * 採択シミュレーション: walking down the ranking until the budget or the quota is used up.
 *
 * Adoption follows rank order strictly: the first application that does not fit (quota reached, or
 * its quoted amount would take the adopted total above the budget) ends adoption, even if a cheaper
 * one further down would still fit — skipping it would adopt a lower-ranked application over a
 * higher-ranked one. The next `waitlistCount` applications (from the one that did not fit) are
 * 補欠, the rest 不採択.
 */
import { PREFECTURES } from '../intake';
import { compareStrings, isNonNegativeSafeInteger, round4 } from './numbers';
import type { RankedEntry } from './ranking';
import type { ReviewProblem } from './review.types';

export interface AdoptionLimits {
  /** integer yen; null/absent = no budget limit */
  budget?: number | null;
  /** the most applications to adopt; null/absent = no limit */
  quota?: number | null;
  /** how many 補欠 after the last adopted; null/absent = 0 */
  waitlistCount?: number | null;
}

export interface Breakdown {
  key: string;
  applied: number;
  adopted: number;
  adoptedAmount: number;
}

export interface AdoptionSimulation {
  adoptedIds: string[];
  waitlistedIds: string[];
  rejectedIds: string[];
  /** rank of the last adopted; null when none */
  cutoffRank: number | null;
  /** finalScore of the last adopted; null when none */
  cutoffScore: number | null;
  /** the limit that refused the first non-adopted application; 'exhausted' when every one was adopted */
  stoppedBy: 'budget' | 'quota' | 'exhausted';
  totals: {
    applied: number;
    adopted: number;
    waitlisted: number;
    rejected: number;
    adoptedAmount: number;
    budget: number | null;
    remainingBudget: number | null;
    /** adopted ÷ applied, 4 decimals; 0 when nothing was applied */
    adoptionRate: number;
  };
  /** per 都道府県 present in the input, in the order of PREFECTURES (others after, by key) */
  byPrefecture: Breakdown[];
  /** per size class present in the input, by key */
  bySizeClass: Breakdown[];
}

const LIMIT_MESSAGES: Record<keyof AdoptionLimits, string> = {
  budget: '予算額は0以上の整数（円）で入力してください',
  quota: '採択件数の上限は0以上の整数で入力してください',
  waitlistCount: '補欠の件数は0以上の整数で入力してください',
};

/** Problems of the limits a manager entered: each, when given, a non-negative integer. */
export function adoptionLimitProblems(limits: AdoptionLimits): ReviewProblem[] {
  return (Object.keys(LIMIT_MESSAGES) as (keyof AdoptionLimits)[])
    .filter((field) => limits[field] !== undefined && limits[field] !== null && !isNonNegativeSafeInteger(limits[field]))
    .map((field) => ({ field, message: LIMIT_MESSAGES[field] }));
}

const PREFECTURE_ORDER = new Map<string, number>(PREFECTURES.map((p, i) => [p, i]));
const prefectureOrder = (a: { key: string }, b: { key: string }): number => {
  const ia = PREFECTURE_ORDER.get(a.key) ?? Number.POSITIVE_INFINITY;
  const ib = PREFECTURE_ORDER.get(b.key) ?? Number.POSITIVE_INFINITY;
  return ia !== ib ? (ia < ib ? -1 : 1) : compareStrings(a.key, b.key);
};

function tally(map: Map<string, Breakdown>, key: string, adopted: boolean, amount: number): void {
  let b = map.get(key);
  if (b === undefined) {
    b = { key, applied: 0, adopted: 0, adoptedAmount: 0 };
    map.set(key, b);
  }
  b.applied += 1;
  if (adopted) {
    b.adopted += 1;
    b.adoptedAmount += amount;
  }
}

const inRankOrder = (ranked: readonly RankedEntry[]): readonly RankedEntry[] => {
  for (let i = 1; i < ranked.length; i++) {
    if (ranked[i - 1].rank > ranked[i].rank) return [...ranked].sort((a, b) => a.rank - b.rank);
  }
  return ranked;
};

/**
 * Simulates adoption over a ranking (from rankApplications; re-sorted by rank if given out of order).
 * Expects limits without problems (adoptionLimitProblems) and throws a RangeError with the Japanese
 * messages otherwise. One pass: O(n).
 */
export function simulateAdoption(ranked: readonly RankedEntry[], limits: AdoptionLimits): AdoptionSimulation {
  const problems = adoptionLimitProblems(limits);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join('。'));
  const budget = limits.budget ?? null;
  const quota = limits.quota ?? null;
  const waitlistCount = limits.waitlistCount ?? 0;

  const adoptedIds: string[] = [];
  const waitlistedIds: string[] = [];
  const rejectedIds: string[] = [];
  const byPrefecture = new Map<string, Breakdown>();
  const bySizeClass = new Map<string, Breakdown>();
  let adoptedAmount = 0;
  let stoppedBy: AdoptionSimulation['stoppedBy'] = 'exhausted';
  let lastAdopted: RankedEntry | null = null;

  for (const e of inRankOrder(ranked)) {
    let adopted = false;
    if (stoppedBy === 'exhausted') {
      if (quota !== null && adoptedIds.length >= quota) stoppedBy = 'quota';
      else if (budget !== null && adoptedAmount + e.quotedAmount > budget) stoppedBy = 'budget';
      else adopted = true;
    }
    if (adopted) {
      adoptedIds.push(e.applicationId);
      adoptedAmount += e.quotedAmount;
      lastAdopted = e;
    } else if (waitlistedIds.length < waitlistCount) {
      waitlistedIds.push(e.applicationId);
    } else {
      rejectedIds.push(e.applicationId);
    }
    tally(byPrefecture, e.prefecture, adopted, e.quotedAmount);
    tally(bySizeClass, e.sizeClass, adopted, e.quotedAmount);
  }

  const applied = ranked.length;
  return {
    adoptedIds,
    waitlistedIds,
    rejectedIds,
    cutoffRank: lastAdopted?.rank ?? null,
    cutoffScore: lastAdopted?.finalScore ?? null,
    stoppedBy,
    totals: {
      applied,
      adopted: adoptedIds.length,
      waitlisted: waitlistedIds.length,
      rejected: rejectedIds.length,
      adoptedAmount,
      budget,
      remainingBudget: budget === null ? null : budget - adoptedAmount,
      adoptionRate: applied === 0 ? 0 : round4(adoptedIds.length / applied),
    },
    byPrefecture: [...byPrefecture.values()].sort(prefectureOrder),
    bySizeClass: [...bySizeClass.values()].sort((a, b) => compareStrings(a.key, b.key)),
  };
}

/** The simulation without the id lists: adoption follows rank order, so the first `totals.adopted` ranks are 採択 and the next `totals.waitlisted` 補欠. */
export type AdoptionCut = Omit<AdoptionSimulation, 'adoptedIds' | 'waitlistedIds' | 'rejectedIds'>;

interface KeyedPositions {
  key: string;
  /** positions (0-based, in rank order) of the entries with this key */
  positions: number[];
  /** amounts[j] = the quoted amounts of the first j of them */
  amounts: number[];
}

/**
 * A ranking prepared for many what-ifs (prepareAdoption): the quoted amounts summed in rank order, and
 * per 都道府県 and size class the positions and summed amounts of its applications.
 */
export interface PreparedAdoption {
  readonly ranked: readonly RankedEntry[];
  /** amount[k] = the quoted amounts of the first k entries, summed in rank order */
  readonly amount: readonly number[];
  /** reach[k] = the largest amount[j] for j ≤ k: adopting k fits a budget iff reach[k] ≤ budget */
  readonly reach: readonly number[];
  readonly prefectures: readonly KeyedPositions[];
  readonly sizeClasses: readonly KeyedPositions[];
}

function positionsBy(
  ranked: readonly RankedEntry[],
  keyOf: (e: RankedEntry) => string,
  order: (a: KeyedPositions, b: KeyedPositions) => number,
): KeyedPositions[] {
  const byKey = new Map<string, KeyedPositions>();
  ranked.forEach((e, i) => {
    const key = keyOf(e);
    let k = byKey.get(key);
    if (k === undefined) {
      k = { key, positions: [], amounts: [0] };
      byKey.set(key, k);
    }
    k.positions.push(i);
    k.amounts.push(k.amounts[k.amounts.length - 1] + e.quotedAmount);
  });
  return [...byKey.values()].sort(order);
}

/** Prepares a ranking (from rankApplications; re-sorted by rank if given out of order) for adoptionCut. O(n). */
export function prepareAdoption(ranked: readonly RankedEntry[]): PreparedAdoption {
  const inOrder = inRankOrder(ranked);
  const amount = [0];
  const reach = [0];
  for (const e of inOrder) {
    const sum = amount[amount.length - 1] + e.quotedAmount;
    amount.push(sum);
    reach.push(Math.max(reach[reach.length - 1], sum));
  }
  return {
    ranked: inOrder,
    amount,
    reach,
    prefectures: positionsBy(inOrder, (e) => e.prefecture, prefectureOrder),
    sizeClasses: positionsBy(
      inOrder,
      (e) => e.sizeClass,
      (a, b) => compareStrings(a.key, b.key),
    ),
  };
}

/** The number of leading values of a non-decreasing list that are ≤ limit (binary search). */
function countAtMost(sorted: readonly number[], limit: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}

function breakdownAt(k: KeyedPositions, adopted: number): Breakdown {
  // how many of this key's positions are among the first `adopted` ranks
  const n = countAtMost(k.positions, adopted - 1);
  return { key: k.key, applied: k.positions.length, adopted: n, adoptedAmount: k.amounts[n] };
}

/**
 * The limits a decision has left while `held` applications already hold a 採択 slot of the round × 類型 (a single
 * 採択, an earlier decision, a 繰上げ): the 予算 less their quoted amounts and the 採択枠 less their count, never below
 * 0. The 予算 and 採択枠 set are the 類型's; a decision shares what remains of them, so that it never adopts beyond
 * the 予算 what a single 採択 may not (the workflow's guard withinBudget).
 */
export function limitsLeft(limits: AdoptionLimits, held: { adopted: number; adoptedAmount: number }): AdoptionLimits {
  const left = (limit: number | null | undefined, used: number) => (limit === null || limit === undefined ? limit : Math.max(0, limit - used));
  return { ...limits, budget: left(limits.budget, held.adoptedAmount), quota: left(limits.quota, held.adopted) };
}

/**
 * The same simulation as simulateAdoption over a prepared ranking, without the id lists, in
 * O(log n + keys · log n): a what-if with another budget or quota on a ranking that has not changed.
 * The first application that does not fit ends adoption, as in simulateAdoption: with reach[k] the
 * largest sum of the first j ≤ k quoted amounts, k applications are adopted under a budget iff
 * reach[k] ≤ budget (equal to amount[k] when no amount is negative).
 */
export function adoptionCut(prepared: PreparedAdoption, limits: AdoptionLimits): AdoptionCut {
  const problems = adoptionLimitProblems(limits);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join('。'));
  const budget = limits.budget ?? null;
  const quota = limits.quota ?? null;
  const waitlistCount = limits.waitlistCount ?? 0;
  const { ranked, amount, reach } = prepared;
  const applied = ranked.length;

  // reach[0] = 0 ≤ any budget, so the count of reach[1..] within the budget is the adopted count
  const withinBudget = budget === null ? applied : countAtMost(reach, budget, 1);
  const adopted = quota === null ? withinBudget : Math.min(quota, withinBudget);
  const stoppedBy: AdoptionCut['stoppedBy'] = adopted === applied ? 'exhausted' : quota !== null && adopted >= quota ? 'quota' : 'budget';
  const waitlisted = Math.min(waitlistCount, applied - adopted);
  const adoptedAmount = amount[adopted];
  const last = adopted > 0 ? ranked[adopted - 1] : null;
  return {
    cutoffRank: last?.rank ?? null,
    cutoffScore: last?.finalScore ?? null,
    stoppedBy,
    totals: {
      applied,
      adopted,
      waitlisted,
      rejected: applied - adopted - waitlisted,
      adoptedAmount,
      budget,
      remainingBudget: budget === null ? null : budget - adoptedAmount,
      adoptionRate: applied === 0 ? 0 : round4(adopted / applied),
    },
    byPrefecture: prepared.prefectures.map((k) => breakdownAt(k, adopted)),
    bySizeClass: prepared.sizeClasses.map((k) => breakdownAt(k, adopted)),
  };
}
