export * from './catalogue.types';
export * from './catalogue';
export * from './validate-catalogue';
export { ROUNDS } from './rounds';
export * from './overlaps';
