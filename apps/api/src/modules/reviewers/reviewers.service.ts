import { Injectable } from '@nestjs/common';
import { normaliseCorporateNumber, normaliseOrganisationName, validateCorporateNumber } from '@jimukyoku/domain';
import type { AuthenticatedUser } from '../../auth/roles';
import type { RequestMeta } from '../../common/request-meta';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { UnitOfWork } from '../../database';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import type { ConflictDto, ReviewerSettingsDto } from './dto/reviewer.dto';
import { ReviewerError } from './reviewers.errors';
import { ReviewersRepository, type ConflictFilter, type ReviewerFilter } from './reviewers.repository';

export type { ConflictFilter, ReviewerFilter } from './reviewers.repository';

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
    private readonly reviewers: ReviewersRepository,
    private readonly users: UsersRepository,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  list(query: ListQuery<ReviewerFilter>) {
    return this.reviewers.list(query);
  }

  async get(id: string) {
    const [rows] = await this.list({ filter: { id: [id] }, sortField: 'name', sortOrder: 'ASC', offset: 0, limit: 1 });
    if (!rows[0]) throw new ReviewerError('REVIEWER_NOT_FOUND');
    return rows[0];
  }

  async update(id: string, dto: ReviewerSettingsDto, actor: AuthenticatedUser, meta: RequestMeta) {
    await this.uow.run(async (tx) => {
      const u = await this.reviewers.lockReviewer(id, tx);
      if (!u) throw new ReviewerError('REVIEWER_NOT_FOUND');
      const changes: Record<string, unknown> = {};
      if (dto.organisation !== undefined && dto.organisation !== u.organisation)
        changes.organisation = { from: u.organisation, to: dto.organisation?.trim() || null };
      if (dto.reviewCapacity !== undefined && dto.reviewCapacity !== u.reviewCapacity)
        changes.reviewCapacity = { from: u.reviewCapacity, to: dto.reviewCapacity };
      if (Object.keys(changes).length === 0) return;
      if ('organisation' in changes) u.organisation = (changes.organisation as { to: string | null }).to;
      u.reviewCapacity = dto.reviewCapacity ?? u.reviewCapacity;
      await this.users.save(tx, u);
      await this.audit.record({ actor, action: 'reviewer.update', entityType: 'staffUser', entityId: id, changes, ...meta }, tx);
      // a new organisation may now conflict with open assignments
      if ('organisation' in changes) await this.assignments.revokeConflicting(id, actor, meta, tx);
    });
    return this.get(id);
  }

  listConflicts(query: ListQuery<ConflictFilter>, user: AuthenticatedUser) {
    return this.reviewers.listConflicts(query, user);
  }

  async getConflict(id: string, user: AuthenticatedUser) {
    const c = await this.reviewers.findConflict(id);
    if (!c || (user.role === 'reviewer' && c.reviewerId !== user.id)) throw new ReviewerError('CONFLICT_NOT_FOUND');
    return c;
  }

  async declare(dto: ConflictDto, actor: AuthenticatedUser, meta: RequestMeta) {
    if (actor.role === 'reviewer' && dto.reviewerId !== actor.id) throw new ReviewerError('DECLARE_OWN_ONLY');
    // a 法人番号 in the form it is published in (full-width digits and any hyphen as typed are fine), its check digit
    // right: a mistyped number would be stored and protect no one
    const value = dto.kind === 'corporateNumber' ? normaliseCorporateNumber(dto.value) : dto.value.trim();
    const invalidNumber = dto.kind === 'corporateNumber' ? validateCorporateNumber(value) : null;
    if (invalidNumber && !invalidNumber.ok) {
      throw new ReviewerError('INVALID_CONFLICT', { errors: [{ field: 'value', message: invalidNumber.message }] }, invalidNumber.message);
    }
    // blank, or a legal form alone (「株式会社」): a name that matches nothing protects no one (and blank was a 500)
    if (dto.kind === 'organisation' && normaliseOrganisationName(value) === '') {
      throw new ReviewerError(
        'INVALID_CONFLICT',
        { errors: [{ field: 'value', message: '組織名を入力してください（法人格だけでは照合できません）' }] },
        '組織名を入力してください。「株式会社」などの法人格だけでは照合できません。',
      );
    }
    return this.uow.run(async (tx) => {
      // locked before the conflict's row references it: the revocation below locks the reviewer too (as an
      // assignment does), and two declarations each holding the reference would wait for each other
      const reviewer = await this.reviewers.lockReviewer(dto.reviewerId, tx);
      if (!reviewer) throw new ReviewerError('REVIEWER_NOT_FOUND');
      const c = await this.reviewers.insertConflict({ reviewerId: dto.reviewerId, kind: dto.kind, value, note: dto.note ?? null, declaredBy: actor.id }, tx);
      await this.audit.record(
        {
          actor,
          action: 'conflictOfInterest.declare',
          entityType: 'conflictOfInterest',
          entityId: c.id,
          changes: { reviewerId: c.reviewerId, kind: c.kind, value: c.value, note: c.note },
          ...meta,
        },
        tx,
      );
      const revokedAssignments = await this.assignments.revokeConflicting(dto.reviewerId, actor, meta, tx);
      return { ...c, revokedAssignments };
    });
  }

  async revokeConflict(id: string, actor: AuthenticatedUser, meta: RequestMeta) {
    return this.uow.run(async (tx) => {
      const c = await this.reviewers.lockConflict(id, tx);
      if (!c) throw new ReviewerError('CONFLICT_NOT_FOUND');
      if (c.revokedAt) return c;
      c.revokedAt = new Date();
      c.revokedBy = actor.id;
      await this.reviewers.saveConflict(c, tx);
      await this.audit.record(
        {
          actor,
          action: 'conflictOfInterest.revoke',
          entityType: 'conflictOfInterest',
          entityId: c.id,
          changes: { reviewerId: c.reviewerId, kind: c.kind, value: c.value },
          ...meta,
        },
        tx,
      );
      return c;
    });
  }
}
