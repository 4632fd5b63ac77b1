import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createRedisCache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createEventBus, type EventBus } from '../../../platform/events/index.ts';
import { createLogger } from '../../../platform/logger/index.ts';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from '../../../platform/pubsub/index.ts';
import { connectRedis, type Redis } from '../../../platform/redis/index.ts';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { apiKeys } from '../access-schema.ts';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { changeMemberRole } from '../organizations/members/change-member-role.ts';
import { removeMember } from '../organizations/members/remove-member.ts';
import { API_KEY_CACHE_TTL_MS, createApiKey, revokeApiKey } from './index.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PEER = fileURLToPath(new URL('./fixtures/verify.test-peer.ts', import.meta.url));
const log = createLogger({ level: 'silent' });

describe('API key revocation across two processes (Redis cache)', () => {
  const namespace = `ff:test:api-keys:${randomUUID()}:`;
  let db: Database;
  let cleanup: () => Promise<void>;
  let redis: Redis;
  let pubsub: PubSub;
  let cache: Cache;
  let events: EventBus;
  let peer: Peer;
  let owner: TActorContext;
  let nextId = 0;

  /** Asks process B to verify a key; resolves with its answer. */
  const verifyInPeer = async (key: string) => {
    const id = ++nextId;
    peer.send({ id, op: 'verify', key });
    return (await peer.waitFor((line) => line.id === id, 5_000)) as {
      ok: boolean;
      code?: string;
      result?: { apiKeyId: string; scopes: string[]; orgRole: string };
    };
  };

  beforeAll(async () => {
    const made = await createTestDatabase();
    ({ db, cleanup } = made);
    if (!made.url)
      throw new Error('this test needs PostgreSQL: run it with --config vitest.services.config.ts');
    redis = await connectRedis(REDIS_URL, log, 'api-keys-services-test');
    pubsub = await createRedisPubSub(redis, log);
    cache = await createRedisCache({ redis, pubsub, log, namespace });
    events = await createEventBus({ db, pubsub: createMemoryPubSub(), log });
    owner = await seedMember(db, { role: 'owner' });
    peer = startPeer(PEER, { DATABASE_URL: made.url, REDIS_URL, NAMESPACE: namespace });
    await peer.waitFor((line) => line.ready === true, 20_000);
  });

  afterAll(async () => {
    await peer?.kill();
    await events?.close();
    await cache?.close();
    const keys = (await redis?.keys(`${namespace}*`)) ?? [];
    if (keys.length > 0) await redis.del(...keys);
    await pubsub?.close();
    await redis?.quit();
    await cleanup?.();
  });

  it('process B refuses a key revoked in process A at once, although it had the key cached', async () => {
    const { key, apiKey } = await createApiKey({
      events,
      actor: owner,
      input: { name: 'shared', scopes: ['read'] },
    });

    const before = await verifyInPeer(key);
    expect(before).toMatchObject({ ok: true, result: { apiKeyId: apiKey.id, scopes: ['read'] } });

    // Changed in the database behind every cache's back: B still answering `read` proves it serves the key
    // from its cache, so the refusal below comes from the invalidation, not from a fresh database read.
    await db.orm
      .update(apiKeys)
      .set({ scopes: ['read', 'write'] })
      .where(eq(apiKeys.id, apiKey.id));
    expect((await verifyInPeer(key)).result?.scopes).toEqual(['read']);

    await revokeApiKey({ events, cache, actor: owner, id: apiKey.id });
    const revokedAt = Date.now();
    // The invalidation crosses Redis pub/sub asynchronously; it must land in well under a second, against
    // the minute the cache entry would otherwise have lived.
    let after = await verifyInPeer(key);
    while (after.ok && Date.now() - revokedAt < 1_000) {
      await sleep(10);
      after = await verifyInPeer(key);
    }
    expect(after).toEqual({ id: expect.any(Number), ok: false, code: 'AUTHENTICATION_FAILED' });
    expect(Date.now() - revokedAt).toBeLessThan(API_KEY_CACHE_TTL_MS);
  });

  it('a key still valid elsewhere keeps working in process B', async () => {
    const { key } = await createApiKey({ events, actor: owner, input: { name: 'kept', scopes: ['write'] } });
    expect(await verifyInPeer(key)).toMatchObject({ ok: true, result: { scopes: ['write'] } });
    expect(await verifyInPeer(`ff_${'x'.repeat(10_000)}`)).toMatchObject({
      ok: false,
      code: 'AUTHENTICATION_FAILED',
    });
  });

  /** Asks B until `done` holds for its answer or a second passes; returns the last answer. */
  const pollPeer = async (key: string, done: (a: Awaited<ReturnType<typeof verifyInPeer>>) => boolean) => {
    const start = Date.now();
    let answer = await verifyInPeer(key);
    while (!done(answer) && Date.now() - start < 1_000) {
      await sleep(10);
      answer = await verifyInPeer(key);
    }
    return answer;
  };

  it('process B sees a demotion and a removal made in process A at once, although it cached the role', async () => {
    const dev = await seedMember(db, { role: 'developer', organizationId: owner.organizationId });
    const { key } = await createApiKey({ events, actor: dev, input: { name: 'dev', scopes: ['write'] } });
    expect((await verifyInPeer(key)).result?.orgRole).toBe('developer');

    await changeMemberRole({ events, cache, actor: owner, memberUserId: dev.userId, role: 'viewer' });
    expect((await pollPeer(key, (a) => a.result?.orgRole === 'viewer')).result?.orgRole).toBe('viewer');

    await removeMember({ events, cache, actor: owner, memberUserId: dev.userId });
    expect(await pollPeer(key, (a) => !a.ok)).toEqual({
      id: expect.any(Number),
      ok: false,
      code: 'AUTHENTICATION_FAILED',
    });
  });
});
