import { CHAIN_START, ChainBreak, describeBreak, walkChain } from './audit-chain';
import type { AuditChainRepository, UnsealedReport } from './audit-chain.repository';

export interface AuditVerification {
  ok: boolean;
  /** links checked before the first break (all of them when intact) */
  checked: number;
  head: { seq: string; hash: string };
  broken: ChainBreak | null;
  unsealed: UnsealedReport;
  /** what `npm run audit:verify` prints */
  report: string[];
}

/**
 * Walks the whole chain in batches and names the first broken record; then reports what is not sealed
 * yet: records waiting for the sealer (normal, for seconds), records no longer queued nor sealed, and
 * queued records that vanished before sealing (both mean someone with more than the app's rights acted).
 */
export async function verifyAuditChain(repo: AuditChainRepository, batch = 5000): Promise<AuditVerification> {
  let cursor = CHAIN_START;
  let broken: ChainBreak | null = null;
  for (;;) {
    const links = await repo.linksAfter(cursor.seq, batch);
    const step = walkChain(cursor, links);
    cursor = step.cursor;
    broken = step.broken;
    if (broken || links.length < batch) break;
  }
  const unsealed = await repo.unsealed();
  const report: string[] = [];
  if (broken) report.push(`BROKEN: ${describeBreak(broken)}`);
  else report.push(`Audit chain intact: ${cursor.checked} records sealed (head seq ${cursor.seq}, hash ${cursor.hash}).`);
  if (unsealed.vanishedCount)
    report.push(`BROKEN: ${unsealed.vanishedCount} record(s) were removed before they could be sealed (first: record id ${unsealed.vanished}).`);
  if (unsealed.unqueued) {
    report.push(
      `BROKEN: ${unsealed.unqueuedCount} record(s) are neither sealed nor queued for sealing (first: record id ${unsealed.unqueued.id} (${unsealed.unqueued.occurredAt}, ${unsealed.unqueued.action})).`,
    );
  }
  if (unsealed.waiting)
    report.push(`${unsealed.waiting} record(s) await sealing by the worker (oldest ${unsealed.oldestWaitingAt}); they are not covered yet.`);
  return {
    ok: !broken && unsealed.vanishedCount === 0 && unsealed.unqueuedCount === 0,
    checked: cursor.checked,
    head: { seq: cursor.seq.toString(), hash: cursor.hash },
    broken,
    unsealed,
    report,
  };
}
