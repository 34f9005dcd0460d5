export * from './redis-options';
export * from './redis.module';
export * from './redis-availability';
