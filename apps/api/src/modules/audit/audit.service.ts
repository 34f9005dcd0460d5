import { Injectable } from '@nestjs/common';
import type { ListQuery } from '../../common/list-query';
import { currentRequestMeta } from '../../common/request-context';
import type { Transaction } from '../../database';
import { AuditRepository, type AuditLogFilter, type DescribedAuditLogEntry, type NewAuditLogEntry } from './audit.repository';

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

  /** When `action` happened to one entity, oldest first: the record is the history of its transitions. */
  occurrences(entityType: string, entityId: string, action: string, tx?: Transaction): Promise<Date[]> {
    return this.repo.occurrences(entityType, entityId, action, tx);
  }

  /** The value under `key` of the oldest `action` record of one entity that has it, or null. */
  earliestChange(entityType: string, entityId: string, action: string, key: string, tx?: Transaction): Promise<unknown> {
    return this.repo.earliestChange(entityType, entityId, action, key, tx);
  }

  /** A page of the audit log, as GET /api/audit-logs lists it: with the actor's name and the entity's label. */
  async list(query: ListQuery<AuditLogFilter>): Promise<[DescribedAuditLogEntry[], number]> {
    const [rows, total] = await this.repo.list(query);
    return [await this.repo.describe(rows), total];
  }

  /** One record by its id, described like the list's (null when there is none, or the id is not a number). */
  async get(id: string): Promise<DescribedAuditLogEntry | null> {
    const row = await this.repo.findOne(id);
    return row ? (await this.repo.describe([row]))[0] : null;
  }
}

/** The record as stored: its request's id and client address, when the caller did not pass them, from the request being handled. */
function row(entry: AuditRecord): NewAuditLogEntry {
  const request = entry.requestId && entry.ip ? {} : currentRequestMeta();
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
    requestId: entry.requestId || request.requestId || null,
    ip: entry.ip || request.ip || null,
  };
}
