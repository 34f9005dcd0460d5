import { AUDIT_ENTITY_TYPE_LABELS } from '@jimukyoku/domain';

/**
 * One row of GET /api/audit-logs (append-only; the database refuses UPDATE and DELETE). Every column
 * of audit_log, no more: apps/api/src/modules/audit/audit-columns.spec.ts checks this list against the
 * API's entity (the admin imports no API code, so the wire type is kept here).
 */
export interface AuditLogRecord {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

/**
 * What GET /api/audit-logs answers for each record besides its columns: the actor's name (an auditor
 * may not read /api/users) and a label of the record it is about (受付番号 and 事業者名, a name).
 */
export interface DescribedAuditLogRecord extends AuditLogRecord {
  actorName?: string | null;
  entityLabel?: string | null;
}

/** The audit log's entityType → the admin resource that shows such a record, and with which page. */
export const ENTITY_RESOURCES: Readonly<Record<string, { resource: string; page: 'show' | 'edit' }>> = {
  staffUser: { resource: 'users', page: 'edit' },
  program: { resource: 'programs', page: 'show' },
  ruleSet: { resource: 'rule-sets', page: 'show' },
  category: { resource: 'categories', page: 'show' },
  round: { resource: 'rounds', page: 'show' },
  application: { resource: 'applications', page: 'show' },
  applicationImport: { resource: 'imports', page: 'show' },
};

/** The 対象 filter: every kind of record the audit log names (AUDIT_ENTITY_TYPE_LABELS in libs/domain). */
export const entityTypeChoices = Object.entries(AUDIT_ENTITY_TYPE_LABELS).map(([id, name]) => ({ id, name }));
