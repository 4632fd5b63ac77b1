import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createMemoryCache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createLogger } from '../../../platform/logger/index.ts';
import { KEY_PREFIX } from '../../../platform/rate-limit/index.ts';
import { connectRedis, type Redis } from '../../../platform/redis/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { organizations } from '../schema.ts';
import { ABUSE_REQUESTS_PER_MINUTE, ANONYMOUS_REQUESTS_PER_HOUR, createApiLimiters } from './api-limiters.ts';
import { createApiRateLimit, type TApiRateLimitOptions } from './api-rate-limit.ts';
import { callAs, limitedApp } from './limits.test-kit.ts';
import { planCacheKey } from './org-plan.ts';

const RUN = `test-${randomUUID().slice(0, 8)}`;
let seq = 0;
let db: Database;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
});
afterAll(() => cleanup());

/** The member acting through an access token: the plan's hourly budget applies (a web session's does not). */
const token = (a: TActorContext): TActorContext => ({ ...a, authMethod: 'jwt' });

const expectEnvelope429 = (res: Awaited<ReturnType<typeof callAs>>, limit: number) => {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ error: { code: 'RATE_LIMIT_EXCEEDED' } });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(res.headers.get('x-ratelimit-limit')).toBe(String(limit));
  expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
};

function apiRateLimitBehaviour(store: () => Redis | undefined) {
  const setup = (opts: Partial<TApiRateLimitOptions> = {}) => {
    const cache: Cache = opts.cache ?? createMemoryCache();
    const mw = createApiRateLimit({ db, cache, redis: store(), namePrefix: `${RUN}-${++seq}`, ...opts });
    return { app: limitedApp(mw), cache, mw };
  };

  it('limits a user by their plan, with the headers on every 200 and the SPEC 429', async () => {
    const { app } = setup({ points: { pro: 3 } });
    const actor = token(await seedMember(db, { plan: 'pro' }));
    const before = Math.floor(Date.now() / 1000);
    for (const remaining of [2, 1, 0]) {
      const res = await callAs(app, { actor });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(remaining));
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(before + 3590);
      expect(reset).toBeLessThanOrEqual(before + 3602);
    }
    const refused = await callAs(app, { actor });
    expectEnvelope429(refused, 3);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    // Another user of the same organization has their own count.
    const colleague = token(
      await seedMember(db, { role: 'developer', organizationId: actor.organizationId }),
    );
    expect((await callAs(app, { actor: colleague })).status).toBe(200);
  });

  it('counts each API key on its own, apart from its user', async () => {
    const { app } = setup({ points: { starter: 2 } });
    const user = token(await seedMember(db, { plan: 'starter' }));
    const key1: TActorContext = {
      ...user,
      authMethod: 'api_key',
      apiKeyId: randomUUID(),
      apiKeyScopes: ['read'],
    };
    const key2: TActorContext = { ...key1, apiKeyId: randomUUID() };
    expect((await callAs(app, { actor: key1 })).status).toBe(200);
    expect((await callAs(app, { actor: key1 })).headers.get('x-ratelimit-remaining')).toBe('0');
    expectEnvelope429(await callAs(app, { actor: key1 }), 2);
    const other = await callAs(app, { actor: key2 });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await callAs(app, { actor: user })).headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('sets the headers on error responses too', async () => {
    const { app } = setup({ points: { pro: 5 } });
    const actor = token(await seedMember(db, { plan: 'pro' }));
    const res = await callAs(app, { actor }, '/api/v1/missing');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('limits anonymous clients per socket address, ignoring X-Forwarded-For by default', async () => {
    const { app } = setup({ points: { anonymous: 2 } });
    await callAs(app, { ip: '198.51.100.7' });
    await callAs(app, { ip: '198.51.100.7', forwardedFor: '203.0.113.1' });
    expectEnvelope429(await callAs(app, { ip: '198.51.100.7', forwardedFor: '203.0.113.2' }), 2);
    expect((await callAs(app, { ip: '198.51.100.8' })).status).toBe(200);
  });

  it('believes the last X-Forwarded-For entry only with trustProxy', async () => {
    const { app } = setup({ points: { anonymous: 1 }, trustProxy: true });
    const proxy = '10.0.0.1';
    expect((await callAs(app, { ip: proxy, forwardedFor: 'spoofed, 203.0.113.5' })).status).toBe(200);
    expect((await callAs(app, { ip: proxy, forwardedFor: 'other, 203.0.113.5' })).status).toBe(429);
    expect((await callAs(app, { ip: proxy, forwardedFor: '203.0.113.6' })).status).toBe(200);
  });

  it('gives a signed-in user without an organization the anonymous allowance, per user', async () => {
    const { app } = setup({ points: { anonymous: 1 } });
    expect((await callAs(app, { user: randomUUID(), ip: '198.51.100.20' })).status).toBe(200);
    expect((await callAs(app, { user: randomUUID(), ip: '198.51.100.20' })).status).toBe(200);
  });

  it('applies a plan change once the cached plan expires or is deleted', async () => {
    const cache = createMemoryCache();
    const { app } = setup({ cache, points: { starter: 1, pro: 3 }, planTtlMs: 1_500 });
    const actor = token(await seedMember(db, { plan: 'starter' }));
    expect((await callAs(app, { actor })).headers.get('x-ratelimit-limit')).toBe('1');
    await db.orm.update(organizations).set({ plan: 'pro' }).where(eq(organizations.id, actor.organizationId));
    expectEnvelope429(await callAs(app, { actor }), 1); // still the cached starter plan
    await sleep(1_700);
    const upgraded = await callAs(app, { actor });
    expect(upgraded.status).toBe(200);
    expect(upgraded.headers.get('x-ratelimit-limit')).toBe('3');

    await db.orm
      .update(organizations)
      .set({ plan: 'starter' })
      .where(eq(organizations.id, actor.organizationId));
    const other = setup({ cache: createMemoryCache(), points: { starter: 1, pro: 3 } });
    await callAs(other.app, { actor }); // caches starter for a minute
    await db.orm.update(organizations).set({ plan: 'pro' }).where(eq(organizations.id, actor.organizationId));
    expect((await callAs(other.app, { actor })).status).toBe(429);
    await other.cache.delete(planCacheKey(actor.organizationId));
    expect((await callAs(other.app, { actor })).headers.get('x-ratelimit-limit')).toBe('3');
  });

  it('holds a token on a plan without an hourly limit only to the per-minute abuse limit', async () => {
    const { app } = setup({ points: { enterprise: null, abuse: 2 } });
    const actor = token(await seedMember(db, { plan: 'enterprise' }));
    for (let i = 0; i < 2; i++) {
      const res = await callAs(app, { actor });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('2');
    }
    const refused = await callAs(app, { actor });
    expectEnvelope429(refused, 2);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const unlimited = token(await seedMember(db, { plan: 'unlimited' }));
    expect((await callAs(app, { actor: unlimited })).headers.get('x-ratelimit-limit')).toBe('2');
  });

  it('lets everything through uncounted when the abuse limit is off and the plan has no hourly limit', async () => {
    const { app } = setup({ points: { unlimited: null, abuse: null } });
    const actor = token(await seedMember(db, { plan: 'unlimited' }));
    for (let i = 0; i < 3; i++) expect((await callAs(app, { actor })).status).toBe(200);
  });

  it("never counts a web session against the plan's hourly budget, only against the abuse limit", async () => {
    const { app } = setup({ points: { starter: 1, abuse: 3 } });
    const person = await seedMember(db, { plan: 'starter' }); // authenticated by the session cookie
    const program = token(await seedMember(db, { plan: 'starter', organizationId: person.organizationId }));
    for (let i = 0; i < 3; i++) {
      const res = await callAs(app, { actor: person });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
    }
    const refused = await callAs(app, { actor: person });
    expectEnvelope429(refused, 3);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The same organization's token still has its one request of the hour, then none.
    expect((await callAs(app, { actor: program })).status).toBe(200);
    expectEnvelope429(await callAs(app, { actor: program }), 1);
  });

  it('always answers a person who is over the limit: /users/me, the plan usage page and sign-out', async () => {
    const { app } = setup({ points: { starter: 1, abuse: 1, anonymous: 1 } });
    const person = await seedMember(db, { plan: 'starter' });
    const program = token(await seedMember(db, { plan: 'starter', organizationId: person.organizationId }));
    const essentials = [
      ['GET', '/api/v1/users/me'],
      ['GET', `/api/v1/organizations/${person.organizationId}/usage`],
      ['POST', '/api/v1/auth/sign-out'],
      ['GET', '/api/v1/auth/get-session'],
    ] as const;
    for (const who of [{ actor: person }, { ip: '198.51.100.77' }]) {
      await callAs(app, who);
      expect((await callAs(app, who)).status).toBe(429);
      for (const [method, path] of essentials) {
        const res = await callAs(app, who, path, method);
        expect([path, res.status]).toEqual([path, 200]);
        expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
      }
    }
    // A program over its budget gets no such pass.
    await callAs(app, { actor: program });
    expect((await callAs(app, { actor: program }, '/api/v1/users/me')).status).toBe(429);
  });

  it('shares its limiters with whoever is given them', async () => {
    const limiters = createApiLimiters({ redis: store(), points: { pro: 2 }, namePrefix: `${RUN}-${++seq}` });
    const { app, mw } = setup({ limiters });
    expect(mw.limiters).toBe(limiters);
    const actor = token(await seedMember(db, { plan: 'pro' }));
    await callAs(app, { actor });
    expect(await limiters.get('pro')?.get(`user:${actor.userId}`)).toMatchObject({ remaining: 1 });
  });
}

describe('createApiRateLimit in memory', () => {
  apiRateLimitBehaviour(() => undefined);

  it('defaults to the SPEC §3 limits per hour, 300 for anonymous clients, 600 a minute otherwise', async () => {
    const app = limitedApp(
      createApiRateLimit({ db, cache: createMemoryCache(), namePrefix: `${RUN}-defaults` }),
    );
    expect(ANONYMOUS_REQUESTS_PER_HOUR).toBe(300);
    for (const [plan, limit] of [
      ['starter', '100'],
      ['pro', '1000'],
      ['enterprise', '10000'],
    ] as const) {
      const actor = token(await seedMember(db, { plan }));
      expect((await callAs(app, { actor })).headers.get('x-ratelimit-limit')).toBe(limit);
    }
    expect(ABUSE_REQUESTS_PER_MINUTE).toBe(600);
    const unlimited = token(await seedMember(db, { plan: 'unlimited' }));
    expect((await callAs(app, { actor: unlimited })).headers.get('x-ratelimit-limit')).toBe('600');
    const person = await seedMember(db, { plan: 'starter' });
    expect((await callAs(app, { actor: person })).headers.get('x-ratelimit-limit')).toBe('600');
    expect((await callAs(app, { ip: '198.51.100.99' })).headers.get('x-ratelimit-limit')).toBe('300');
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('createApiRateLimit on Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(
      process.env.TEST_REDIS_URL ?? '',
      createLogger({ level: 'silent' }),
      'api-rl-test',
    );
  });
  afterAll(async () => {
    const keys = await redis.keys(`${KEY_PREFIX}${RUN}-*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  apiRateLimitBehaviour(() => redis);

  it('keeps the count in Redis under ff:rl:<prefix>-<plan>:<who>', async () => {
    const namePrefix = `${RUN}-${++seq}`;
    const app = limitedApp(
      createApiRateLimit({ db, redis, cache: createMemoryCache(), namePrefix, points: { pro: 5 } }),
    );
    const actor = token(await seedMember(db, { plan: 'pro' }));
    await callAs(app, { actor });
    expect(await redis.get(`${KEY_PREFIX}${namePrefix}-pro:user:${actor.userId}`)).toBe('1');
  });
});
