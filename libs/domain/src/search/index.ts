export * from './normalize-search';
