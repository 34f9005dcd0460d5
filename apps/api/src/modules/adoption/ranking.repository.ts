import { statesTagged, workflowStatesTagged } from '@jimukyoku/workflow';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, workflowStateSql, type Transaction } from '../../database';
import { ASSIGNMENT_PURPOSE } from '../assignments/application-assignment.entity';
import type { ReviewRubric } from '../rubrics/review-rubric.entity';
import type { CategoryStanding } from './adoption.repository';

/**
 * The reads a ranking's what-if makes on every request, in one statement: the stamp its cache is keyed by,
 * and (for the simulator's answer) where the round × category stands outside it — the application rows of
 * the round × category are scanned once for both.
 */
@Injectable()
export class RankingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What a rubric's ranking depends on: its sheets (count, last change), the applications awaiting a
   * decision in its round × category (count, last change), the sheets the applications reconsidered
   * into it carried over (none in most rounds), and the round's review assignments of applications awaiting
   * a decision (their open ones are the entries' pendingReviews). With `standing`, also AdoptionRepository.standing's
   * counts, from the same scan of the round × category's applications.
   */
  async state(rubric: ReviewRubric, options: { standing: boolean }, tx?: Transaction): Promise<{ stamp: string; standing: CategoryStanding | null }> {
    const params: unknown[] = [rubric.id, rubric.roundId, rubric.categoryId, statesTagged('awaitsDecision'), ASSIGNMENT_PURPOSE.review];
    const standing = options.standing
      ? `, count(*) FILTER (WHERE a.status = ANY($6::text[]))::int AS adopted,
           coalesce(sum(a.quoted_amount) FILTER (WHERE a.status = ANY($6::text[])), 0)::text AS "adoptedAmount",
           count(*) FILTER (WHERE ${workflowStateSql('a')} = ANY($7::text[]))::int AS "inFormalCheck",
           count(*) FILTER (WHERE ${workflowStateSql('a')} = ANY($8::text[]))::int AS "inReview"`
      : '';
    if (options.standing)
      params.push(
        statesTagged('holdsSlot'),
        // keys, not codes: grantApplied awaits a 要件確認 in IT導入 only (workflowStatesTagged)
        [...workflowStatesTagged('awaitsFormalCheck'), ...workflowStatesTagged('inFormalCheck')],
        workflowStatesTagged('openForScoring'),
      );
    const [row] = await managerOf(tx, this.dataSource).query(
      `SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM review_score WHERE rubric_id = $1) || '|' ||
              (count(*) FILTER (WHERE a.status = ANY($4::text[])) || ':' || coalesce((max(a.updated_at) FILTER (WHERE a.status = ANY($4::text[])))::text, '')) || '|' ||
              (SELECT count(*) || ':' || coalesce(max(s.updated_at)::text, '') FROM review_score s JOIN application r ON r.id = s.application_id
                WHERE r.round_id = $2 AND r.category_id = $3 AND r.reconsidered_from_category_id IS NOT NULL AND s.rubric_id <> $1) || '|' ||
              -- the round's review assignments of applications awaiting a decision, from the dashboard's kept counts
              -- (migration PipelineCounts): a sheet reopened, revoked or given to another reviewer changes them
              (SELECT coalesce(md5(string_agg(k || '=' || n, ',' ORDER BY k)), '')
                 FROM (SELECT reviewer_id || '/' || coalesce(due_at::text, '-') || '/' || submitted AS k, sum(n) AS n
                         FROM (SELECT * FROM assignment_count UNION ALL SELECT * FROM assignment_count_change) c
                        WHERE round_id = $2 AND purpose = $5 AND application_status = ANY($4::text[])
                        GROUP BY 1 HAVING sum(n) <> 0) x) AS stamp
              ${standing}
         FROM application a WHERE a.round_id = $2 AND a.category_id = $3 ${options.standing ? '' : 'AND a.status = ANY($4::text[])'}`,
      params,
    );
    return {
      stamp: row.stamp,
      standing: options.standing
        ? { adopted: row.adopted, adoptedAmount: Number(row.adoptedAmount), inFormalCheck: row.inFormalCheck, inReview: row.inReview }
        : null,
    };
  }
}
