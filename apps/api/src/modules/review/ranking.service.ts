import { createHash } from 'node:crypto';
import {
  adoptionLimitProblems,
  aggregateScores,
  bonusPoints,
  confirmedByMajority,
  rankApplications,
  simulateAdoption,
  TIE_BREAK,
  type AdoptionLimits,
  type AggregatedScore,
  type RankedEntry,
} from '@jimukyoku/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import { RoundCategory } from '../rounds/round-category.entity';
import { Round } from '../rounds/round.entity';
import { ReviewError } from './review.errors';
import { ReviewRubric } from './review-rubric.entity';
import { RubricsService } from './rubrics.service';

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

interface LoadedApplication {
  id: string;
  receipt_number: string | null;
  applicant_name: string;
  quoted_amount: string;
  prefecture: string;
  size_class: string;
  received_at: Date | null;
  pending: number;
}

interface RankedScores {
  ranked: RankedEntry[];
  scoreOf: Map<string, AggregatedScore>;
  info: Map<string, LoadedApplication>;
}

export interface RankedApplication extends RankedEntry {
  applicantName: string;
  reviewerTotals: { reviewerId: string; raw: number; normalised: number }[];
  spread: number;
  disagreement: boolean;
  /** a reviewer's score was reopened after the 審査完了: not decidable until resubmitted */
  pendingReviews: number;
  outcome: 'adopted' | 'waitlisted' | 'rejected';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rubrics: RubricsService,
  ) {}

  /**
   * `fresh` skips the cache (the decision commit recomputes under its lock); otherwise a what-if with a
   * new budget reuses the ranking while no score, application or rubric setting has changed.
   */
  async rank(roundId: string, request: RankingRequest, m: EntityManager = this.dataSource.manager, options: { fresh?: boolean } = {}) {
    if (!isUuid(roundId) || !(await m.existsBy(Round, { id: roundId }))) throw new ReviewError('ROUND_NOT_FOUND');
    if (!isUuid(request.categoryId)) throw new ReviewError('CATEGORY_NOT_OFFERED');
    const offered = await m.findOneBy(RoundCategory, { roundId, categoryId: request.categoryId });
    if (!offered) throw new ReviewError('CATEGORY_NOT_OFFERED');
    const rubric = await this.rubrics.ensure(m, roundId, request.categoryId);
    const limits: AdoptionLimits = {
      budget: request.budget === undefined ? offered.budget : request.budget,
      quota: request.quota === undefined ? offered.adoptionQuota : request.quota,
      waitlistCount: request.waitlistCount ?? 0,
    };
    const problems = adoptionLimitProblems(limits);
    if (problems.length) throw new ReviewError('INVALID_LIMITS', { errors: problems });
    const normalise = request.normalise ?? rubric.normalise;

    const { ranked, scoreOf, info } = await this.rankedApplications(m, rubric, normalise, options.fresh === true);
    const simulation = simulateAdoption(ranked, limits);
    const outcome = new Map<string, RankedApplication['outcome']>([
      ...simulation.adoptedIds.map((id) => [id, 'adopted'] as const),
      ...simulation.waitlistedIds.map((id) => [id, 'waitlisted'] as const),
    ]);
    const entries: RankedApplication[] = ranked.map((e) => {
      const s = scoreOf.get(e.applicationId);
      return {
        ...e,
        applicantName: info.get(e.applicationId)!.applicant_name,
        reviewerTotals: s?.reviewerTotals ?? [],
        spread: s?.spread ?? 0,
        disagreement: s?.disagreement ?? false,
        pendingReviews: info.get(e.applicationId)!.pending,
        outcome: outcome.get(e.applicationId) ?? 'rejected',
      };
    });
    return {
      roundId,
      categoryId: request.categoryId,
      rubricId: rubric.id,
      normalise,
      limits: { budget: limits.budget ?? null, quota: limits.quota ?? null, waitlistCount: limits.waitlistCount ?? 0 },
      tieBreak: TIE_BREAK,
      fingerprint: fingerprint(entries),
      simulation: { ...simulation, adoptedIds: undefined, waitlistedIds: undefined, rejectedIds: undefined },
      entries,
    };
  }

  /**
   * The ranked applications of a rubric, cached per rubric × normalisation and keyed by a stamp of
   * everything they depend on (the rubric's version, its submitted sheets, the decidable applications):
   * the stamp is two index reads, the ranking two full reads and the aggregation.
   */
  private async rankedApplications(m: EntityManager, rubric: ReviewRubric, normalise: boolean, fresh: boolean): Promise<RankedScores> {
    const key = `${rubric.id}:${normalise}`;
    const stamp = await this.stamp(m, rubric);
    const hit = this.cache.get(key);
    if (!fresh && hit?.stamp === stamp) return hit.value;
    const value = await this.compute(m, rubric, normalise);
    this.cache.delete(key);
    this.cache.set(key, { stamp, value });
    while (this.cache.size > CACHED_RANKINGS) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  private async stamp(m: EntityManager, rubric: ReviewRubric): Promise<string> {
    const [row] = await m.query(
      `SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM review_score WHERE rubric_id = $1) || '|' ||
              (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM application WHERE round_id = $2 AND category_id = $3 AND status = 'reviewed') AS stamp`,
      [rubric.id, rubric.roundId, rubric.categoryId],
    );
    return `${rubric.version}:${rubric.disagreementThreshold}|${row.stamp}`;
  }

  private async compute(m: EntityManager, rubric: ReviewRubric, normalise: boolean): Promise<RankedScores> {
    const { apps, sheets } = await this.load(m, rubric);
    const byApp = new Map<string, { reviewerId: string; total: number; bonus: string[] }[]>();
    for (const s of sheets) (byApp.get(s.application_id) ?? byApp.set(s.application_id, []).get(s.application_id)!).push({ reviewerId: s.reviewer_id, total: s.total, bonus: s.confirmed_bonus ?? [] });
    // Normalisation looks at each reviewer's every submitted score of this rubric, decided or not.
    const aggregated = aggregateScores(
      [...byApp].map(([applicationId, reviews]) => ({ applicationId, reviews, bonus: bonusPoints(rubric, confirmedByMajority(reviews.map((r) => r.bonus))) })),
      { normalise, disagreementThreshold: rubric.disagreementThreshold },
    );
    const scoreOf = new Map(aggregated.map((a) => [a.applicationId, a]));
    const ranked = rankApplications(
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
    );
    return { ranked, scoreOf, info: new Map(apps.map((a) => [a.id, a])) };
  }

  /** Two reads: the decidable applications (with any reopened sheets) and the rubric's submitted totals. */
  private async load(m: EntityManager, rubric: ReviewRubric) {
    const readApps = () =>
      m.query(
        `SELECT a.id, a.receipt_number, a.applicant_name, a.quoted_amount, a.prefecture, a.size_class, a.received_at, coalesce(p.pending, 0) AS pending
           FROM application a
           LEFT JOIN (SELECT x.application_id, count(*)::int AS pending FROM application_assignment x
                       WHERE x.purpose = 'review' AND x.revoked_at IS NULL AND x.submitted_at IS NULL GROUP BY x.application_id) p ON p.application_id = a.id
          WHERE a.round_id = $1 AND a.category_id = $2 AND a.status = 'reviewed'`,
        [rubric.roundId, rubric.categoryId],
      ) as Promise<LoadedApplication[]>;
    // confirmed_bonus only where there is one: most sheets confirm none, and jsonb costs parsing
    const readSheets = () =>
      m.query(
        `SELECT s.application_id, s.reviewer_id, s.total::float8 AS total, CASE WHEN s.confirmed_bonus = '[]'::jsonb THEN NULL ELSE s.confirmed_bonus END AS confirmed_bonus
           FROM review_score s JOIN application_assignment x ON x.id = s.assignment_id
          WHERE s.rubric_id = $1 AND s.status = 'submitted' AND x.revoked_at IS NULL`,
        [rubric.id],
      ) as Promise<{ application_id: string; reviewer_id: string; total: number; confirmed_bonus: string[] | null }[]>;
    // in parallel over two pooled connections; inside a transaction (the decision) one after the other
    const [apps, sheets] = m.queryRunner ? [await readApps(), await readSheets()] : await Promise.all([readApps(), readSheets()]);
    return { apps, sheets };
  }
}

export type Ranking = Awaited<ReturnType<RankingService['rank']>>;

/** Entries shown at once by default: the chart gets every score, the table a page of the ranking. */
export const DEFAULT_ENTRY_PAGE = 500;

/**
 * The ranking as answered over HTTP: every final score by rank for the chart (20,000 numbers are
 * small), one page of the ranked applications for the table.
 */
export function rankingPage(r: Ranking, offset = 0, limit = DEFAULT_ENTRY_PAGE) {
  return {
    ...r,
    entryCount: r.entries.length,
    entryOffset: offset,
    entries: r.entries.slice(offset, offset + limit),
    chart: { finalScores: r.entries.map((e) => e.finalScore), quotedAmounts: r.entries.map((e) => e.quotedAmount) },
  };
}

/** What the manager saw: the ranked ids with their scores. A commit must match it. */
function fingerprint(entries: { applicationId: string; finalScore: number }[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.applicationId}:${e.finalScore};`);
  return h.digest('hex').slice(0, 32);
}
