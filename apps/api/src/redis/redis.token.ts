/** Injection token of the app's shared ioredis client (RedisModule). */
export const REDIS = Symbol('REDIS');
