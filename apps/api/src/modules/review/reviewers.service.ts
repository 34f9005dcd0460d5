import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/is-uuid';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AuditService } from '../audit/audit.service';
import { StaffUser } from '../users/staff-user.entity';
import { AssignmentsService } from './assignments.service';
import { ConflictOfInterest } from './conflict-of-interest.entity';
import type { ConflictDto, ReviewerSettingsDto } from './dto/assignment.dto';
import { ReviewError } from './review.errors';

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

export const REVIEWER_SORTABLE = ['name', 'openCount', 'submittedCount', 'reviewCapacity'] as const;
export const REVIEWER_LIST: ListSpec = { sortable: REVIEWER_SORTABLE, defaultSort: ['name', 'ASC'], filters: { q: 'string', roundId: 'uuid' } };
export const CONFLICT_SORTABLE = ['declaredAt'] as const;
export const CONFLICT_LIST: ListSpec = { sortable: CONFLICT_SORTABLE, defaultSort: ['declaredAt', 'DESC'], filters: { reviewerId: 'uuid', active: 'boolean' } };

/**
 * The reviewer pool for the assignment board (load per reviewer: open, overdue, submitted, capacity)
 * and their declared conflicts of interest. A reviewer may declare their own conflicts; managers
 * declare and revoke any. A declaration revokes the reviewer's open assignments it now forbids.
 */
@Injectable()
export class ReviewersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<ReviewerFilter>) {
    const f = query.filter;
    const params: unknown[] = [];
    const where = [`u.role = 'reviewer'`];
    if (f.id) where.push(`u.id = ANY($${params.push(f.id.filter(isUuid))})`);
    if (f.q) where.push(`(u.name || ' ' || u.email || ' ' || coalesce(u.organisation, '')) ILIKE $${params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const roundJoin = isUuid(f.roundId) ? `AND x.application_id IN (SELECT id FROM application WHERE round_id = $${params.push(f.roundId)})` : '';
    const sql = `
      SELECT u.id, u.name, u.email, u.organisation, u.active, u.review_capacity AS "reviewCapacity",
             count(x.id) FILTER (WHERE x.submitted_at IS NULL)::int AS "openCount",
             count(x.id) FILTER (WHERE x.submitted_at IS NULL AND x.due_at < now())::int AS "overdueCount",
             count(x.id) FILTER (WHERE x.submitted_at IS NOT NULL)::int AS "submittedCount",
             count(x.id) FILTER (WHERE x.purpose = 'formalCheck' AND x.submitted_at IS NULL)::int AS "openFormalChecks",
             (SELECT count(*)::int FROM conflict_of_interest c WHERE c.reviewer_id = u.id AND c.revoked_at IS NULL) AS "conflictCount"
        FROM staff_user u
        LEFT JOIN application_assignment x ON x.reviewer_id = u.id AND x.revoked_at IS NULL ${roundJoin}
       WHERE ${where.join(' AND ')}
       GROUP BY u.id`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${sql}) t`, params);
    const rows = await this.dataSource.query(`SELECT * FROM (${sql}) t ORDER BY "${query.sortField}" ${query.sortOrder}, id OFFSET ${query.offset} LIMIT ${query.limit}`, params);
    return [rows, total] as [unknown[], number];
  }

  async get(id: string) {
    const [rows] = await this.list({ filter: { id: [id] }, sortField: 'name', sortOrder: 'ASC', offset: 0, limit: 1 });
    if (!rows[0]) throw new ReviewError('REVIEWER_NOT_FOUND');
    return rows[0];
  }

  async update(id: string, dto: ReviewerSettingsDto, actor: AuthenticatedUser, meta: RequestMeta) {
    await this.dataSource.transaction(async (m) => {
      const u = isUuid(id) ? await m.findOne(StaffUser, { where: { id, role: 'reviewer' }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!u) throw new ReviewError('REVIEWER_NOT_FOUND');
      const changes: Record<string, unknown> = {};
      if (dto.organisation !== undefined && dto.organisation !== u.organisation) changes.organisation = { from: u.organisation, to: dto.organisation?.trim() || null };
      if (dto.reviewCapacity !== undefined && dto.reviewCapacity !== u.reviewCapacity) changes.reviewCapacity = { from: u.reviewCapacity, to: dto.reviewCapacity };
      if (Object.keys(changes).length === 0) return;
      if ('organisation' in changes) u.organisation = (changes.organisation as { to: string | null }).to;
      u.reviewCapacity = dto.reviewCapacity ?? u.reviewCapacity;
      await m.save(u);
      await this.audit.record({ actor, action: 'reviewer.update', entityType: 'staffUser', entityId: id, changes, ...meta }, m);
      // a new organisation may now conflict with open assignments
      if ('organisation' in changes) await this.assignments.revokeConflicting(m, id, actor, meta);
    });
    return this.get(id);
  }

  async listConflicts(query: ListQuery<ConflictFilter>, user: AuthenticatedUser) {
    const qb = this.dataSource.getRepository(ConflictOfInterest).createQueryBuilder('c');
    if (user.role === 'reviewer') qb.andWhere('c.reviewer_id = :me', { me: user.id });
    if (query.filter.id) qb.andWhere('c.id IN (:...ids)', { ids: query.filter.id.filter(isUuid).concat('00000000-0000-4000-8000-000000000000') });
    if (query.filter.reviewerId) qb.andWhere('c.reviewer_id = :reviewerId', { reviewerId: isUuid(query.filter.reviewerId) ? query.filter.reviewerId : '00000000-0000-4000-8000-000000000000' });
    if (query.filter.active !== undefined) qb.andWhere(query.filter.active ? 'c.revoked_at IS NULL' : 'c.revoked_at IS NOT NULL');
    return qb.orderBy('c.declared_at', query.sortOrder).addOrderBy('c.id').skip(query.offset).take(query.limit).getManyAndCount();
  }

  async getConflict(id: string, user: AuthenticatedUser) {
    const c = isUuid(id) ? await this.dataSource.manager.findOneBy(ConflictOfInterest, { id }) : null;
    if (!c || (user.role === 'reviewer' && c.reviewerId !== user.id)) throw new ReviewError('CONFLICT_NOT_FOUND');
    return c;
  }

  async declare(dto: ConflictDto, actor: AuthenticatedUser, meta: RequestMeta) {
    if (actor.role === 'reviewer' && dto.reviewerId !== actor.id) throw new ReviewError('DECLARE_OWN_ONLY');
    const value = dto.kind === 'corporateNumber' ? dto.value.replace(/[\s-]/g, '').normalize('NFKC') : dto.value.trim();
    if (dto.kind === 'corporateNumber' && !/^\d{13}$/.test(value)) {
      throw new ReviewError('INVALID_CONFLICT', { errors: [{ field: 'value', message: '法人番号は13桁の数字で入力してください' }] }, '法人番号は13桁の数字で入力してください。');
    }
    return this.dataSource.transaction(async (m) => {
      const reviewer = isUuid(dto.reviewerId) ? await m.findOneBy(StaffUser, { id: dto.reviewerId, role: 'reviewer' }) : null;
      if (!reviewer) throw new ReviewError('REVIEWER_NOT_FOUND');
      const c = await m.save(m.create(ConflictOfInterest, { reviewerId: dto.reviewerId, kind: dto.kind, value, note: dto.note ?? null, declaredBy: actor.id }));
      await this.audit.record({ actor, action: 'conflictOfInterest.declare', entityType: 'conflictOfInterest', entityId: c.id, changes: { reviewerId: c.reviewerId, kind: c.kind, value: c.value, note: c.note }, ...meta }, m);
      const revokedAssignments = await this.assignments.revokeConflicting(m, dto.reviewerId, actor, meta);
      return { ...c, revokedAssignments };
    });
  }

  async revokeConflict(id: string, actor: AuthenticatedUser, meta: RequestMeta) {
    return this.dataSource.transaction(async (m) => {
      const c = isUuid(id) ? await m.findOne(ConflictOfInterest, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!c) throw new ReviewError('CONFLICT_NOT_FOUND');
      if (c.revokedAt) return c;
      c.revokedAt = new Date();
      c.revokedBy = actor.id;
      await m.save(c);
      await this.audit.record({ actor, action: 'conflictOfInterest.revoke', entityType: 'conflictOfInterest', entityId: c.id, changes: { reviewerId: c.reviewerId, kind: c.kind, value: c.value }, ...meta }, m);
      return c;
    });
  }
}
