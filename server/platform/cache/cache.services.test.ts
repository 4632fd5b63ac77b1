import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/index.ts';
import { createRedisPubSub, type PubSub } from '../pubsub/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { type Cache, createRedisCache } from './index.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FIXTURE = fileURLToPath(new URL('./fixtures/cache.test-peer.ts', import.meta.url));
const log = createLogger({ level: 'silent' });

type Reply = { id?: number; found?: boolean; value?: unknown; error?: string; ready?: boolean; pid?: number };

/** Rejects after ms, naming what was awaited, so no step of the protocol can hang the suite. */
function within<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The cache-peer fixture as a second process, driven by JSON lines. */
async function startPeer(namespace: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [FIXTURE], {
    env: { ...process.env, REDIS_URL, NAMESPACE: namespace },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const waiting = new Map<number, (reply: Reply) => void>();
  const ready = new Promise<Reply>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`peer exited (${code}) before ready: ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const reply = JSON.parse(line) as Reply;
      if (reply.ready) resolve(reply);
      else if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
    });
  });
  await within(ready, 10_000, () => `peer start; stderr: ${stderr}`);
  let nextId = 0;
  const send = async (cmd: {
    op: 'get' | 'set' | 'delete';
    key: string;
    value?: unknown;
  }): Promise<Reply> => {
    const id = ++nextId;
    const answered = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    child.stdin.write(`${JSON.stringify({ id, ...cmd })}\n`);
    const reply = await within(answered, 5_000, () => `peer ${cmd.op} ${cmd.key}; stderr: ${stderr}`);
    waiting.delete(id);
    if (reply.error) throw new Error(`peer ${cmd.op} failed: ${reply.error}`);
    return reply;
  };
  return {
    pid: child.pid,
    get: (key: string) => send({ op: 'get', key }),
    set: (key: string, value: unknown) => send({ op: 'set', key, value }),
    delete: (key: string) => send({ op: 'delete', key }),
    stop: () => child.kill(),
  };
}

/** Retries check for up to timeoutMs: invalidations travel through Redis pub/sub, asynchronously. */
async function eventually(check: () => Promise<void>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(20);
    }
  }
}

describe('redis cache across two processes', () => {
  const namespace = `ff:test:cache:${randomUUID()}:`;
  let redis: Redis;
  let pubsub: PubSub;
  let cache: Cache;
  let peer: Awaited<ReturnType<typeof startPeer>>;

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, log, 'cache-services-test');
    pubsub = await createRedisPubSub(redis, log);
    cache = await createRedisCache({ redis, pubsub, log, namespace });
    peer = await startPeer(namespace);
  });

  afterAll(async () => {
    peer?.stop();
    await cache?.close();
    const keys = (await redis?.keys(`${namespace}*`)) ?? [];
    if (keys.length > 0) await redis.del(...keys);
    await pubsub?.close();
    await redis?.quit();
  });

  it('the peer sees a delete made here although the value sat in its L1', async () => {
    await cache.set('k', { v: 1 });
    expect(await peer.get('k')).toEqual({ id: expect.any(Number), found: true, value: { v: 1 } });
    // Changed behind every cache's back: the peer still answering { v: 1 } proves the value is in its L1.
    await redis.set(`${namespace}k`, JSON.stringify({ v: 'raw' }));
    expect((await peer.get('k')).value).toEqual({ v: 1 });

    await cache.delete('k');
    await eventually(async () => expect((await peer.get('k')).found).toBe(false));
  });

  it('the peer sees a value overwritten here', async () => {
    await cache.set('over', 'first');
    expect((await peer.get('over')).value).toBe('first');
    await cache.set('over', 'second');
    await eventually(async () => expect((await peer.get('over')).value).toBe('second'));
  });

  it('writes made by the peer reach the L1 of this process', async () => {
    await cache.set('back', 'mine');
    expect(await cache.get('back')).toBe('mine');
    await peer.set('back', 'theirs');
    await eventually(async () => expect(await cache.get('back')).toBe('theirs'));
    await peer.delete('back');
    await eventually(async () => expect(await cache.get('back')).toBeUndefined());
  });

  it('after its Redis connection is killed, the peer drops L1 (invalidations may have been missed)', async () => {
    await cache.set('lost', 'before');
    expect((await peer.get('lost')).value).toBe('before');
    await redis.set(`${namespace}lost`, JSON.stringify('missed'));
    const clients = String(await redis.client('LIST'));
    const id = /^id=(\d+) .*name=flashfusion:cache-peer-(\d+) /m.exec(clients);
    expect(id?.[2]).toBe(String(peer.pid));
    await redis.client('KILL', 'ID', id?.[1] ?? '');
    await eventually(async () => expect((await peer.get('lost')).value).toBe('missed'));
  });
});
