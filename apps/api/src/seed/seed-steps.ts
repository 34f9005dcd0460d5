import type { SeedStep } from './seed-step';

/** Every seed step in load order; each capability adds its reference and demo data here. */
export const SEED_STEPS: SeedStep[] = [];
