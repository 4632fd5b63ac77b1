import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, createErrorHandler, type TAppEnv } from '../http/index.ts';
import { createLogger } from '../logger/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import {
  createLimiter,
  KEY_PREFIX,
  type Limiter,
  RateLimitStoreError,
  rateLimit,
  waitText,
} from './index.ts';

const RUN = `test-${randomUUID()}`;
let seq = 0;
const log = createLogger({ level: 'silent' });

/** A throwaway app with the real error handler, so the 429 is rendered exactly as the app renders it. */
function appWith(limiter: Limiter) {
  const app = new Hono<TAppEnv>();
  app.onError(createErrorHandler(log));
  app.use(
    '/api/*',
    rateLimit<TAppEnv>({
      limiter,
      key: (c) => c.req.header('x-client'),
      cost: (c) => Number(c.req.header('x-cost') ?? 1),
    }),
  );
  app.get('/api/ok', (c) => c.json({ ok: true }));
  app.get('/api/missing', () => {
    throw new AppError('RESOURCE_NOT_FOUND', 'Nothing here');
  });
  return app;
}

const rateHeaders = (res: Response) => ({
  limit: res.headers.get('X-RateLimit-Limit'),
  remaining: res.headers.get('X-RateLimit-Remaining'),
  reset: Number(res.headers.get('X-RateLimit-Reset')),
});

function middlewareBehaviour(store: () => Redis | undefined) {
  const limiter = (points: number) =>
    createLimiter({ redis: store(), name: `${RUN}-${++seq}`, points, durationSec: 60 });

  it('sets the headers on allowed responses, then refuses with 429, Retry-After and the same headers', async () => {
    const app = appWith(limiter(2));
    const get = () => app.request('/api/ok', { headers: { 'x-client': 'c1' } });
    const nowSec = Date.now() / 1000;

    const first = await get();
    expect(first.status).toBe(200);
    expect(rateHeaders(first)).toMatchObject({ limit: '2', remaining: '1' });
    expect(rateHeaders(first).reset).toBeGreaterThan(nowSec + 58);
    expect(rateHeaders(first).reset).toBeLessThanOrEqual(Math.ceil(nowSec) + 61);
    expect(first.headers.get('Retry-After')).toBeNull();
    expect(rateHeaders(await get())).toMatchObject({ limit: '2', remaining: '0' });

    const refused = await get();
    expect(refused.status).toBe(429);
    expect(rateHeaders(refused)).toMatchObject({ limit: '2', remaining: '0' });
    expect(rateHeaders(refused).reset).toBeGreaterThan(nowSec + 58);
    const retryAfter = Number(refused.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(58);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(body.error.message).toBe(`Too many requests; retry in ${waitText(retryAfter)}`);
    expect(body.error.message).toMatch(/retry in 1 min$/);
  });

  it('covers error responses from downstream too', async () => {
    const app = appWith(limiter(5));
    const res = await app.request('/api/missing', { headers: { 'x-client': 'c1' } });
    expect(res.status).toBe(404);
    expect(rateHeaders(res)).toMatchObject({ limit: '5', remaining: '4' });
  });

  it('charges the cost and counts clients apart', async () => {
    const app = appWith(limiter(5));
    const costly = await app.request('/api/ok', { headers: { 'x-client': 'c1', 'x-cost': '4' } });
    expect(rateHeaders(costly).remaining).toBe('1');
    const other = await app.request('/api/ok', { headers: { 'x-client': 'c2' } });
    expect(rateHeaders(other).remaining).toBe('4');
    const over = await app.request('/api/ok', { headers: { 'x-client': 'c1', 'x-cost': '2' } });
    expect(over.status).toBe(429);
  });

  it('lets requests without a key through uncounted and without headers', async () => {
    const app = appWith(limiter(1));
    for (let i = 0; i < 3; i++) {
      const res = await app.request('/api/ok');
      expect(res.status).toBe(200);
      expect(res.headers.get('X-RateLimit-Limit')).toBeNull();
    }
  });
}

describe('rateLimit middleware in memory', () => {
  middlewareBehaviour(() => undefined);

  it('says how long to wait in seconds under a minute, else in minutes', () => {
    expect(waitText(1)).toBe('1 s');
    expect(waitText(59)).toBe('59 s');
    expect(waitText(60)).toBe('1 min');
    expect(waitText(3280)).toBe('55 min');
  });

  it('lets a request over the limit through when told not to refuse it, counted and with the headers', async () => {
    const app = new Hono<TAppEnv>();
    app.onError(createErrorHandler(log));
    const limiter = createLimiter({ name: `${RUN}-${++seq}`, points: 1, durationSec: 60 });
    app.use(
      '/api/*',
      rateLimit<TAppEnv>({ limiter, key: () => 'c1', refuse: (c) => c.req.path !== '/api/essential' }),
    );
    app.get('/api/*', (c) => c.json({ ok: true }));
    expect((await app.request('/api/other')).status).toBe(200);
    expect((await app.request('/api/other')).status).toBe(429);
    const essential = await app.request('/api/essential');
    expect(essential.status).toBe(200);
    expect(rateHeaders(essential)).toMatchObject({ limit: '1', remaining: '0' });
  });

  it('answers 503 when the limiter cannot reach its store', async () => {
    const broken: Limiter = {
      ...createLimiter({ name: 'broken', points: 1, durationSec: 1 }),
      consume: () => Promise.reject(new RateLimitStoreError('broken', new Error('ECONNREFUSED'))),
    };
    const res = await appWith(broken).request('/api/ok', { headers: { 'x-client': 'c1' } });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(body.error.message).not.toContain('ECONNREFUSED');
  });
});

// Redis only under `npm run test:services` (which sets TEST_REDIS_URL).
describe.skipIf(!process.env.TEST_REDIS_URL)('rateLimit middleware on Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(process.env.TEST_REDIS_URL ?? '', log, 'rl-mw-test');
  });
  afterAll(async () => {
    const keys = await redis.keys(`${KEY_PREFIX}${RUN}-*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  middlewareBehaviour(() => redis);
});
