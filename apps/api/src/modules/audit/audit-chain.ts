import { createHash } from 'node:crypto';

/**
 * The hash chain over the audit log, as pure functions: the canonical text of a record, the hash that
 * seals it after its predecessor, and the walk that finds the first link that does not hold.
 *
 * Canonical text: a JSON array of the record's columns as PostgreSQL prints them (id as text, the time
 * in UTC with microseconds, `changes` as jsonb's own normalised text), so a pg_dump/restore, another
 * server time zone or another client gives the same bytes. Every column of audit_log is hashed:
 * audit-columns.spec.ts fails when the entity (audit-log.entity.ts) has a column CANONICAL_FIELDS
 * lacks. A column added to audit_log later must be appended to CANONICAL_FIELDS (and older records keep
 * hashing without it only if it is null: append, never reorder).
 */
export interface CanonicalAuditRecord {
  id: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ` */
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  /** jsonb text */
  changes: string;
  requestId: string | null;
  ip: string | null;
}

/** The columns in the order they are hashed: the one list the chain's SQL and the verifier follow. */
export const CANONICAL_FIELDS = [
  'id',
  'occurredAt',
  'actorId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'fromStatus',
  'toStatus',
  'reason',
  'changes',
  'requestId',
  'ip',
] as const satisfies readonly (keyof CanonicalAuditRecord)[];
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalText(r: CanonicalAuditRecord): string {
  return JSON.stringify(CANONICAL_FIELDS.map((field) => r[field]));
}

export function sealHash(prevHash: string, record: CanonicalAuditRecord): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalText(record)}`, 'utf8')
    .digest('hex');
}

/** One link of the chain as stored, with the record it seals as it is now (null: the record is gone). */
export interface ChainLink {
  seq: string;
  auditId: string;
  /** time and action as sealed, to name a record that has since been removed */
  sealedOccurredAt: string;
  sealedAction: string;
  prevHash: string;
  hash: string;
  record: CanonicalAuditRecord | null;
}

export type BreakKind = 'changed' | 'removed' | 'link-missing' | 'relinked';

export interface ChainBreak {
  kind: BreakKind;
  seq: string;
  auditId: string;
  occurredAt: string;
  action: string;
}

/** The state carried from one batch of links to the next. */
export interface ChainCursor {
  seq: bigint;
  hash: string;
  checked: number;
}

export const CHAIN_START: ChainCursor = { seq: 0n, hash: GENESIS_HASH, checked: 0 };

/**
 * Checks links in order (the next batch starts from the returned cursor): each seq follows the last,
 * each link names the previous hash, the record it seals exists and still hashes to the sealed value.
 */
export function walkChain(cursor: ChainCursor, links: ChainLink[]): { cursor: ChainCursor; broken: ChainBreak | null } {
  let { seq, hash, checked } = cursor;
  for (const link of links) {
    const name = {
      seq: link.seq,
      auditId: link.auditId,
      occurredAt: link.record?.occurredAt ?? link.sealedOccurredAt,
      action: link.record?.action ?? link.sealedAction,
    };
    if (BigInt(link.seq) !== seq + 1n) return { cursor: { seq, hash, checked }, broken: { kind: 'link-missing', ...name } };
    if (link.prevHash !== hash) return { cursor: { seq, hash, checked }, broken: { kind: 'relinked', ...name } };
    if (!link.record) return { cursor: { seq, hash, checked }, broken: { kind: 'removed', ...name } };
    if (link.record.id !== link.auditId || sealHash(hash, link.record) !== link.hash)
      return { cursor: { seq, hash, checked }, broken: { kind: 'changed', ...name } };
    seq = BigInt(link.seq);
    hash = link.hash;
    checked++;
  }
  return { cursor: { seq, hash, checked }, broken: null };
}

export function describeBreak(b: ChainBreak): string {
  const what: Record<BreakKind, string> = {
    changed: 'its content differs from what was sealed (changed after sealing)',
    removed: 'it was removed from audit_log after sealing',
    'link-missing': 'the chain link before it is missing (a chain row was removed)',
    relinked: 'its link does not follow the previous one (the chain was edited)',
  };
  return `record id ${b.auditId} (${b.occurredAt}, ${b.action}), chain seq ${b.seq}: ${what[b.kind]}`;
}
