import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntry } from './audit-log.entity';

export interface AuditActor {
  id: string | null;
  role: string | null;
}

export interface AuditRecord {
  actor?: AuditActor | null;
  action: string;
  entityType?: string;
  entityId?: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
  changes?: Record<string, unknown>;
  requestId?: string;
  ip?: string;
}

/**
 * Writes audit records. Pass the transaction's EntityManager when the record belongs to a change, so
 * the change and its audit record commit (or roll back) together.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditLogEntry, {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      reason: entry.reason ?? null,
      // jsonb: TypeORM's deep-partial type cannot express an open record
      changes: (entry.changes ?? {}) as never,
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
    });
  }
}
