import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index.ts';
import { createRedisPubSub, type PubSub } from '../pubsub/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { type Cache, createMemoryCache, createRedisCache } from './index.ts';

const REDIS_URL = process.env.TEST_REDIS_URL;
const log = createLogger({ level: 'silent' });

type CacheOptions = { defaultTtlMs?: number };

/** Connections shared by the Redis-backed caches of this file; each test still gets its own namespace. */
let shared: { redis: Redis; pubsub: PubSub; prefix: string } | undefined;

const BACKENDS = [
  { name: 'memory', available: true, open: async (o: CacheOptions) => createMemoryCache(o) },
  {
    name: 'redis',
    // Needs a Redis server: TEST_REDIS_URL is set by `npm run test:services` (vitest.services.config.ts),
    // while plain `npm test` runs without external services, so this branch is skipped there.
    available: REDIS_URL !== undefined,
    open: async (o: CacheOptions) => {
      if (!shared) throw new Error('Redis connections not opened');
      const namespace = `${shared.prefix}${randomUUID()}:`;
      return createRedisCache({ redis: shared.redis, pubsub: shared.pubsub, log, namespace, ...o });
    },
  },
];

beforeAll(async () => {
  if (!REDIS_URL) return;
  const redis = await connectRedis(REDIS_URL, log, 'cache-test');
  shared = { redis, pubsub: await createRedisPubSub(redis, log), prefix: `ff:test:cache:${randomUUID()}:` };
});

afterAll(async () => {
  if (!shared) return;
  const keys = await shared.redis.keys(`${shared.prefix}*`);
  if (keys.length > 0) await shared.redis.del(...keys);
  await shared.pubsub.close();
  await shared.redis.quit();
});

describe.each(BACKENDS)('$name cache', ({ available, open }) => {
  describe.skipIf(!available)('behaviour', () => {
    let cache: Cache;
    beforeEach(async () => {
      cache = await open({});
    });
    afterEach(async () => {
      await cache.close();
    });

    it('misses with undefined', async () => {
      expect(await cache.get('absent')).toBeUndefined();
    });

    it('round-trips objects, and overwrites', async () => {
      const value = { name: 'ada', tags: ['a', 'b'], nested: { n: 1, ok: true } };
      await cache.set('obj', value);
      expect(await cache.get('obj')).toEqual(value);
      await cache.set('obj', { name: 'grace' });
      expect(await cache.get('obj')).toEqual({ name: 'grace' });
    });

    it('hands out copies: neither the stored nor a returned object can be changed through a reference', async () => {
      const value = { list: [1, 2] };
      await cache.set('copy', value);
      value.list.push(3);
      const first = await cache.get<{ list: number[] }>('copy');
      first?.list.push(4);
      const second = await cache.get<{ list: number[] }>('copy');
      expect(second).toEqual({ list: [1, 2] });
      expect(second).not.toBe(first);
    });

    it('expires entries after their TTL, and after the default TTL', async () => {
      // Margins of hundreds of ms: a loaded CI machine can stall for tens.
      await cache.set('short', 'v', { ttlMs: 400 });
      expect(await cache.get('short')).toBe('v');
      await sleep(700);
      expect(await cache.get('short')).toBeUndefined();

      const withDefault = await open({ defaultTtlMs: 400 });
      await withDefault.set('short', 'v');
      expect(await withDefault.get('short')).toBe('v');
      await sleep(700);
      expect(await withDefault.get('short')).toBeUndefined();
      await withDefault.close();
    });

    it('rejects TTLs that are not positive integers', async () => {
      for (const ttlMs of [0, -1, 1.5, Number.NaN]) {
        await expect(cache.set('k', 1, { ttlMs })).rejects.toThrow(RangeError);
      }
    });

    it('deletes, including a value that was just read', async () => {
      await cache.set('gone', { a: 1 });
      expect(await cache.get('gone')).toEqual({ a: 1 });
      await cache.delete('gone');
      expect(await cache.get('gone')).toBeUndefined();
      await cache.delete('never-there');
    });

    it('wrap runs load once for 10 concurrent callers, each getting its own copy, then serves the cache', async () => {
      let loads = 0;
      const load = async () => {
        loads++;
        await sleep(20);
        return { n: 42 };
      };
      const results = await Promise.all(Array.from({ length: 10 }, () => cache.wrap('w', 5_000, load)));
      expect(loads).toBe(1);
      for (const r of results) expect(r).toEqual({ n: 42 });
      expect(new Set(results).size).toBe(10);
      expect(await cache.wrap('w', 5_000, load)).toEqual({ n: 42 });
      expect(loads).toBe(1);
      expect(await cache.get('w')).toEqual({ n: 42 });
    });

    it('wrap does not cache a failed load', async () => {
      const failing = async (): Promise<string> => {
        await sleep(5);
        throw new Error('upstream down');
      };
      const attempts = await Promise.allSettled(
        Array.from({ length: 3 }, () => cache.wrap('f', 5_000, failing)),
      );
      expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(await cache.get('f')).toBeUndefined();
      expect(await cache.wrap('f', 5_000, async () => 'recovered')).toBe('recovered');
    });

    it('wrap does not store what it loaded before a delete of the same key (it may be the old state)', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let loads = 0;
      const load = async () => {
        loads++;
        await gate;
        return `state ${loads}`;
      };
      const first = cache.wrap('w', 5_000, load);
      while (loads === 0) await sleep(1);
      // The state changes and its key is forgotten while the first load is still reading the old state.
      await cache.delete('w');
      release();
      expect(await first).toBe('state 1');
      expect(await cache.get('w')).toBeUndefined();
      expect(await cache.wrap('w', 5_000, load)).toBe('state 2');
    });

    it('rejects undefined clearly, from set and from a wrap load', async () => {
      await expect(cache.set('u', undefined)).rejects.toThrow(/undefined.*null/);
      await expect(cache.wrap('u', 5_000, async () => undefined)).rejects.toThrow(TypeError);
      expect(await cache.get('u')).toBeUndefined();
    });

    it('stores null as a value distinct from a miss', async () => {
      await cache.set('nothing', null);
      expect(await cache.get('nothing')).toBeNull();
      let loads = 0;
      const load = async () => {
        loads++;
        return null;
      };
      expect(await cache.wrap('nothing-wrapped', 5_000, load)).toBeNull();
      expect(await cache.wrap('nothing-wrapped', 5_000, load)).toBeNull();
      expect(loads).toBe(1);
    });
  });
});
