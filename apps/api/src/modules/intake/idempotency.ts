import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IntakeError } from './intake.errors';

export interface StoredResponse {
  status: HttpStatus;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** A canonical hash of a request body (keys sorted), so the same content always hashes the same. */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Runs `work` at most once per (channel, Idempotency-Key), inside the caller's transaction. The key is
 * claimed first: a concurrent request with the same key waits on the claim and, once this one commits,
 * gets the stored answer. A failed request rolls its claim back, so a retry is processed afresh.
 */
export async function onceForKey(
  m: EntityManager,
  channelId: string,
  key: string,
  hash: string,
  work: () => Promise<{ status: HttpStatus; body: Record<string, unknown> }>,
): Promise<StoredResponse> {
  const claimed: unknown[] = await m.query(
    `INSERT INTO idempotency_record (channel_id, key, request_hash, response_status, response_body)
     VALUES ($1, $2, $3, 0, '{}'::jsonb) ON CONFLICT (channel_id, key) DO NOTHING RETURNING key`,
    [channelId, key, hash],
  );
  if (claimed.length === 0) {
    const [first] = await m.query(`SELECT request_hash, response_status, response_body FROM idempotency_record WHERE channel_id = $1 AND key = $2`, [channelId, key]);
    if (first.request_hash !== hash) throw new IntakeError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' });
    return { status: first.response_status, body: first.response_body, replayed: true };
  }
  const result = await work();
  await m.query(`UPDATE idempotency_record SET response_status = $3, response_body = $4 WHERE channel_id = $1 AND key = $2`, [channelId, key, result.status, JSON.stringify(result.body)]);
  return { ...result, replayed: false };
}
