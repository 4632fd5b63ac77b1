import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { blockSecFor, createLockout, KEY_PREFIX, type TLockoutOptions } from './index.ts';

const RUN = `test-${randomUUID()}`;
let seq = 0;

describe('blockSecFor', () => {
  const opts = { freeAttempts: 3, baseBlockSec: 30, maxBlockSec: 300 };

  it('is free within the free attempts, then doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3].map((n) => blockSecFor(n, opts))).toEqual([0, 0, 0, 0]);
    expect([4, 5, 6, 7, 8, 100, 10_000].map((n) => blockSecFor(n, opts))).toEqual([
      30, 60, 120, 240, 300, 300, 300,
    ]);
  });
});

function lockoutBehaviour(store: () => Redis | undefined) {
  const make = (opts: Omit<TLockoutOptions, 'name' | 'redis'>) =>
    createLockout({ ...opts, name: `${RUN}-${++seq}`, redis: store() });

  it('locks after the free attempts, doubling each block up to the cap', async () => {
    const lockout = make({ freeAttempts: 2, baseBlockSec: 10, maxBlockSec: 40 });
    const key = 'acct:ada@example.com';
    expect(await lockout.check(key)).toEqual({ locked: false });
    expect(await lockout.fail(key)).toEqual({ locked: false, failures: 1 });
    expect(await lockout.fail(key)).toEqual({ locked: false, failures: 2 });
    expect(await lockout.check(key)).toEqual({ locked: false });
    const blocks = [];
    for (let i = 0; i < 4; i++) blocks.push((await lockout.fail(key)).retryAfterSec);
    expect(blocks).toEqual([10, 20, 40, 40]);
    const state = await lockout.check(key);
    expect(state.locked).toBe(true);
    expect(state.retryAfterSec).toBeGreaterThan(38);
    expect(state.retryAfterSec).toBeLessThanOrEqual(40);
  });

  it('success lifts the block and forgets the failures', async () => {
    const lockout = make({ freeAttempts: 1, baseBlockSec: 10, maxBlockSec: 60 });
    await lockout.fail('ip:10.0.0.1');
    expect((await lockout.fail('ip:10.0.0.1')).locked).toBe(true);
    await lockout.succeed('ip:10.0.0.1');
    expect(await lockout.check('ip:10.0.0.1')).toEqual({ locked: false });
    expect(await lockout.fail('ip:10.0.0.1')).toEqual({ locked: false, failures: 1 });
  });

  it('keeps doubling after a block has run out', async () => {
    const lockout = make({ freeAttempts: 1, baseBlockSec: 1, maxBlockSec: 60 });
    await lockout.fail('k');
    expect(await lockout.fail('k')).toEqual({ locked: true, retryAfterSec: 1, failures: 2 });
    await sleep(1_100);
    expect(await lockout.check('k')).toEqual({ locked: false });
    expect(await lockout.fail('k')).toEqual({ locked: true, retryAfterSec: 2, failures: 3 });
  });

  it('treats keys independently', async () => {
    const lockout = make({ freeAttempts: 0, baseBlockSec: 10, maxBlockSec: 10 });
    expect((await lockout.fail('acct:a@example.com')).locked).toBe(true);
    expect(await lockout.check('acct:b@example.com')).toEqual({ locked: false });
    expect(await lockout.check('ip:10.0.0.1')).toEqual({ locked: false });
  });
}

describe('createLockout in memory', () => {
  lockoutBehaviour(() => undefined);

  it('refuses options that cannot work', () => {
    const base = { name: 'x', freeAttempts: 3, baseBlockSec: 10, maxBlockSec: 60 };
    expect(() => createLockout({ ...base, freeAttempts: -1 })).toThrow(TypeError);
    expect(() => createLockout({ ...base, baseBlockSec: 0 })).toThrow(TypeError);
    expect(() => createLockout({ ...base, maxBlockSec: 5 })).toThrow(TypeError);
  });
});

// Redis only under `npm run test:services` (which sets TEST_REDIS_URL).
describe.skipIf(!process.env.TEST_REDIS_URL)('createLockout on Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(
      process.env.TEST_REDIS_URL ?? '',
      createLogger({ level: 'silent' }),
      'lock-test',
    );
  });
  afterAll(async () => {
    const keys = await redis.keys(`${KEY_PREFIX}${RUN}-*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  lockoutBehaviour(() => redis);
});
