import type { EntityManager } from 'typeorm';

/**
 * One idempotent part of the data `npm start` loads. `run` must leave the database the same when it
 * is run twice (upsert by stable codes, insert-if-missing), and returns a one-line summary.
 */
export interface SeedStep {
  readonly name: string;
  /** reference data is loaded everywhere; demo data only by `npm start` (not in production). */
  readonly kind: 'reference' | 'demo';
  run(manager: EntityManager): Promise<string>;
}
