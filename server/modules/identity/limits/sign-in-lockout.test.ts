import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createErrorHandler, type TAppEnv } from '../../../platform/http/index.ts';
import { createLogger } from '../../../platform/logger/index.ts';
import { KEY_PREFIX } from '../../../platform/rate-limit/index.ts';
import { connectRedis, type Redis } from '../../../platform/redis/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { createAuthHarness, signUp, TEST_BASE_URL, testEventBus } from '../auth/auth.test-kit.ts';
import { authRoutes } from '../auth/auth-routes.ts';
import { users } from '../schema.ts';
import { fromIp } from './limits.test-kit.ts';
import { ACCOUNT_LOCKOUT, createSignInLockout, type TSignInLockoutOptions } from './sign-in-lockout.ts';

const PASSWORD = 'correct horse battery staple';
let db: Database;
let cleanup: () => Promise<void>;
let harness: ReturnType<typeof createAuthHarness>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  harness = createAuthHarness(db, await testEventBus(db));
});
afterAll(() => cleanup());

/** The auth routes with the lockout mounted in front of sign-in, as the app mounts them. */
function lockedApp(opts: TSignInLockoutOptions) {
  const app = new Hono<TAppEnv>();
  app.use(async (c, next) => {
    c.set('requestId', crypto.randomUUID());
    await next();
  });
  app.onError(createErrorHandler(pino({ level: 'silent' })));
  app.use(
    '/api/v1/auth/sign-in/email',
    createSignInLockout({ name: `t-${randomUUID().slice(0, 8)}`, ...opts }),
  );
  app.route(
    '/api/v1',
    authRoutes(harness.auth, harness.asUser, async (_c, next) => next()),
  );
  return async (email: string, password: string, ip = '192.0.2.10', body?: string) => {
    const res = await app.request(
      `${TEST_BASE_URL}/api/v1/auth/sign-in/email`,
      {
        method: 'POST',
        headers: { origin: TEST_BASE_URL, 'content-type': 'application/json' },
        body: body ?? JSON.stringify({ email, password }),
      },
      fromIp(ip),
    );
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text ? JSON.parse(text) : {}) as { error?: { code: string; message: string } },
    };
  };
}

/** A verified account that can sign in with PASSWORD. */
async function account(): Promise<string> {
  const email = `lock-${randomUUID().slice(0, 8)}@example.com`;
  expect((await signUp(harness.client(), email, PASSWORD)).status).toBe(200);
  await db.orm.update(users).set({ emailVerified: true }).where(eq(users.email, email));
  return email;
}

const tiny = { account: { freeAttempts: 4, baseBlockSec: 1, maxBlockSec: 2 } };

describe('sign-in lockout', () => {
  it('by default, locks an account on the fifth failure for 30 s', () => {
    expect(ACCOUNT_LOCKOUT).toMatchObject({ freeAttempts: 4, baseBlockSec: 30, maxBlockSec: 900 });
  });

  it('lets a right password through, body intact', async () => {
    const signIn = lockedApp(tiny);
    const email = await account();
    const res = await signIn(email, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeTruthy();
  });

  it('after 5 wrong passwords refuses even the right one, then lets it in once the block ends', async () => {
    const signIn = lockedApp(tiny);
    const email = await account();
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong password!')).status).toBe(401);
    const locked = await signIn(email.toUpperCase(), PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(locked.headers.get('retry-after')).toBe('1');
    // Another account from the same address is not affected.
    expect((await signIn(await account(), PASSWORD)).status).toBe(200);
    await sleep(1_100);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it('a success forgets the failures', async () => {
    const signIn = lockedApp(tiny);
    const email = await account();
    for (let i = 0; i < 4; i++) expect((await signIn(email, 'wrong password!')).status).toBe(401);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(email, 'wrong password!')).status).toBe(401);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it('answers a locked unknown account exactly like a locked real one', async () => {
    const signIn = lockedApp(tiny);
    const real = await account();
    const ghost = `ghost-${randomUUID().slice(0, 8)}@example.com`;
    for (let i = 0; i < 5; i++) {
      expect((await signIn(real, 'wrong password!')).status).toBe(401);
      expect((await signIn(ghost, 'wrong password!')).status).toBe(401);
    }
    const a = await signIn(real, PASSWORD);
    const b = await signIn(ghost, PASSWORD);
    expect(a.status).toBe(429);
    expect(b.status).toBe(429);
    expect(a.body.error?.message).toBe(b.body.error?.message);
    expect(a.body.error?.message).not.toMatch(/account|exist|user/i);
  });

  it('locks an address that guesses across many accounts, not other addresses', async () => {
    const signIn = lockedApp({ ...tiny, ip: { freeAttempts: 2, baseBlockSec: 5, maxBlockSec: 5 } });
    const ip = '198.51.100.33';
    for (let i = 0; i < 3; i++)
      expect((await signIn(await account(), 'wrong password!', ip)).status).toBe(401);
    const email = await account();
    const refused = await signIn(email, PASSWORD, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await signIn(email, PASSWORD, '198.51.100.34')).status).toBe(200);
  });

  it('does not count requests that are not wrong passwords (bad body, 400)', async () => {
    const signIn = lockedApp({ account: { freeAttempts: 0, baseBlockSec: 5, maxBlockSec: 5 } });
    const email = await account();
    for (let i = 0; i < 3; i++) {
      const bad = await signIn(email, PASSWORD, undefined, JSON.stringify({ email, password: 42 }));
      expect(bad.status).toBe(400);
    }
    expect((await signIn(email, PASSWORD, undefined, 'not json')).status).not.toBe(429);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)('sign-in lockout on Redis', () => {
  let redis: Redis;
  const name = `t-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    redis = await connectRedis(
      process.env.TEST_REDIS_URL ?? '',
      createLogger({ level: 'silent' }),
      'lockout-test',
    );
  });
  afterAll(async () => {
    const keys = await redis.keys(`${KEY_PREFIX}${name}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('keeps the failures in Redis, where a second instance sees the lock', async () => {
    const first = lockedApp({ ...tiny, redis, name });
    const second = lockedApp({ ...tiny, redis, name });
    const email = await account();
    for (let i = 0; i < 5; i++) expect((await first(email, 'wrong password!')).status).toBe(401);
    expect(await redis.exists(`${KEY_PREFIX}${name}-account:block:acct:${email}`)).toBe(1);
    expect((await second(email, PASSWORD)).status).toBe(429);
    await sleep(1_100);
    expect((await second(email, PASSWORD)).status).toBe(200);
    expect(await redis.exists(`${KEY_PREFIX}${name}-account:fail:acct:${email}`)).toBe(0);
  });
});
