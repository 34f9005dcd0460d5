import type { EntityManager } from 'typeorm';
import type { AttachmentStorage } from '../modules/intake/attachment-storage';

/** What `npm start` knows when it seeds: the mode and the operator's settings. */
export interface SeedContext {
  /** development: demo data, demo staff and a known password for the first administrator */
  demo: boolean;
  /** INITIAL_ADMIN_PASSWORD; null = the development demo password, or outside development a random one printed once */
  initialAdminPassword: string | null;
  /** where the demo's attachments are written (the running app's ATTACHMENT_STORAGE); without it they are skipped */
  attachmentStorage?: AttachmentStorage;
}

/**
 * One idempotent part of the data `npm start` loads. `run` must leave the database the same when it
 * is run twice (upsert by stable codes, insert-if-missing), and returns a one-line summary.
 */
export interface SeedStep {
  readonly name: string;
  /** reference data is loaded everywhere; demo data only by `npm start` in development. */
  readonly kind: 'reference' | 'demo';
  run(manager: EntityManager, context: SeedContext): Promise<string>;
}
