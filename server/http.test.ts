import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorEnvelopeSchema } from '../contracts/errors.ts';
import { seedInstanceAdmin } from './modules/identity/identity.test-kit.ts';
import { AppError, createRouter } from './platform/http/index.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

// A route of the test's own, mounted through the same pipeline as every module's routes.
const echo = createRoute({
  method: 'post',
  path: '/test/echo',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ name: z.string().min(1), count: z.number().int() }) },
      },
    },
  },
  responses: { 200: { description: 'ok' } },
});

describe('HTTP pipeline', () => {
  let s: TestServer;
  const call = (path: string, init?: RequestInit) => fetch(`${s.url}${path}`, init);
  let adminKey = '';
  /** As the instance's operator: /system/migrations is theirs. */
  const asAdmin = (path: string) => call(path, { headers: { authorization: `Bearer ${adminKey}` } });
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    call(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const envelope = async (res: Response) => ZErrorEnvelopeSchema.parse(await res.json()).error;

  beforeAll(async () => {
    s = await startTestServer({
      env: { BODY_LIMIT_BYTES: '1024', CORS_ORIGINS: 'https://app.example.com' },
      extraApiRoutes: (api) => {
        const r = createRouter();
        r.openapi(echo, (c) => c.json(c.req.valid('json'), 200));
        r.get('/test/crash', () => {
          throw new Error('secret internals: select * from users');
        });
        r.get('/test/conflict', () => {
          throw new AppError('CONFLICT', 'Already exists');
        });
        api.route('/', r);
      },
    });
    adminKey = (await seedInstanceAdmin(s.platform.db, s.platform.events)).key;
  });
  afterAll(() => s.stop());

  it('answers a valid JSON request', async () => {
    const res = await postJson('/api/v1/test/echo', JSON.stringify({ name: 'a', count: 1 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'a', count: 1 });
  });

  it('refuses malformed JSON with VALIDATION_ERROR', async () => {
    const res = await postJson('/api/v1/test/echo', '{"name": "a",');
    expect(res.status).toBe(400);
    const e = await envelope(res);
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses wrong types, naming each field', async () => {
    const res = await postJson('/api/v1/test/echo', JSON.stringify({ name: '', count: 'x' }));
    expect(res.status).toBe(400);
    const e = await envelope(res);
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.details.map((d) => d.field).sort()).toEqual(['json.count', 'json.name']);
  });

  it('refuses a body that is not declared as JSON', async () => {
    const res = await call('/api/v1/test/echo', {
      method: 'POST',
      body: 'name=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect((await envelope(res)).code).toBe('VALIDATION_ERROR');
  });

  it('refuses an oversized body, by header and when streamed without a length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5000), count: 1 });
    const res = await postJson('/api/v1/test/echo', big);
    expect(res.status).toBe(413);
    expect((await envelope(res)).code).toBe('VALIDATION_ERROR');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await call('/api/v1/test/echo', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('answers unknown API routes with RESOURCE_NOT_FOUND', async () => {
    // Routes carry their own authentication, so an unknown path is simply unknown, also under /v1 (the
    // OpenAPI document lists every path anyway).
    for (const path of ['/api/v1/nope', '/api/v2/x', '/v1/nope']) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect((await envelope(res)).code).toBe('RESOURCE_NOT_FOUND');
    }
  });

  it('refuses invalid query parameters', async () => {
    for (const q of ['limit=0', 'limit=abc', 'offset=-1', 'order=sideways', 'limit=1000']) {
      const res = await asAdmin(`/api/v1/system/migrations?${q}`);
      expect(res.status, q).toBe(400);
      expect((await envelope(res)).code).toBe('VALIDATION_ERROR');
    }
  });

  it('lists with the SPEC pagination object', async () => {
    const all = (await (await asAdmin('/api/v1/system/migrations?limit=100')).json()) as {
      data: { name: string }[];
    };
    const total = all.data.length;
    expect(all.data[0]?.name).toBe('0000_init');
    const res = await asAdmin('/api/v1/system/migrations?limit=1&offset=0&order=desc');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { name: string }[]; pagination: Record<string, unknown> };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]?.name).toBe(all.data.at(-1)?.name);
    expect(body.pagination).toEqual({ total, limit: 1, offset: 0, hasNext: total > 1, hasPrev: false });
    const second = (await (await asAdmin('/api/v1/system/migrations?limit=1&offset=1')).json()) as {
      pagination: Record<string, unknown>;
    };
    expect(second.pagination).toMatchObject({ offset: 1, hasPrev: true });
  });

  it('hides internals of unexpected errors and logs them with the request id', async () => {
    const res = await call('/api/v1/test/crash');
    expect(res.status).toBe(500);
    const e = await envelope(res);
    expect(e.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(e)).not.toMatch(/select|secret|stack|at /i);
    const line = s.logs().find((l) => l.requestId === e.requestId && l.msg === 'unhandled error');
    expect(line).toBeDefined();
  });

  it('maps AppError codes to their status', async () => {
    const res = await call('/api/v1/test/conflict');
    expect(res.status).toBe(409);
    expect((await envelope(res)).code).toBe('CONFLICT');
  });

  it('keeps a well-formed caller request id and replaces a hostile one', async () => {
    const kept = await call('/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await call('/health', { headers: { 'x-request-id': 'bad id\twith "quotes"' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await call('/api/v1/system');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('allows only listed CORS origins', async () => {
    const pre = (origin: string) =>
      call('/api/v1/system', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const ok = await pre('https://app.example.com');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await pre('https://evil.example.com');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves health, readiness and system facts', async () => {
    expect(await (await call('/health')).json()).toEqual({ status: 'ok' });
    const ready = await call('/ready');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('ready');
    expect(body.checks.database).toBe('ok');
    if (process.env.TEST_REDIS_URL) expect(body.checks.redis).toBe('ok');
    const info = (await (await call('/api/v1/system')).json()) as Record<string, string>;
    expect(info).toMatchObject({ name: 'FlashFusion', role: 'all' });
    expect(info.database).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('exposes Prometheus metrics labelled by route pattern', async () => {
    await asAdmin('/api/v1/system/migrations?limit=abc');
    await call('/api/v1/does-not-exist-123');
    const text = await (await call('/metrics')).text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{.*le="0.005".*\}/);
    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/v1/system/migrations",status="400"}',
    );
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('does-not-exist-123');
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('serves the API docs page and its assets without a CDN', async () => {
    const page = await call('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const src of html.match(/\/api\/docs\/[\w./-]+/g) ?? []) {
      expect((await call(src)).status, src).toBe(200);
    }
  });

  it('writes JSON logs that carry request ids and never secrets', async () => {
    await call('/api/v1/system?token=supersecret123', { headers: { authorization: 'Bearer abc.def.ghi' } });
    const line = s.logs().find((l) => String(l.url ?? '').startsWith('/api/v1/system?token='));
    expect(line?.requestId).toEqual(expect.any(String));
    expect(s.rawLogs()).not.toContain('supersecret123');
    expect(s.rawLogs()).not.toContain('abc.def.ghi');
  });

  // The race behind ECONNRESET under load: fetch keeps an idle socket until 2 s before the server's advertised
  // keep-alive timeout, and a busy process (here: a stalled event loop, client and server alike) can reach the
  // server's close before the client drops the socket. Node's defaults (5 s + 1 s) lost this every time.
  it('keeps an idle keep-alive socket open well past the time a busy client takes to reuse it', async () => {
    const first = await call('/health');
    expect(first.headers.get('keep-alive')).toBe('timeout=65');
    await first.text();
    await new Promise((r) => setTimeout(r, 2_900));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_500);
    expect((await call('/health')).status).toBe(200);
  });
});
