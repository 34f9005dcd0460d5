import { createHash } from 'node:crypto';
import {
  adoptionCut,
  adoptionLimitProblems,
  aggregateScores,
  bonusPoints,
  confirmedByMajority,
  isBeforeRoundDeadline,
  limitsLeft,
  prepareAdoption,
  rankApplications,
  roundDeadline,
  TIE_BREAK,
  type AdoptionCut,
  type AdoptionLimits,
  type AggregatedScore,
  type PreparedAdoption,
  type RankedEntry,
} from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/is-uuid';
import type { Transaction } from '../../database';
import type { ReviewRubric } from '../rubrics/review-rubric.entity';
import { RoundsRepository } from '../rounds/rounds.repository';
import { RubricsService } from '../rubrics/rubrics.service';
import type { AdoptionDecision } from './adoption-decision.entity';
import { AdoptionError } from './adoption.errors';
import { AdoptionRepository } from './adoption.repository';
import { RankingRepository } from './ranking.repository';

export interface RankingRequest {
  categoryId: string;
  budget?: number | null;
  quota?: number | null;
  waitlistCount?: number | null;
  /** overrides the rubric's setting for a what-if */
  normalise?: boolean;
}

/** how many rubric × normalisation rankings one API process keeps (each ~ a few MB at 20,000 applications) */
const CACHED_RANKINGS = 8;

/**
 * A rubric's ranking as cached: everything a what-if needs that does not depend on the limits. Per
 * position in rank order: the entry (prepared for adoptionCut), its aggregated score, applicant name
 * and reopened sheets; and once per ranking its fingerprint and the chart's numbers.
 */
interface RankedScores {
  prepared: PreparedAdoption;
  scores: (AggregatedScore | undefined)[];
  applicantNames: string[];
  pendingReviews: number[];
  fingerprint: string;
  chart: { finalScores: number[]; quotedAmounts: number[] };
}

/** Where the simulation puts an application: not an application state (the decision fires the transition that follows from it). */
export const RANKING_OUTCOME = { adopted: 'adopted', waitlisted: 'waitlisted', rejected: 'rejected' } as const;
export type RankingOutcome = (typeof RANKING_OUTCOME)[keyof typeof RANKING_OUTCOME];

export interface RankedApplication extends RankedEntry {
  applicantName: string;
  reviewerTotals: { reviewerId: string; raw: number; normalised: number }[];
  spread: number;
  disagreement: boolean;
  /** a reviewer's score was reopened after the 審査完了: not decidable until resubmitted */
  pendingReviews: number;
  outcome: RankingOutcome;
}

/**
 * The ranking of one round × category and the adoption simulator over it: the applications whose
 * 書面審査 is complete (審査完了), their reviewers' weighted totals aggregated by libs/domain (mean,
 * optional per-reviewer normalisation, majority-confirmed 加点), ranked with the documented tie-break,
 * cut by budget and/or quota. The ranking is cached while nothing it depends on changes, so a what-if
 * (another budget) runs only the simulation.
 */
@Injectable()
export class RankingService {
  private readonly cache = new Map<string, { stamp: string; value: RankedScores }>();

  constructor(
    private readonly adoption: AdoptionRepository,
    private readonly rankingRows: RankingRepository,
    private readonly rounds: RoundsRepository,
    private readonly rubrics: RubricsService,
  ) {}

  /**
   * The whole ranking with every application's outcome (the decision commits it; the demo seeds with
   * it). `fresh` skips the cache (the decision commit recomputes under its lock); otherwise the ranking
   * is reused while no score, application or rubric setting has changed.
   */
  async rank(roundId: string, request: RankingRequest, tx?: Transaction, options: { fresh?: boolean } = {}) {
    const { head, cached, cut } = await this.simulate(roundId, request, tx, { fresh: options.fresh === true });
    return { ...head, entries: entriesOf(cached, cut, 0, cached.prepared.ranked.length) };
  }

  /**
   * The limits resolved against the round × category (a what-if overrides them), the cached (or
   * recomputed) ranking and the adoption cut under what is left of the limits once the applications already
   * holding a 採択 slot are counted (limitsLeft): O(log n) on a cached ranking.
   */
  private async simulate(roundId: string, request: RankingRequest, tx: Transaction | undefined, options: { fresh: boolean }) {
    const round = isUuid(roundId) ? await this.rounds.find(roundId, tx) : null;
    if (!round) throw new AdoptionError('ROUND_NOT_FOUND');
    if (!isUuid(request.categoryId)) throw new AdoptionError('CATEGORY_NOT_OFFERED');
    const offered = (await this.rounds.categoriesOf([roundId], tx)).get(roundId)!.find((o) => o.categoryId === request.categoryId);
    if (!offered) throw new AdoptionError('CATEGORY_NOT_OFFERED');
    const rubric = await this.rubrics.ensure(roundId, request.categoryId, tx);
    const limits: AdoptionLimits = {
      budget: request.budget === undefined ? offered.budget : request.budget,
      quota: request.quota === undefined ? offered.adoptionQuota : request.quota,
      waitlistCount: request.waitlistCount ?? 0,
    };
    const problems = adoptionLimitProblems(limits);
    if (problems.length) throw new AdoptionError('INVALID_LIMITS', { errors: problems });
    const normalise = request.normalise ?? rubric.normalise;

    const state = await this.rankingRows.state(rubric, { standing: true }, tx);
    const standing = state.standing!;
    const cached = await this.rankedApplications(rubric, normalise, `${rubric.version}:${rubric.disagreementThreshold}|${state.stamp}`, options.fresh, tx);
    // a single 採択 or an earlier decision has spent part of the 予算 and 採択枠: the cut shares the rest
    const cut = adoptionCut(cached.prepared, limitsLeft(limits, standing));
    const head = {
      roundId,
      categoryId: request.categoryId,
      /** the round × 類型's own 予算 (the limits may be a what-if) */
      categoryBudget: offered.budget,
      /** the 応募締切 (grace included), before which a decision is not committed (AdoptionService); a what-if runs any time */
      roundDeadline: roundDeadline(round).toISOString(),
      roundStillOpen: isBeforeRoundDeadline(round, new Date()),
      rubricId: rubric.id,
      normalise,
      limits: { budget: limits.budget ?? null, quota: limits.quota ?? null, waitlistCount: limits.waitlistCount ?? 0 },
      tieBreak: TIE_BREAK,
      fingerprint: cached.fingerprint,
      simulation: cut,
    };
    return { head, cached, cut, standing };
  }

  /**
   * The ranked applications of a rubric, cached per rubric × normalisation and keyed by a stamp of
   * everything they depend on (the rubric's version, its submitted sheets, the decidable applications):
   * the stamp (RankingRepository.state) is counts and last changes, the ranking two full reads and the aggregation.
   */
  private async rankedApplications(rubric: ReviewRubric, normalise: boolean, stamp: string, fresh: boolean, tx?: Transaction): Promise<RankedScores> {
    const key = `${rubric.id}:${normalise}`;
    const hit = this.cache.get(key);
    if (!fresh && hit?.stamp === stamp) return hit.value;
    // the stale ranking goes first, so that a recomputation does not hold two (about 90 MiB each at 100,000)
    this.cache.delete(key);
    const value = await this.compute(rubric, normalise, tx);
    this.cache.set(key, { stamp, value });
    while (this.cache.size > CACHED_RANKINGS) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  /**
   * The ranking as the simulator asks for it (GET /api/rounds/:id/ranking): one page of the what-if,
   * where the round × category stands outside it (the 類型's 予算, what is already adopted, how many
   * applications are still in 要件確認 or 書面審査: the warnings of 採択を確定), and the latest committed
   * decision with one page of its ranking as committed (a decided round shows that, not a what-if).
   */
  async answer(roundId: string, request: RankingRequest, offset = 0, limit = DEFAULT_ENTRY_PAGE) {
    if (!isUuid(roundId)) throw new AdoptionError('ROUND_NOT_FOUND');
    if (!isUuid(request.categoryId)) throw new AdoptionError('CATEGORY_NOT_OFFERED');
    // the latest decision does not depend on the ranking: read at the same time over another pooled connection
    const [{ head, cached, cut, standing }, decision] = await Promise.all([
      this.simulate(roundId, request, undefined, { fresh: false }),
      this.adoption.latestDecision(roundId, request.categoryId),
    ]);
    return {
      ...head,
      entryCount: cached.prepared.ranked.length,
      entryOffset: offset,
      entries: entriesOf(cached, cut, offset, offset + limit),
      // the same arrays for every what-if on this ranking
      chart: cached.chart,
      standing: { categoryBudget: head.categoryBudget, ...standing },
      committed: decision && (await this.committed(decision, offset, limit)),
    };
  }

  /** A committed decision with one page of its ranking as committed and every score for its chart. */
  private async committed(decision: Omit<AdoptionDecision, 'ranking'>, offset: number, limit: number) {
    const [entries, finalScores] = await Promise.all([this.adoption.committedEntries(decision.id, offset, limit), this.adoption.committedScores(decision.id)]);
    return { decision, entryCount: decision.appliedCount, entryOffset: offset, entries, chart: { finalScores } };
  }

  private async compute(rubric: ReviewRubric, normalise: boolean, tx?: Transaction): Promise<RankedScores> {
    const { apps, sheets } = await this.adoption.rankingInputs(rubric, tx);
    const byApp = new Map<string, { reviewerId: string; total: number; bonus: string[] }[]>();
    for (const s of sheets)
      (byApp.get(s.application_id) ?? byApp.set(s.application_id, []).get(s.application_id)!).push({
        reviewerId: s.reviewer_id,
        total: s.total,
        bonus: s.confirmed_bonus ?? [],
      });
    // Normalisation looks at each reviewer's every submitted score of this rubric, decided or not.
    const aggregated = aggregateScores(
      [...byApp].map(([applicationId, reviews]) => ({ applicationId, reviews, bonus: bonusPoints(rubric, confirmedByMajority(reviews.map((r) => r.bonus))) })),
      { normalise, disagreementThreshold: rubric.disagreementThreshold },
    );
    const scoreOf = new Map(aggregated.map((a) => [a.applicationId, a]));
    const prepared = prepareAdoption(
      rankApplications(
        apps.map((a) => {
          const s = scoreOf.get(a.id);
          return {
            applicationId: a.id,
            receiptNumber: a.receipt_number,
            finalScore: s?.final ?? 0,
            mean: s?.mean ?? 0,
            bonus: s?.bonus ?? 0,
            receivedAt: a.received_at ? new Date(a.received_at).toISOString() : null,
            quotedAmount: Number(a.quoted_amount),
            prefecture: a.prefecture,
            sizeClass: a.size_class,
          };
        }),
      ),
    );
    const info = new Map(apps.map((a) => [a.id, a]));
    const ranked = prepared.ranked;
    return {
      prepared,
      scores: ranked.map((e) => scoreOf.get(e.applicationId)),
      applicantNames: ranked.map((e) => info.get(e.applicationId)!.applicant_name),
      pendingReviews: ranked.map((e) => info.get(e.applicationId)!.pending),
      fingerprint: fingerprint(ranked),
      chart: { finalScores: ranked.map((e) => e.finalScore), quotedAmounts: ranked.map((e) => e.quotedAmount) },
    };
  }
}

export type Ranking = Awaited<ReturnType<RankingService['rank']>>;

/**
 * Entries shown at once by default. The answer over HTTP has every final score by rank for the chart
 * (20,000 numbers are small) and one page of the ranked applications for the table.
 */
export const DEFAULT_ENTRY_PAGE = 500;

/**
 * The ranked applications at positions [from, to) with their outcome under the cut: adoption follows
 * rank order, so the first `adopted` positions are 採択, the next `waitlisted` 補欠, the rest 不採択.
 */
function entriesOf(cached: RankedScores, cut: AdoptionCut, from: number, to: number): RankedApplication[] {
  const { adopted, waitlisted } = cut.totals;
  return cached.prepared.ranked.slice(from, to).map((e, k) => {
    const i = from + k;
    const s = cached.scores[i];
    return {
      ...e,
      applicantName: cached.applicantNames[i],
      reviewerTotals: s?.reviewerTotals ?? [],
      spread: s?.spread ?? 0,
      disagreement: s?.disagreement ?? false,
      pendingReviews: cached.pendingReviews[i],
      outcome: i < adopted ? RANKING_OUTCOME.adopted : i < adopted + waitlisted ? RANKING_OUTCOME.waitlisted : RANKING_OUTCOME.rejected,
    };
  });
}

/** What the manager saw: the ranked ids with their scores. A commit must match it. */
function fingerprint(entries: readonly { applicationId: string; finalScore: number }[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.applicationId}:${e.finalScore};`);
  return h.digest('hex').slice(0, 32);
}
