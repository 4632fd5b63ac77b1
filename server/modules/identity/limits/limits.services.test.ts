import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createLogger } from '../../../platform/logger/index.ts';
import { KEY_PREFIX } from '../../../platform/rate-limit/index.ts';
import { connectRedis, type Redis } from '../../../platform/redis/index.ts';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { createApiRateLimit } from './api-rate-limit.ts';
import { callAs, limitedApp } from './limits.test-kit.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FIXTURE = fileURLToPath(new URL('./fixtures/api.test-peer.ts', import.meta.url));
const POINTS = { pro: 10 }; // must match fixtures/api.test-peer.ts
// The plan's hourly budget is for API keys and access tokens (a web session has only the abuse limit).
const token = (a: TActorContext): TActorContext => ({ ...a, authMethod: 'jwt' });

describe('the API rate limit shared by two processes on Redis', () => {
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  let db: Database;
  let cleanup: () => Promise<void>;
  let redis: Redis;
  let peer: Peer;
  let app: ReturnType<typeof limitedApp>;
  let nextId = 0;

  async function peerRequests(actor: TActorContext, times: number): Promise<number[]> {
    const id = ++nextId;
    peer.send({ id, op: 'request', actor, times });
    const reply = await peer.waitFor((line) => line.id === id, 15_000);
    if (typeof reply.error === 'string') throw new Error(`peer failed: ${reply.error}`);
    return reply.statuses as number[];
  }

  beforeAll(async () => {
    let url: string | undefined;
    ({ db, url, cleanup } = await createTestDatabase());
    if (!url) throw new Error('run with --config vitest.services.config.ts (needs PostgreSQL)');
    redis = await connectRedis(REDIS_URL, createLogger({ level: 'silent' }), 'limits-services-test');
    app = limitedApp(
      createApiRateLimit({ db, redis, cache: createMemoryCache(), namePrefix: prefix, points: POINTS }),
    );
    peer = startPeer(FIXTURE, { DATABASE_URL: url, REDIS_URL, RL_PREFIX: prefix });
    const ready = await peer.waitFor((line) => line.ready === true, 20_000);
    expect(ready.pid).not.toBe(process.pid);
  });

  afterAll(async () => {
    await peer?.kill();
    const keys = (await redis?.keys(`${KEY_PREFIX}${prefix}-*`)) ?? [];
    if (keys.length > 0) await redis.del(...keys);
    await redis?.quit();
    await cleanup?.();
  });

  it('taking turns, the two processes allow 10 requests of one user between them, not 20', async () => {
    const actor = token(await seedMember(db, { plan: 'pro' }));
    const here: number[] = [];
    const there: number[] = [];
    for (let i = 0; i < 10; i++) {
      here.push((await callAs(app, { actor })).status);
      there.push(...(await peerRequests(actor, 1)));
    }
    expect(here.filter((s) => s === 200)).toHaveLength(5);
    expect(there.filter((s) => s === 200)).toHaveLength(5);
    const last = await callAs(app, { actor });
    expect(last.status).toBe(429);
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('bursting at the same moment, they still allow exactly 10 between them', async () => {
    const actor = token(await seedMember(db, { plan: 'pro' }));
    const [mine, theirs] = await Promise.all([
      Promise.all(Array.from({ length: 12 }, () => callAs(app, { actor }))).then((r) =>
        r.map((x) => x.status),
      ),
      peerRequests(actor, 12),
    ]);
    expect([...mine, ...theirs].filter((s) => s === 200)).toHaveLength(10);
    expect([...mine, ...theirs].filter((s) => s === 429)).toHaveLength(14);
  });

  it('keeps another API key of the same user on its own count in both processes', async () => {
    const user = token(await seedMember(db, { plan: 'pro' }));
    const key: TActorContext = {
      ...user,
      authMethod: 'api_key',
      apiKeyId: randomUUID(),
      apiKeyScopes: ['read'],
    };
    expect((await peerRequests(user, 10)).every((s) => s === 200)).toBe(true);
    expect((await callAs(app, { actor: user })).status).toBe(429);
    expect((await callAs(app, { actor: key })).status).toBe(200);
    expect((await peerRequests(key, 10)).filter((s) => s === 200)).toHaveLength(9);
  });
});
