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

  /** Runs `work` in one transaction: everything it passes `tx` to commits together or not at all. */
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTransaction(manager)));
  }
}
