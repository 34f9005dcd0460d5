export * from './review.types';
export * from './rubric';
