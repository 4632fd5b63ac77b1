import { LRUCache } from 'lru-cache';
import { type Cache, cacheOverStore } from './cache.ts';

/** Entries kept when the caller does not say: enough for hot keys, small enough to never matter for memory. */
export const DEFAULT_MAX_ENTRIES = 10_000;

/** A cache local to this process (embedded mode and tests): a bounded LRU with per-entry TTL. */
export function createMemoryCache(opts: { maxEntries?: number; defaultTtlMs?: number } = {}): Cache {
  const lru = new LRUCache<string, string>({ max: opts.maxEntries ?? DEFAULT_MAX_ENTRIES });
  return cacheOverStore(
    {
      async get(key) {
        return lru.get(key);
      },
      async set(key, value, ttlMs) {
        lru.set(key, value, { ttl: ttlMs });
      },
      async delete(key) {
        lru.delete(key);
      },
      async close() {
        lru.clear();
      },
    },
    opts.defaultTtlMs,
  );
}
