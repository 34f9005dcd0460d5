import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { Transaction } from '../../database';
import type { ChainPart, WriteChain } from '../../database/write-chain';
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

export interface Answer {
  status: HttpStatus;
  body: Record<string, unknown>;
}

/**
 * Where a work may store its answer itself: as a part of the statement that writes its change (`after`, e.g. the
 * new application: written only if that part writes), one statement fewer than storing it afterwards.
 */
export interface AnswerStore {
  inChain(chain: WriteChain, after: ChainPart, answer: Answer): void;
}

/**
 * Runs `work` at most once per (channel, Idempotency-Key), inside the caller's transaction. The key is
 * claimed first: a concurrent request with the same key waits on the claim and, once this one commits,
 * gets the stored answer. A failed request rolls its claim back, so a retry is processed afresh. The answer
 * is stored after `work`, unless `work` stored it in its own statement (AnswerStore): then that answer is
 * the one returned, so the first answer and every replay are the same.
 */
export async function onceForKey(
  repo: IntakeRepository,
  tx: Transaction,
  channelId: string,
  key: string,
  hash: string,
  work: (answers: AnswerStore) => Promise<Answer>,
): Promise<StoredResponse> {
  if (!(await repo.claimKey(channelId, key, hash, tx))) {
    const first = await repo.storedAnswer(channelId, key, tx);
    if (first.requestHash !== hash) throw new IntakeError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' });
    return { status: first.status, body: first.body, replayed: true };
  }
  let stored: Answer | undefined;
  const result = await work({
    inChain: (chain, after, answer) => {
      repo.storeAnswerIn(chain, 'stored_answer', channelId, key, answer, after);
      stored = answer;
    },
  });
  if (stored) return { ...stored, replayed: false };
  await repo.storeAnswer(channelId, key, result.status, result.body, tx);
  return { ...result, replayed: false };
}
