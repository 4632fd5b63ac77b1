import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { type Peer, startPeer } from '../testing/peer-process.ts';
import { createLimiter, createLockout, KEY_PREFIX, type Limiter, type Lockout } from './index.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FIXTURE = fileURLToPath(new URL('./fixtures/limiter.test-peer.ts', import.meta.url));
// Must match fixtures/limiter.test-peer.ts.
const LIMIT = { points: 10, durationSec: 60 };
const LOCKOUT = { freeAttempts: 2, baseBlockSec: 30, maxBlockSec: 240 };

describe('rate limits shared by two processes on Redis', () => {
  const name = `test-${randomUUID()}`;
  let redis: Redis;
  let peer: Peer;
  let limiter: Limiter;
  let lockout: Lockout;
  let nextId = 0;

  /** Sends one command to the peer and waits for its answer. */
  async function ask(cmd: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = ++nextId;
    peer.send({ id, ...cmd });
    const reply = await peer.waitFor((line) => line.id === id, 10_000);
    if (typeof reply.error === 'string') throw new Error(`peer ${String(cmd.op)} failed: ${reply.error}`);
    return reply;
  }

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, createLogger({ level: 'silent' }), 'rl-services-test');
    limiter = createLimiter({ redis, name, ...LIMIT });
    lockout = createLockout({ redis, name: `${name}-lock`, ...LOCKOUT });
    peer = startPeer(FIXTURE, { REDIS_URL, RL_NAME: name });
    const ready = await peer.waitFor((line) => line.ready === true, 15_000);
    expect(ready.pid).not.toBe(process.pid);
  });

  afterAll(async () => {
    await peer?.kill();
    const keys = (await redis?.keys(`${KEY_PREFIX}${name}*`)) ?? [];
    if (keys.length > 0) await redis.del(...keys);
    await redis?.quit();
  });

  it('taking turns, the two processes get 10 allowed between them, not 20', async () => {
    let allowedHere = 0;
    let allowedThere = 0;
    for (let i = 0; i < 10; i++) {
      if ((await limiter.consume('turns')).allowed) allowedHere++;
      allowedThere += Number((await ask({ op: 'consume', key: 'turns', times: 1 })).allowed);
    }
    expect(allowedHere + allowedThere).toBe(10);
    expect(allowedHere).toBe(5);
    expect(await limiter.get('turns')).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('bursting at the same moment, they still get exactly 10 between them', async () => {
    const there = ask({ op: 'consume', key: 'burst', times: 15 });
    const here = Promise.all(Array.from({ length: 15 }, () => limiter.consume('burst')));
    const [peerReply, decisions] = await Promise.all([there, here]);
    const allowedHere = decisions.filter((d) => d.allowed).length;
    expect(allowedHere + Number(peerReply.allowed)).toBe(10);
    expect(Number(peerReply.refused) + decisions.length - allowedHere).toBe(20);
  });

  it('failures in either process count toward one lockout, and success in one lifts it for both', async () => {
    const key = 'acct:ada@example.com';
    expect(await ask({ op: 'fail', key })).toMatchObject({ locked: false, failures: 1 });
    expect(await lockout.fail(key)).toEqual({ locked: false, failures: 2 });
    expect(await ask({ op: 'fail', key })).toMatchObject({ locked: true, retryAfterSec: 30, failures: 3 });
    expect(await lockout.check(key)).toMatchObject({ locked: true });
    expect(await lockout.fail(key)).toEqual({ locked: true, retryAfterSec: 60, failures: 4 });
    await lockout.succeed(key);
    expect(await ask({ op: 'check', key })).toMatchObject({ locked: false });
  });
});
