export * from './category.types';
export * from './requirements';
export * from './validate-category-config';
export { isValidRate, possibleCapAmounts } from './validate-rules';
export * from './expense-flags';
