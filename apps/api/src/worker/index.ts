export * from './worker.module';
export * from './heartbeat.job';
export * from './handler-registry';
