import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { AuditLogEntry } from './audit-log.entity';

export interface AuditLogFilter {
  id?: string[];
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** ISO instants */
  occurredFrom?: string;
  occurredTo?: string;
}

export const AUDIT_SORTABLE = ['id', 'occurredAt', 'action', 'entityType'] as const;
export const AUDIT_LIST: ListSpec = { sortable: AUDIT_SORTABLE, defaultSort: ['occurredAt', 'DESC'], filters: { id: 'serials', action: 'string', actorId: 'uuid', entityType: 'string', entityId: 'string', occurredFrom: 'instant', occurredTo: 'instant' } };

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditLogEntry) private readonly repo: Repository<AuditLogEntry>) {}

  async list(query: ListQuery<AuditLogFilter>): Promise<[AuditLogEntry[], number]> {
    const qb = this.repo.createQueryBuilder('a');
    const f = query.filter;
    if (f.id) qb.andWhere('a.id IN (:...ids)', { ids: f.id });
    if (f.action) qb.andWhere('a.action LIKE :action', { action: `${f.action}%` });
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.occurredFrom) qb.andWhere('a.occurred_at >= :from', { from: f.occurredFrom });
    if (f.occurredTo) qb.andWhere('a.occurred_at < :to', { to: f.occurredTo });
    return qb
      .orderBy(`a.${query.sortField}`, query.sortOrder)
      .addOrderBy('a.id', query.sortOrder)
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
  }

  findOne(id: string): Promise<AuditLogEntry | null> {
    return /^\d+$/.test(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Audit records of one entity, oldest first (the timeline of an application, a user, ...). */
  forEntity(entityType: string, entityId: string): Promise<AuditLogEntry[]> {
    return this.repo.find({ where: { entityType, entityId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
