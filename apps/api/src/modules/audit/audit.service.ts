import { Injectable } from '@nestjs/common';
import type { Transaction } from '../../database';
import { AuditRepository, type NewAuditLogEntry } from './audit.repository';

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
 * Writes audit records. Pass the change's transaction when the record belongs to a change, so the
 * change and its audit record commit (or roll back) together.
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
