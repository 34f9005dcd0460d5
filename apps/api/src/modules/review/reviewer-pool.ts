import type { ReviewerCandidate } from '@jimukyoku/domain';
import type { EntityManager } from 'typeorm';

/**
 * The reviewer pool as the assignment planner reads it: every active reviewer with their open load
 * (assignments neither submitted nor revoked), their capacity and their declared conflicts.
 */
export async function reviewerPool(m: EntityManager, reviewerIds?: string[]): Promise<ReviewerCandidate[]> {
  const rows: { id: string; name: string; organisation: string | null; capacity: number; load: number; corporate_numbers: string[]; organisations: string[] }[] = await m.query(
    `SELECT u.id, u.name, u.organisation, u.review_capacity AS capacity,
            (SELECT count(*)::int FROM application_assignment x WHERE x.reviewer_id = u.id AND x.revoked_at IS NULL AND x.submitted_at IS NULL) AS load,
            coalesce((SELECT array_agg(c.value) FROM conflict_of_interest c WHERE c.reviewer_id = u.id AND c.revoked_at IS NULL AND c.kind = 'corporateNumber'), '{}') AS corporate_numbers,
            coalesce((SELECT array_agg(c.value) FROM conflict_of_interest c WHERE c.reviewer_id = u.id AND c.revoked_at IS NULL AND c.kind = 'organisation'), '{}') AS organisations
       FROM staff_user u
      WHERE u.role = 'reviewer' AND u.active ${reviewerIds ? 'AND u.id = ANY($1)' : ''}
      ORDER BY u.id`,
    reviewerIds ? [reviewerIds] : [],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    maxLoad: r.capacity,
    currentLoad: r.load,
    declaredConflicts: { corporateNumbers: r.corporate_numbers, organisations: r.organisations },
  }));
}
