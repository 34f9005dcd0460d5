import { Injectable } from '@nestjs/common';
import type { ListQuery } from '../../common/list-query';
import type { Transaction } from '../../database';
import type { AuditLogEntry } from './audit-log.entity';
import { AuditRepository, type AuditLogFilter, type NewAuditLogEntry } from './audit.repository';

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
 * Writes audit records (pass the change's transaction when the record belongs to a change, so the
 * change and its audit record commit or roll back together), and reads them for GET /api/audit-logs.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(entry: AuditRecord, tx?: Transaction): Promise<void> {
    await this.repo.insert(row(entry), tx);
  }

  /** Several records in one statement (a bulk change, e.g. an auto-assignment, audits each row it writes). */
  async recordMany(entries: AuditRecord[], tx?: Transaction): Promise<void> {
    await this.repo.insertMany(entries.map(row), tx);
  }

  /** A page of the audit log, as GET /api/audit-logs lists it. */
  list(query: ListQuery<AuditLogFilter>): Promise<[AuditLogEntry[], number]> {
    return this.repo.list(query);
  }

  /** One record by its id (null when there is none, or the id is not a number). */
  get(id: string): Promise<AuditLogEntry | null> {
    return this.repo.findOne(id);
  }
}

function row(entry: AuditRecord): NewAuditLogEntry {
  return {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    changes: entry.changes ?? {},
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  };
}
