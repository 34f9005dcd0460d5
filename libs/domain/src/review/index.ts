export * from './review.types';
export * from './rubric';
export * from './formal-check';
export * from './assignment';
export * from './aggregation';
export * from './ranking';
export * from './bonus-confirmation';
export * from './format-score';
