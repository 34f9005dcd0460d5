import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CANONICAL_FIELDS, CanonicalAuditRecord, CanonicalField, ChainLink, GENESIS_HASH, sealHash } from './audit-chain';

/** Each canonical field's text form (see audit-chain.ts) as SQL over audit_log alias `a`. */
const CANONICAL_SQL: Record<CanonicalField, string> = {
  id: `a.id::text`,
  occurredAt: `to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  actorId: `a.actor_id::text`,
  actorRole: `a.actor_role`,
  action: `a.action`,
  entityType: `a.entity_type`,
  entityId: `a.entity_id`,
  fromStatus: `a.from_status`,
  toStatus: `a.to_status`,
  reason: `a.reason`,
  changes: `a.changes::text`,
  requestId: `a.request_id`,
  ip: `a.ip`,
};

/** The audit_log columns in their canonical text forms, selected from alias `a` under their field names. */
const CANONICAL_COLUMNS = CANONICAL_FIELDS.map((field) => `${CANONICAL_SQL[field]} AS "${field}"`).join(', ');

const pick = (row: Record<string, string | null>): CanonicalAuditRecord =>
  Object.fromEntries(CANONICAL_FIELDS.map((field) => [field, row[field]])) as unknown as CanonicalAuditRecord;

export interface UnsealedReport {
  /** committed records waiting in the queue for the sealer */
  waiting: number;
  oldestWaitingAt: string | null;
  /** records neither sealed nor queued: their queue entry was removed, so they will never be sealed */
  unqueued: { id: string; occurredAt: string; action: string } | null;
  unqueuedCount: number;
  /** queued ids whose record no longer exists: removed before it could be sealed */
  vanished: string | null;
  vanishedCount: number;
}

/**
 * The SQL of the audit chain. Sealing takes the queued records this transaction can see (committed,
 * so the chain follows commit order), one sealer at a time (a try-lock: a second one skips), and never
 * makes a writer wait: writers only insert into the queue.
 */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seals up to `batch` queued records in one transaction; returns how many (0 when another sealer runs). */
  sealBatch(batch: number): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('audit_chain.seal')) AS locked`);
      if (!locked) return 0;
      const records: Record<string, string | null>[] = await m.query(
        `SELECT ${CANONICAL_COLUMNS} FROM audit_seal_queue q JOIN audit_log a ON a.id = q.audit_id ORDER BY a.id LIMIT $1`,
        [batch],
      );
      if (records.length === 0) return 0;
      const [head] = await m.query(`SELECT c.seq::text AS seq, c.hash FROM audit_chain c ORDER BY c.seq DESC LIMIT 1`);
      let seq = BigInt(head?.seq ?? 0);
      let prev: string = head?.hash ?? GENESIS_HASH;
      const rows = records.map((row) => {
        const record = pick(row);
        const hash = sealHash(prev, record);
        seq += 1n;
        const link = { seq: seq.toString(), auditId: record.id, occurredAt: record.occurredAt, action: record.action, prevHash: prev, hash };
        prev = hash;
        return link;
      });
      await m.query(
        `INSERT INTO audit_chain (seq, audit_id, occurred_at, action, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])`,
        [
          rows.map((r) => r.seq),
          rows.map((r) => r.auditId),
          rows.map((r) => r.occurredAt),
          rows.map((r) => r.action),
          rows.map((r) => r.prevHash),
          rows.map((r) => r.hash),
        ],
      );
      await m.query(`DELETE FROM audit_seal_queue WHERE audit_id = ANY($1::bigint[])`, [rows.map((r) => r.auditId)]);
      return rows.length;
    });
  }

  /** Seals until the queue is empty (or `maxBatches` were sealed); returns how many records. */
  async sealPending(batch = 1000, maxBatches = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.sealBatch(batch);
      total += n;
      if (n < batch) break;
    }
    return total;
  }

  /** Chain links after `afterSeq`, in order, each with its record as it is now (null if gone). */
  async linksAfter(afterSeq: bigint, limit: number): Promise<ChainLink[]> {
    const rows: Record<string, string | null>[] = await this.dataSource.query(
      `SELECT c.seq::text AS "chainSeq", c.audit_id::text AS "chainAuditId",
              to_char(c.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "chainOccurredAt",
              c.action AS "chainAction", c.prev_hash AS "prevHash", c.hash AS "hash", ${CANONICAL_COLUMNS}
         FROM audit_chain c LEFT JOIN audit_log a ON a.id = c.audit_id
        WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
      [afterSeq.toString(), limit],
    );
    return rows.map((row) => ({
      seq: row.chainSeq as string,
      auditId: row.chainAuditId as string,
      sealedOccurredAt: row.chainOccurredAt as string,
      sealedAction: row.chainAction as string,
      prevHash: row.prevHash as string,
      hash: row.hash as string,
      record: row.id === null ? null : pick(row),
    }));
  }

  async unsealed(): Promise<UnsealedReport> {
    const [waiting] = await this.dataSource.query(
      `SELECT count(*)::int AS n, to_char(min(a.occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS oldest
         FROM audit_seal_queue q JOIN audit_log a ON a.id = q.audit_id`,
    );
    const [unqueued] = await this.dataSource.query(
      `SELECT count(*) OVER ()::int AS n, a.id::text AS id, to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt", a.action
         FROM audit_log a
        WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM audit_seal_queue q WHERE q.audit_id = a.id)
        ORDER BY a.id LIMIT 1`,
    );
    const [vanished] = await this.dataSource.query(
      `SELECT count(*) OVER ()::int AS n, q.audit_id::text AS id
         FROM audit_seal_queue q WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = q.audit_id)
        ORDER BY q.audit_id LIMIT 1`,
    );
    return {
      waiting: waiting.n,
      oldestWaitingAt: waiting.oldest,
      unqueued: unqueued ? { id: unqueued.id, occurredAt: unqueued.occurredAt, action: unqueued.action } : null,
      unqueuedCount: unqueued?.n ?? 0,
      vanished: vanished?.id ?? null,
      vanishedCount: vanished?.n ?? 0,
    };
  }
}
