import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { CANONICAL_FIELDS } from './audit-chain';
import { AuditLogEntry } from './audit-log.entity';

/**
 * The audit_log columns are listed three times, each for its own reader: the entity (what is stored and
 * what GET /api/audit-logs answers), the hash chain's CANONICAL_FIELDS (what a seal covers, in a fixed
 * order), and the admin's AuditLogRecord (apps/admin/src/audit-logs/auditLog.ts: what the admin reads;
 * the admin imports no API code, so it keeps its own copy of the wire type). They must name the same
 * columns: a column the chain lacks could be changed without breaking a seal, and one the admin lacks
 * would be returned but never shown.
 */
const entityColumns = () =>
  getMetadataArgsStorage()
    .columns.filter((c) => c.target === AuditLogEntry)
    .map((c) => c.propertyName)
    .sort();

/** The property names of `export interface AuditLogRecord { … }` in the admin's auditLog.ts. */
function adminRecordFields(): string[] {
  const source = readFileSync(join(__dirname, '../../../../admin/src/audit-logs/auditLog.ts'), 'utf8');
  const body = /export interface AuditLogRecord \{([\s\S]*?)\n\}/.exec(source)?.[1];
  if (!body) throw new Error('apps/admin/src/audit-logs/auditLog.ts no longer declares `export interface AuditLogRecord { … }`');
  return [...body.matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]).sort();
}

describe('the audit_log columns', () => {
  it('are all hashed into the chain', () => {
    expect(entityColumns()).toHaveLength(13);
    expect([...CANONICAL_FIELDS].sort()).toEqual(entityColumns());
  });

  it('are all in the admin record type, and nothing else is', () => {
    expect(adminRecordFields()).toEqual(entityColumns());
  });
});
