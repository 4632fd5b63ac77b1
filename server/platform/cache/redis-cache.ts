import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger/index.ts';
import type { PubSub } from '../pubsub/index.ts';
import type { Redis } from '../redis/index.ts';
import { type Cache, cacheOverStore } from './cache.ts';
import { parseInvalidation, type TInvalidation } from './invalidation.ts';
import { createL1 } from './l1.ts';
import { DEFAULT_MAX_ENTRIES } from './memory-cache.ts';
import type { Serialized } from './serialize.ts';

/** Prefix of every cache key in Redis, and of the invalidation channel. */
export const DEFAULT_NAMESPACE = 'ff:cache:';
/** Longest an L1 entry lives: a safety net should an invalidation ever be missed. */
export const DEFAULT_L1_TTL_MS = 30_000;

/** What the Redis-backed cache needs; the connections stay owned (and closed) by the caller. */
export interface RedisCacheOptions {
  redis: Redis;
  pubsub: PubSub;
  log: Logger;
  namespace?: string;
  maxEntries?: number;
  defaultTtlMs?: number;
  l1TtlMs?: number;
}

/** The value of a key and its remaining TTL (-1: none), read atomically. */
async function readWithTtl(redis: Redis, key: string): Promise<[Serialized | null, number]> {
  const replies = await redis.multi().get(key).pttl(key).exec();
  if (!replies) throw new Error(`Redis transaction reading cache key "${key}" was aborted`);
  for (const [err] of replies) if (err) throw err;
  return [(replies[0]?.[1] ?? null) as Serialized | null, Number(replies[1]?.[1] ?? -2)];
}

/** The shared cache: Redis holds the truth, a per-process LRU (L1) is kept coherent through pub/sub. */
export async function createRedisCache(opts: RedisCacheOptions): Promise<Cache> {
  const { redis, pubsub, log } = opts;
  const namespace = opts.namespace ?? DEFAULT_NAMESPACE;
  const channel = `${namespace}invalidate`;
  const instance = randomUUID();
  const l1 = createL1({
    maxEntries: opts.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxTtlMs: opts.l1TtlMs ?? DEFAULT_L1_TTL_MS,
  });

  // While a connection is down, other processes' invalidations may be lost: L1 is then unknowable, so it is
  // dropped when the command connection closes or comes back, and when the subscriber connection comes back.
  const forgetAll = () => l1.clear();
  redis.on('close', forgetAll);
  redis.on('ready', forgetAll);
  const offReconnect = pubsub.onReconnect(forgetAll);
  const stopListening = () => {
    redis.off('close', forgetAll);
    redis.off('ready', forgetAll);
    offReconnect();
  };

  const invalidationListeners: ((key: string) => void)[] = [];
  let unsubscribe: () => Promise<void>;
  try {
    unsubscribe = await pubsub.subscribe(channel, (message) => {
      const msg = parseInvalidation(message);
      if (!msg) {
        log.warn({ channel }, 'Unreadable cache invalidation; clearing L1');
        l1.clear();
      } else if (msg.instance !== instance) {
        l1.invalidate(msg.key);
        for (const listener of invalidationListeners) listener(msg.key);
      }
    });
  } catch (err) {
    stopListening();
    throw err;
  }

  const announce = (key: string) => {
    const msg: TInvalidation = { key, origin: pubsub.processId, instance };
    return pubsub.publish(channel, JSON.stringify(msg));
  };

  return cacheOverStore(
    {
      async get(key) {
        const cached = l1.get(key);
        if (cached !== undefined) return cached;
        const ticket = l1.begin(key);
        const sentAt = performance.now();
        let fill: { value: Serialized; ttlMs: number | undefined } | undefined;
        try {
          const [value, pttl] = await readWithTtl(redis, namespace + key);
          if (value === null) return undefined;
          // The round trip counts against the TTL, so L1 never holds a value Redis has already dropped.
          fill = { value, ttlMs: pttl < 0 ? undefined : Math.floor(pttl - (performance.now() - sentAt)) };
          return value;
        } finally {
          l1.finish(ticket, fill);
        }
      },
      async set(key, value, ttlMs) {
        const ticket = l1.begin(key);
        const sentAt = performance.now();
        let stored = false;
        try {
          if (ttlMs === undefined) await redis.set(namespace + key, value);
          else await redis.set(namespace + key, value, 'PX', ttlMs);
          stored = true;
        } finally {
          const left = ttlMs === undefined ? undefined : Math.floor(ttlMs - (performance.now() - sentAt));
          l1.finish(ticket, stored ? { value, ttlMs: left } : undefined);
          if (!stored) l1.invalidate(key);
        }
        await announce(key);
      },
      async delete(key) {
        try {
          await redis.del(namespace + key);
        } finally {
          l1.invalidate(key);
        }
        await announce(key);
      },
      onInvalidate(listener) {
        invalidationListeners.push(listener);
      },
      async close() {
        stopListening();
        l1.clear();
        await unsubscribe();
      },
    },
    opts.defaultTtlMs,
  );
}
