import { deserialize, type Serialized, serialize } from './serialize.ts';
import { createSingleFlight } from './single-flight.ts';

/** Options for one `set`: without `ttlMs` the cache's default TTL applies (none: kept until evicted). */
export interface SetOptions {
  ttlMs?: number;
}

/** A key-value cache of JSON values; every `get` returns a fresh copy. */
export interface Cache {
  /** The cached value, or `undefined` when absent or expired. */
  get<T>(key: string): Promise<T | undefined>;
  /** Stores value (not `undefined`; `null` is fine) for ttlMs, visible to every process sharing the cache. */
  set<T>(key: string, value: T, opts?: SetOptions): Promise<void>;
  /** Removes key everywhere. */
  delete(key: string): Promise<void>;
  /** Returns the cached value or runs load once (concurrent callers in this process share one load), caches it for ttlMs. */
  wrap<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Stops listening for invalidations; connections passed in stay open (their owner closes them). */
  close(): Promise<void>;
}

/** What a backend provides: serialised strings only, so serialisation happens in exactly one place. */
export interface SerializedStore {
  get(key: string): Promise<Serialized | undefined>;
  set(key: string, value: Serialized, ttlMs: number | undefined): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
  /** Tells `listener` of keys invalidated by other processes (a shared store); the cache's own deletes are known. */
  onInvalidate?(listener: (key: string) => void): void;
}

/** Rejects TTLs that would silently mean "forever" or "already expired". */
function checkTtl(ttlMs: number | undefined): void {
  if (ttlMs !== undefined && !(Number.isInteger(ttlMs) && ttlMs > 0)) {
    throw new RangeError(`Cache ttlMs must be a positive integer, got ${ttlMs}`);
  }
}

/** The public cache over a store: values are serialised once on the way in and parsed on every way out. */
export function cacheOverStore(store: SerializedStore, defaultTtlMs: number | undefined): Cache {
  checkTtl(defaultTtlMs);
  const flight = createSingleFlight<Serialized>();
  // Keys being loaded by `wrap` in this process, and whether they were deleted meanwhile: a load that started
  // before a delete may have read the old state, so its result must not be stored after the delete.
  const loading = new Map<string, { stale: boolean }>();
  const invalidated = (key: string) => {
    const l = loading.get(key);
    if (l) l.stale = true;
  };
  store.onInvalidate?.(invalidated);
  return {
    async get<T>(key: string) {
      const hit = await store.get(key);
      return hit === undefined ? undefined : deserialize<T>(hit);
    },
    async set(key, value, opts) {
      const ttlMs = opts?.ttlMs ?? defaultTtlMs;
      checkTtl(ttlMs);
      await store.set(key, serialize(key, value), ttlMs);
    },
    async delete(key) {
      invalidated(key);
      await store.delete(key);
    },
    async wrap<T>(key: string, ttlMs: number, load: () => Promise<T>) {
      checkTtl(ttlMs);
      // The shared promise carries the string, so each caller still parses its own copy.
      const serialized = await flight(key, async () => {
        const hit = await store.get(key);
        if (hit !== undefined) return hit;
        const state = { stale: false };
        loading.set(key, state);
        try {
          const fresh = serialize(key, await load());
          if (!state.stale) await store.set(key, fresh, ttlMs);
          return fresh;
        } finally {
          loading.delete(key);
        }
      });
      return deserialize<T>(serialized);
    },
    close: () => store.close(),
  };
}
