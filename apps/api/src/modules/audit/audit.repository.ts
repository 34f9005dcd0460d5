import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { ListQuery, ListSpec } from '../../common/list-query';
import { managerOf, type Transaction } from '../../database';
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
export const AUDIT_LIST: ListSpec = {
  sortable: AUDIT_SORTABLE,
  defaultSort: ['occurredAt', 'DESC'],
  filters: { id: 'serials', action: 'string', actorId: 'uuid', entityType: 'string', entityId: 'string', occurredFrom: 'instant', occurredTo: 'instant' },
};

/** A new audit_log row: every column but the ones the database fills (id, occurred_at). */
export type NewAuditLogEntry = Omit<AuditLogEntry, 'id' | 'occurredAt'>;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo(): Repository<AuditLogEntry> {
    return this.dataSource.getRepository(AuditLogEntry);
  }

  /**
   * Appends one record, in `tx` when the record belongs to a change (they commit or roll back together);
   * returns its id (a transition's notifications refer to it).
   */
  async insert(entry: NewAuditLogEntry, tx?: Transaction): Promise<string> {
    // jsonb: TypeORM's deep-partial type cannot express an open record
    const inserted = await managerOf(tx, this.dataSource).insert(AuditLogEntry, { ...entry, changes: entry.changes as never });
    return String(inserted.identifiers[0].id);
  }

  /** Appends several records in one statement, in `tx` (a bulk change audits each row it writes). */
  async insertMany(entries: NewAuditLogEntry[], tx?: Transaction): Promise<void> {
    if (entries.length === 0) return;
    await managerOf(tx, this.dataSource).insert(
      AuditLogEntry,
      entries.map((entry) => ({ ...entry, changes: entry.changes as never })),
    );
  }

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
    return qb.orderBy(`a.${query.sortField}`, query.sortOrder).addOrderBy('a.id', query.sortOrder).skip(query.offset).take(query.limit).getManyAndCount();
  }

  findOne(id: string): Promise<AuditLogEntry | null> {
    return /^\d+$/.test(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Audit records of one entity, oldest first (the timeline of an application, a user, ...). */
  forEntity(entityType: string, entityId: string): Promise<AuditLogEntry[]> {
    return this.repo.find({ where: { entityType, entityId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
