/**
 * `@purse/server/redis`: the shared store for running several instances of the server on one
 * Redis. Import it only where Redis is used; `@redis/client` is an optional peer dependency.
 */
export { createRedisStore, type RedisStoreOptions } from './create-redis-store.js';
