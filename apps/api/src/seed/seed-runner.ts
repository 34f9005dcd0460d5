import type { DataSource } from 'typeorm';
import type { AttachmentStorage } from '../modules/intake/attachment-storage';
import type { SeedContext, SeedStep } from './seed-step';
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
  for (const step of steps) {
    const summary = await dataSource.transaction((manager) => step.run(manager, context));
    reports.push({ step: step.name, summary });
  }
  return reports;
}
