import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index.ts';
import { createRedisPubSub, type PubSub } from '../pubsub/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { createRedisCache, type RedisCacheOptions } from './index.ts';

const REDIS_URL = process.env.TEST_REDIS_URL;
const log = createLogger({ level: 'silent' });

/** Polls until check passes or timeoutMs is spent, so pub/sub latency cannot make a test flaky or hang. */
async function eventually(check: () => Promise<void>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(10);
    }
  }
}

// What only the Redis-backed cache does (L1 coherence, reconnects, errors). It needs a Redis server:
// TEST_REDIS_URL is set by `npm run test:services`; plain `npm test` runs without external services.
describe.skipIf(REDIS_URL === undefined)('redis cache: L1 over Redis', () => {
  let redis: Redis;
  let pubsub: PubSub;
  const prefix = `ff:test:cache:${randomUUID()}:`;
  const open = ({ namespace = randomUUID(), ...o }: Partial<RedisCacheOptions> = {}) =>
    createRedisCache({ redis, pubsub, log, ...o, namespace: `${prefix}${namespace}:` });

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL ?? '', log, 'cache-test');
    pubsub = await createRedisPubSub(redis, log);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await pubsub.close();
    await redis.quit();
  });

  it('stores one JSON string under the namespaced key with SET PX', async () => {
    const cache = await open({ namespace: 'layout' });
    await cache.set('k', { a: 1 }, { ttlMs: 10_000 });
    expect(await redis.get(`${prefix}layout:k`)).toBe('{"a":1}');
    expect(await redis.pttl(`${prefix}layout:k`)).toBeGreaterThan(9_000);
    await cache.close();
  });

  it('serves repeat reads from L1 until its TTL cap, then rereads Redis', async () => {
    const cache = await open({ namespace: 'cap', l1TtlMs: 60 });
    await cache.set('k', 1);
    // Written behind the cache's back (no invalidation): only L1 explains still seeing 1.
    await redis.set(`${prefix}cap:k`, '2');
    expect(await cache.get('k')).toBe(1);
    await sleep(100);
    expect(await cache.get('k')).toBe(2);
    await cache.close();
  });

  it('a set or delete through one instance reaches the L1 of another', async () => {
    const writer = await open({ namespace: 'pair' });
    const reader = await open({ namespace: 'pair' });
    await writer.set('k', 'v1');
    expect(await reader.get('k')).toBe('v1');
    await writer.set('k', 'v2');
    await eventually(async () => expect(await reader.get('k')).toBe('v2'));
    await writer.delete('k');
    await eventually(async () => expect(await reader.get('k')).toBeUndefined());
    await Promise.all([writer.close(), reader.close()]);
  });

  it('an unreadable invalidation message clears L1 rather than being ignored', async () => {
    const cache = await open({ namespace: 'garbage' });
    await cache.set('k', 1);
    await redis.set(`${prefix}garbage:k`, '2');
    await pubsub.publish(`${prefix}garbage:invalidate`, 'not json');
    await eventually(async () => expect(await cache.get('k')).toBe(2));
    await cache.close();
  });

  it('clears L1 when the connection drops and comes back (invalidations may have been missed)', async () => {
    const cache = await open({ namespace: 'reconnect' });
    await cache.set('k', 1);
    await redis.set(`${prefix}reconnect:k`, '2');
    expect(await cache.get('k')).toBe(1);
    const ready = once(redis, 'ready');
    redis.disconnect(true);
    await ready;
    expect(await cache.get('k')).toBe(2);
    await cache.close();
  });

  it('propagates Redis errors on get instead of serving what L1 held', async () => {
    const own = await connectRedis(REDIS_URL ?? '', log, 'cache-test-broken');
    const cache = await createRedisCache({ redis: own, pubsub, log, namespace: `${prefix}broken:` });
    await cache.set('k', 1);
    expect(await cache.get('k')).toBe(1);
    const closed = once(own, 'close');
    own.disconnect();
    await closed;
    await expect(cache.get('k')).rejects.toThrow();
    await expect(cache.wrap('other', 1_000, async () => 1)).rejects.toThrow();
    await cache.close();
  });
});
