export type { Cache, SetOptions } from './cache.ts';
export { createMemoryCache } from './memory-cache.ts';
export {
  createRedisCache,
  DEFAULT_L1_TTL_MS,
  DEFAULT_NAMESPACE,
  type RedisCacheOptions,
} from './redis-cache.ts';
