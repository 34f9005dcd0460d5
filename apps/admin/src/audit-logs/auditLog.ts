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

export const ENTITY_TYPES = ['staffUser', 'program', 'ruleSet', 'category', 'round', 'application', 'notification'] as const;
export const entityTypeChoices = ENTITY_TYPES.map((type) => ({ id: type, name: `app.audit.entity_types.${type}` }));
