// Finished answers kept in the platform cache (L1 LRU in process, Redis behind it when scaled out).
// A hit is a new answer to the caller: marked cached, free, and timed as the lookup, not the original call.
import type { Cache } from '../../../platform/cache/index.ts';
import type { TGenerateResult } from '../types.ts';

export const DEFAULT_RESPONSE_TTL_MS = 60 * 60 * 1000;
const PREFIX = 'ai:response:';

export interface ResponseCache {
  get(key: string): Promise<TGenerateResult | undefined>;
  /** Stores a fresh answer; answers that failed or were cut short are not worth replaying. */
  set(key: string, result: TGenerateResult): Promise<void>;
}

export function createResponseCache(opts: {
  cache: Cache;
  ttlMs?: number;
  now?: () => number;
}): ResponseCache {
  const ttlMs = opts.ttlMs ?? DEFAULT_RESPONSE_TTL_MS;
  const now = opts.now ?? (() => performance.now());
  return {
    async get(key) {
      const started = now();
      const hit = await opts.cache.get<TGenerateResult>(PREFIX + key);
      if (!hit) return undefined;
      return { ...hit, cached: true, cost: 0, latencyMs: Math.round(now() - started), attempts: [] };
    },
    async set(key, result) {
      if (result.cached || result.finishReason === 'error') return;
      await opts.cache.set(PREFIX + key, result, { ttlMs });
    },
  };
}
