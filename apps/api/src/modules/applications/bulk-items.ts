import { ApplicationError } from './transitions.errors';

/** One application's outcome in a bulk transition (TransitionsService.fireBulk): each is its own transaction. */
export interface BulkItemResult {
  id: string;
  ok: boolean;
  status?: string;
  code?: string;
  message?: string;
}

/** 503 BULK_INTERRUPTED: how many were done, which (`results`) and which were not tried (`notAttempted`). */
export function bulkInterrupted(results: BulkItemResult[], notAttempted: string[]): ApplicationError {
  const done = results.filter((r) => r.ok).length;
  return new ApplicationError(
    'BULK_INTERRUPTED',
    { results, notAttempted },
    `データベースに一時的に接続できなくなったため、一括操作を${results.length}件目の後で中断しました（実行済み${done}件はそのままです。残り${notAttempted.length}件は未処理）。少し待ってから同じ操作をもう一度実行してください。実行済みの申請は「現在の状態からは実行できません」として報告されます。`,
  );
}

/**
 * How long a bulk item waits for its application's lock. An ordinary change holds one for milliseconds; held longer, it
 * is a long transaction (a decision over many applications, a maintenance session) that likely holds the next ones
 * too: waiting DATABASE_LOCK_TIMEOUT_MS (15 s) for each would hold the manager's request for minutes.
 */
export const BULK_ITEM_LOCK_WAIT_MS = 1_000;

/** A bulk item whose application another transaction held past BULK_ITEM_LOCK_WAIT_MS: nothing of it was stored. */
export function lockedItem(id: string): BulkItemResult {
  return {
    id,
    ok: false,
    code: 'LOCKED',
    message: 'この申請は別の処理が更新中のため、変更しませんでした。しばらく待ってから、この申請だけもう一度実行してください。',
  };
}
