import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { Transaction } from '../../database';
import { IntakeError } from './intake.errors';
import type { IntakeRepository } from './intake.repository';

export interface StoredResponse {
  status: HttpStatus;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** A canonical hash of a request body (keys sorted), so the same content always hashes the same. */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/**
 * Runs `work` at most once per (channel, Idempotency-Key), inside the caller's transaction. The key is
 * claimed first: a concurrent request with the same key waits on the claim and, once this one commits,
 * gets the stored answer. A failed request rolls its claim back, so a retry is processed afresh.
 */
export async function onceForKey(
  repo: IntakeRepository,
  tx: Transaction,
  channelId: string,
  key: string,
  hash: string,
  work: () => Promise<{ status: HttpStatus; body: Record<string, unknown> }>,
): Promise<StoredResponse> {
  if (!(await repo.claimKey(channelId, key, hash, tx))) {
    const first = await repo.storedAnswer(channelId, key, tx);
    if (first.requestHash !== hash) throw new IntakeError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' });
    return { status: first.status, body: first.body, replayed: true };
  }
  const result = await work();
  await repo.storeAnswer(channelId, key, result.status, result.body, tx);
  return { ...result, replayed: false };
}
