export * from './database.module';
export * from './data-source-options';
export * from './migrate';
export * from './preflight';
export * from './unit-of-work';
export * from './workflow-state-sql';
export * from './sql-list';
export * from './entity-list';
