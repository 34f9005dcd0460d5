import { registeredWorkflows } from '@jimukyoku/workflow';
import { ApplicationError, TransitionRefused } from './transitions.errors';

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

/**
 * The label of the transition a bulk operation names, from the workflows that have it; a name no workflow has is the
 * request's mistake, not each application's: 400 UNKNOWN_TRANSITION before any application is touched.
 */
export function bulkTransitionLabel(transition: string): string {
  const found = registeredWorkflows()
    .flatMap((w) => w.transitions)
    .find((t) => t.name === transition);
  if (!found)
    throw new TransitionRefused('UNKNOWN_TRANSITION', `操作「${transition}」はどの手続にもありません。GET /api/workflows にある遷移名を指定してください。`);
  return found.label;
}

/**
 * An item refused because its own workflow lacks the transition (a 給付金 among 補助金 selected for 書面審査を完了): said
 * with the transition's label, not its internal name.
 */
export function notInItsWorkflow(id: string, label: string): BulkItemResult {
  return { id, ok: false, code: 'UNKNOWN_TRANSITION', message: `この申請の手続には「${label}」の操作がありません。` };
}
