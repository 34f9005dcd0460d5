import type { DataSource } from 'typeorm';
import type { AttachmentStorage } from '../modules/intake/attachment-storage';
import type { SeedContext, SeedStep } from './seed-step';
import { isDatabaseUnavailable, isLockTimeout, isTransactionConflict } from '../database/connection-faults';
import { SEED_STEPS } from './seed-steps';

export interface SeedReport {
  step: string;
  summary: string;
}

/**
 * Runs the seed steps in order, each in its own transaction. `demo` (development only) adds the demo
 * steps; without it the first administrator gets INITIAL_ADMIN_PASSWORD or a random password.
 */
export async function runSeed(
  dataSource: DataSource,
  options: { demo: boolean; steps?: SeedStep[]; initialAdminPassword?: string | null; attachmentStorage?: AttachmentStorage } = { demo: true },
): Promise<SeedReport[]> {
  const steps = (options.steps ?? SEED_STEPS).filter((s) => s.kind === 'reference' || options.demo);
  const context: SeedContext = { demo: options.demo, initialAdminPassword: options.initialAdminPassword ?? null, attachmentStorage: options.attachmentStorage };
  const reports: SeedReport[] = [];
  for (const step of steps) reports.push({ step: step.name, summary: await runStep(dataSource, step, context) });
  return reports;
}

/** Tries of one step when PostgreSQL drops out meanwhile, waiting 0.5, 1, 2 and 4 s in between. */
export const SEED_STEP_ATTEMPTS = 5;

/**
 * One step in its own transaction. A connection lost, a lock waited for too long or a transaction given up for another's sake rolls the step
 * back whole, and every step finds what an earlier run wrote, so it is simply run again: `npm start` seeds after the
 * API already serves, and a blip there ended the serving process.
 */
async function runStep(dataSource: DataSource, step: SeedStep, context: SeedContext): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction((manager) => step.run(manager, context));
    } catch (e) {
      if (attempt >= SEED_STEP_ATTEMPTS || !(isDatabaseUnavailable(e) || isTransactionConflict(e) || isLockTimeout(e))) throw e;
      await new Promise((r) => setTimeout(r, 500 * 2 ** (attempt - 1)));
    }
  }
}
