import type { DataSource } from 'typeorm';
import type { SeedStep } from './seed-step';
import { SEED_STEPS } from './seed-steps';

export interface SeedReport {
  step: string;
  summary: string;
}

/** Runs the seed steps in order, each in its own transaction. */
export async function runSeed(
  dataSource: DataSource,
  options: { demo: boolean; steps?: SeedStep[] } = { demo: true },
): Promise<SeedReport[]> {
  const steps = (options.steps ?? SEED_STEPS).filter((s) => s.kind === 'reference' || options.demo);
  const reports: SeedReport[] = [];
  for (const step of steps) {
    const summary = await dataSource.transaction((manager) => step.run(manager));
    reports.push({ step: step.name, summary });
  }
  return reports;
}
