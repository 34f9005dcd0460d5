/**
 * 集計: from the reviewers' weighted totals to one score per application.
 *
 * Normalisation (optional) evens out strict and lenient reviewers: each reviewer's totals are turned
 * into z-scores within that reviewer's own reviews in the input, then rescaled to the whole pool:
 *   μ, σ   = mean and population standard deviation of ALL review totals in the input
 *   μ_r, σ_r = the same over reviewer r's totals
 *   normalised = μ + σ · (t − μ_r) / σ_r
 * A reviewer with fewer than 2 reviews, or whose totals are all equal (σ_r = 0, tested as < 1e-9 to
 * ignore float noise), cannot be scaled: only the offset is corrected, normalised = t − μ_r + μ
 * (so a reviewer with a single review lands on the pool mean μ).
 * Every output number is rounded to 4 decimals; final = rounded mean + bonus, so the shown numbers add up.
 */
import { round4 } from './numbers';

/** the weighted total of one reviewer */
export interface SubmittedReview {
  reviewerId: string;
  total: number;
}

export interface ApplicationReviews {
  applicationId: string;
  reviews: SubmittedReview[];
  /** confirmed 加点 */
  bonus: number;
}

export interface AggregationOptions {
  normalise: boolean;
  /** spread (max − min of the totals used) above this flags disagreement; null = never */
  disagreementThreshold: number | null;
}

export interface ReviewerTotal {
  reviewerId: string;
  raw: number;
  /** equal to raw when normalisation is off */
  normalised: number;
}

export interface AggregatedScore {
  applicationId: string;
  reviewerTotals: ReviewerTotal[];
  /** mean of the totals used (normalised or raw); 0 without reviews */
  mean: number;
  bonus: number;
  /** mean + bonus */
  final: number;
  /** max − min of the totals used; 0 with fewer than 2 reviews */
  spread: number;
  /** spread > disagreementThreshold */
  disagreement: boolean;
}

const ZERO_SD = 1e-9;

interface Stats {
  mean: number;
  sd: number;
  count: number;
}

function stats(values: readonly number[]): Stats {
  const count = values.length;
  if (count === 0) return { mean: 0, sd: 0, count };
  const mean = values.reduce((s, v) => s + v, 0) / count;
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / count;
  return { mean, sd: Math.sqrt(variance), count };
}

/** A function from a reviewer's raw total to the normalised one, built from the whole input. */
function normaliser(apps: readonly ApplicationReviews[]): (reviewerId: string, total: number) => number {
  const all: number[] = [];
  const byReviewer = new Map<string, number[]>();
  for (const app of apps) {
    for (const r of app.reviews) {
      all.push(r.total);
      const list = byReviewer.get(r.reviewerId);
      if (list) list.push(r.total);
      else byReviewer.set(r.reviewerId, [r.total]);
    }
  }
  const pool = stats(all);
  const perReviewer = new Map([...byReviewer].map(([id, totals]) => [id, stats(totals)]));
  return (reviewerId, t) => {
    const r = perReviewer.get(reviewerId)!;
    if (r.count < 2 || r.sd < ZERO_SD) return t - r.mean + pool.mean;
    return pool.mean + (pool.sd * (t - r.mean)) / r.sd;
  };
}

/**
 * One AggregatedScore per application, in input order. An application without reviews gets mean 0,
 * final = bonus, spread 0 and no disagreement (it shows up at the bottom of the ranking; the
 * assignment step is what makes sure every application is reviewed).
 */
export function aggregateScores(apps: readonly ApplicationReviews[], options: AggregationOptions): AggregatedScore[] {
  const normalise = options.normalise ? normaliser(apps) : (_id: string, t: number) => t;
  return apps.map((app) => {
    const used = app.reviews.map((r) => normalise(r.reviewerId, r.total));
    const reviewerTotals = app.reviews.map((r, i) => ({ reviewerId: r.reviewerId, raw: round4(r.total), normalised: round4(used[i]) }));
    const mean = used.length === 0 ? 0 : round4(used.reduce((s, v) => s + v, 0) / used.length);
    const spread = used.length < 2 ? 0 : round4(Math.max(...used) - Math.min(...used));
    const bonus = round4(app.bonus);
    return {
      applicationId: app.applicationId,
      reviewerTotals,
      mean,
      bonus,
      final: round4(mean + bonus),
      spread,
      disagreement: options.disagreementThreshold !== null && spread > options.disagreementThreshold,
    };
  });
}
