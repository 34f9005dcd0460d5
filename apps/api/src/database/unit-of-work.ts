// The one way a service groups writes into a transaction without touching TypeORM itself.
//
// A service asks the UnitOfWork to run a piece of work and receives a `Transaction`: an opaque
// handle it can only pass on to repository methods. Repositories unwrap it with `managerOf()`, so
// every statement of a state change (state, audit record, outgoing notifications) runs on the same
// connection and commits or rolls back together, and SQL stays in `*.repository.ts` files.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const MANAGER = Symbol('transaction manager');

/** A transaction in progress. Opaque to services: pass it to repository methods, nothing else. */
export interface Transaction {
  readonly [MANAGER]: EntityManager;
}

/** Wraps a TypeORM manager (a repository's or a seed step's transaction) as a Transaction. */
export function asTransaction(manager: EntityManager): Transaction {
  return { [MANAGER]: manager };
}

/**
 * The manager a repository runs its statements on: the transaction's when one is given, else the
 * repository's own data source (a single statement outside any transaction).
 */
export function managerOf(tx: Transaction | undefined, dataSource: DataSource): EntityManager {
  return tx ? tx[MANAGER] : dataSource.manager;
}

/** The manager of a transaction in progress (for database/ helpers that take a Transaction, e.g. WriteChain). */
export function transactionManager(tx: Transaction): EntityManager {
  return tx[MANAGER];
}

@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction: everything it passes `tx` to commits together or not at all. `lockWaitMs`: the
   * longest any of its statements waits for a lock, where that is shorter than the connection's (DATABASE_LOCK_TIMEOUT_MS);
   * past it the transaction fails with 55P03 (isLockTimeout) and nothing of it is stored.
   */
  run<T>(work: (tx: Transaction) => Promise<T>, options: { lockWaitMs?: number } = {}): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if (options.lockWaitMs !== undefined) await shortenLockWait(manager, options.lockWaitMs);
      return work(asTransaction(manager));
    });
  }
}

/** SET LOCAL lock_timeout to `ms` unless the session's is already shorter (0 is none at all, so longer). */
async function shortenLockWait(manager: EntityManager, ms: number): Promise<void> {
  await manager.query(
    `SELECT set_config('lock_timeout', CASE WHEN current_setting('lock_timeout')::interval BETWEEN interval '1 microsecond' AND $1::text::interval
       THEN current_setting('lock_timeout') ELSE $1::text END, true)`,
    [`${Math.max(1, Math.trunc(ms))}ms`],
  );
}
