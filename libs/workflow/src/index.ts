// @jimukyoku/workflow: the pure, table-driven workflow engine and the programmes' definitions.
export * from './engine/definition';
export * from './engine/context';
export * from './engine/guards';
export * from './engine/decide';
export * from './engine/announcement';
export * from './engine/validate';
export * from './engine/mermaid';
export { formatJst } from './engine/time';
export * from './definitions';
