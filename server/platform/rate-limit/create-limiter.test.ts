import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis as IORedis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { createLimiter, KEY_PREFIX, RateLimitStoreError, type TLimiterOptions } from './index.ts';

const RUN = `test-${randomUUID()}`;
let seq = 0;
/** A fresh limiter name per test, unique to this run, so Redis keys never collide with other runs. */
const uniqueName = () => `${RUN}-${++seq}`;

function limiterBehaviour(store: () => Redis | undefined) {
  const make = (opts: Omit<TLimiterOptions, 'name' | 'redis'>) =>
    createLimiter({ ...opts, name: uniqueName(), redis: store() });

  it('reports limit, remaining and the end of the window', async () => {
    const limiter = make({ points: 3, durationSec: 2 });
    const before = Date.now();
    const first = await limiter.consume('k');
    expect(first).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    expect(first.retryAfterSec).toBeUndefined();
    expect(first.resetAt.getTime()).toBeGreaterThan(before + 1_000);
    expect(first.resetAt.getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
    expect(await limiter.consume('k')).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume('k')).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refuses once the points are spent, with the wait in whole seconds', async () => {
    const limiter = make({ points: 2, durationSec: 2 });
    await limiter.consume('k');
    await limiter.consume('k');
    const refused = await limiter.consume('k');
    expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    expect(refused.retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSec).toBeLessThanOrEqual(2);
    expect(refused.resetAt.getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
  });

  it('starts afresh when the window ends', async () => {
    const limiter = make({ points: 1, durationSec: 1 });
    expect((await limiter.consume('k')).allowed).toBe(true);
    expect((await limiter.consume('k')).allowed).toBe(false);
    await sleep(1_100);
    expect(await limiter.consume('k')).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('charges a cost greater than one', async () => {
    const limiter = make({ points: 10, durationSec: 5 });
    expect(await limiter.consume('k', 4)).toMatchObject({ allowed: true, remaining: 6 });
    expect(await limiter.consume('k', 6)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiter.consume('k', 1)).allowed).toBe(false);
    expect((await limiter.consume('other', 11)).allowed).toBe(false);
    await expect(limiter.consume('k', 0)).rejects.toThrow(TypeError);
    await expect(limiter.consume('k', 1.5)).rejects.toThrow(TypeError);
  });

  it('counts keys independently, and limiters by name', async () => {
    const limiter = make({ points: 1, durationSec: 5 });
    const sibling = make({ points: 1, durationSec: 5 });
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('a')).allowed).toBe(false);
    expect(await limiter.consume('b')).toMatchObject({ allowed: true, remaining: 0 });
    expect((await sibling.consume('a')).allowed).toBe(true);
  });

  it('blocks for blockDurationSec once the limit is exceeded', async () => {
    const limiter = make({ points: 1, durationSec: 1, blockDurationSec: 5 });
    await limiter.consume('k');
    const refused = await limiter.consume('k');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSec).toBe(5);
    expect((await limiter.get('k')).retryAfterSec).toBeGreaterThanOrEqual(4);
  });

  it('reads, penalises, rewards and deletes without refusing', async () => {
    const limiter = make({ points: 5, durationSec: 5 });
    const unseen = await limiter.get('k');
    expect(unseen).toMatchObject({ allowed: true, limit: 5, remaining: 5 });
    await limiter.consume('k', 2);
    expect(await limiter.get('k')).toMatchObject({ allowed: true, remaining: 3 });
    expect(await limiter.get('k')).toMatchObject({ remaining: 3 });
    expect(await limiter.penalty('k', 3)).toMatchObject({ allowed: false, remaining: 0 });
    expect((await limiter.get('k')).retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(await limiter.reward('k', 4)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await limiter.delete('k')).toBe(true);
    expect(await limiter.delete('k')).toBe(false);
    expect(await limiter.get('k')).toMatchObject({ allowed: true, remaining: 5 });
  });
}

describe('createLimiter in memory', () => {
  limiterBehaviour(() => undefined);

  it('refuses options that cannot work', () => {
    expect(() => createLimiter({ name: 'x', points: 0, durationSec: 1 })).toThrow(TypeError);
    expect(() => createLimiter({ name: 'x', points: 1, durationSec: 0.5 })).toThrow(TypeError);
    expect(() => createLimiter({ name: 'x y', points: 1, durationSec: 1 })).toThrow(TypeError);
  });
});

// Redis only under `npm run test:services` (which sets TEST_REDIS_URL).
describe.skipIf(!process.env.TEST_REDIS_URL)('createLimiter on Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(
      process.env.TEST_REDIS_URL ?? '',
      createLogger({ level: 'silent' }),
      'rl-test',
    );
  });
  afterAll(async () => {
    const keys = await redis.keys(`${KEY_PREFIX}${RUN}-*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  limiterBehaviour(() => redis);

  it('stores counts under ff:rl:<name>:<key>', async () => {
    const name = uniqueName();
    await createLimiter({ redis, name, points: 3, durationSec: 5 }).consume('who');
    expect(await redis.get(`${KEY_PREFIX}${name}:who`)).toBe('1');
    expect(await redis.pttl(`${KEY_PREFIX}${name}:who`)).toBeGreaterThan(4_000);
  });
});

describe('createLimiter when Redis cannot answer', () => {
  let redis: IORedis;
  beforeAll(async () => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    redis = new IORedis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
  });
  afterAll(() => redis.disconnect());

  it('throws RateLimitStoreError instead of deciding (no silent per-process fallback)', async () => {
    const limiter = createLimiter({ redis, name: uniqueName(), points: 5, durationSec: 5 });
    await expect(limiter.consume('k')).rejects.toBeInstanceOf(RateLimitStoreError);
    await expect(limiter.get('k')).rejects.toBeInstanceOf(RateLimitStoreError);
    await expect(limiter.delete('k')).rejects.toBeInstanceOf(RateLimitStoreError);
  });
});
