import type { Transaction, UnitOfWork } from '../../database';

/**
 * Claim-and-write in batches, each batch its own transaction (what it claims and what it writes
 * commit together), until a batch comes back short. Returns how many were handled in all.
 */
export async function inBatches(uow: UnitOfWork, batch: number, claimAndWrite: (tx: Transaction) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await uow.run(claimAndWrite);
    total += n;
    if (n < batch) return total;
  }
}
