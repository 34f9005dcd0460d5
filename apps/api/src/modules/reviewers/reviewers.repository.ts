import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../auth/roles';
import { isUuid } from '../../common/is-uuid';
import type { ListQuery } from '../../common/list-query';
import { entityPage, managerOf, type Transaction } from '../../database';
import { containing } from '../../database/like-pattern';
import { ASSIGNMENT_PURPOSE } from '../assignments/application-assignment.entity';
import { endedStates, waitingStates } from '../assignments/assignments.repository';
import { StaffUser } from '../users/staff-user.entity';
import { ConflictOfInterest } from './conflict-of-interest.entity';

export interface ReviewerFilter {
  id?: string[];
  q?: string;
  roundId?: string;
}

export interface ConflictFilter {
  id?: string[];
  reviewerId?: string;
  active?: boolean;
}

const NO_ID = '00000000-0000-4000-8000-000000000000';
/** Sortable fields of the conflicts list (CONFLICT_LIST), by the name the API answers with. */
const CONFLICT_SORT: Record<string, string> = { id: 'c.id', declaredAt: 'c.declared_at' };

/**
 * All SQL of conflict_of_interest (this module's table), and the reads of reviewers (staff_user with
 * role reviewer) with their load from application_assignment. Reviewer settings are written through
 * the users module's repository.
 */
@Injectable()
export class ReviewersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reviewers with their load (unsubmitted of applications not ended: endedStates), overdue, submitted and open 要件確認
   * (neither counts an application waiting on the applicant or ended: waitingStates) and their active conflicts,
   * optionally within one round.
   */
  async list(query: ListQuery<ReviewerFilter>): Promise<[unknown[], number]> {
    const f = query.filter;
    const params: unknown[] = [];
    const where = [`u.role = 'reviewer'`];
    if (f.id) where.push(`u.id = ANY($${params.push(f.id.filter(isUuid))})`);
    if (f.q) where.push(`(u.name || ' ' || u.email || ' ' || coalesce(u.organisation, '')) ILIKE $${params.push(containing(f.q))}`);
    const roundJoin = isUuid(f.roundId) ? `AND x.application_id IN (SELECT id FROM application WHERE round_id = $${params.push(f.roundId)})` : '';
    // the load: not submitted, its application not ended (a 差戻し's comes back); open work besides: not waiting on the
    // applicant either (as the 割当 list's `open`), so neither overdue nor an open 要件確認
    const load = `x.submitted_at IS NULL AND NOT a.status = ANY($${params.push(endedStates())})`;
    const open = `x.submitted_at IS NULL AND NOT a.status = ANY($${params.push(waitingStates())})`;
    const sql = `
      SELECT u.id, u.name, u.email, u.organisation, u.active, u.review_capacity AS "reviewCapacity",
             count(x.id) FILTER (WHERE ${load})::int AS "openCount",
             count(x.id) FILTER (WHERE ${open} AND x.due_at < now())::int AS "overdueCount",
             count(x.id) FILTER (WHERE x.submitted_at IS NOT NULL)::int AS "submittedCount",
             count(x.id) FILTER (WHERE x.purpose = $${params.push(ASSIGNMENT_PURPOSE.formalCheck)} AND ${open})::int AS "openFormalChecks",
             (SELECT count(*)::int FROM conflict_of_interest c WHERE c.reviewer_id = u.id AND c.revoked_at IS NULL) AS "conflictCount"
        FROM staff_user u
        LEFT JOIN application_assignment x ON x.reviewer_id = u.id AND x.revoked_at IS NULL ${roundJoin}
        LEFT JOIN application a ON a.id = x.application_id
       WHERE ${where.join(' AND ')}
       GROUP BY u.id`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) t`, params);
    const rows = await this.dataSource.query(
      `SELECT * FROM (${sql}) t ORDER BY "${query.sortField}" ${query.sortOrder}, id OFFSET ${query.offset} LIMIT ${query.limit}`,
      params,
    );
    return [rows, total];
  }

  /** A reviewer account, locked for this transaction. */
  lockReviewer(id: string, tx: Transaction): Promise<StaffUser | null> {
    return isUuid(id)
      ? managerOf(tx, this.dataSource).findOne(StaffUser, { where: { id, role: 'reviewer' }, lock: { mode: 'pessimistic_write' } })
      : Promise.resolve(null);
  }

  listConflicts(query: ListQuery<ConflictFilter>, user: AuthenticatedUser): Promise<[ConflictOfInterest[], number]> {
    const qb = this.dataSource.getRepository(ConflictOfInterest).createQueryBuilder('c');
    if (user.role === 'reviewer') qb.andWhere('c.reviewer_id = :me', { me: user.id });
    if (query.filter.id) qb.andWhere('c.id IN (:...ids)', { ids: query.filter.id.filter(isUuid).concat(NO_ID) });
    if (query.filter.reviewerId) qb.andWhere('c.reviewer_id = :reviewerId', { reviewerId: isUuid(query.filter.reviewerId) ? query.filter.reviewerId : NO_ID });
    if (query.filter.active !== undefined) qb.andWhere(query.filter.active ? 'c.revoked_at IS NULL' : 'c.revoked_at IS NOT NULL');
    return entityPage(qb, { order: { column: CONFLICT_SORT[query.sortField] ?? 'c.declared_at', direction: query.sortOrder }, tieBreak: 'c.id', ...query });
  }

  findConflict(id: string): Promise<ConflictOfInterest | null> {
    return isUuid(id) ? this.dataSource.manager.findOneBy(ConflictOfInterest, { id }) : Promise.resolve(null);
  }

  lockConflict(id: string, tx: Transaction): Promise<ConflictOfInterest | null> {
    return isUuid(id)
      ? managerOf(tx, this.dataSource).findOne(ConflictOfInterest, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : Promise.resolve(null);
  }

  insertConflict(values: Pick<ConflictOfInterest, 'reviewerId' | 'kind' | 'value' | 'note' | 'declaredBy'>, tx: Transaction): Promise<ConflictOfInterest> {
    const m = managerOf(tx, this.dataSource);
    return m.save(m.create(ConflictOfInterest, values));
  }

  saveConflict(c: ConflictOfInterest, tx: Transaction): Promise<ConflictOfInterest> {
    return managerOf(tx, this.dataSource).save(c);
  }
}
