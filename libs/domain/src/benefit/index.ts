export * from './benefit-cap';
export * from './compute-benefit';
