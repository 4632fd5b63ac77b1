import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  memberWithKey,
  parseSse,
  startTestServer,
  type TestServer,
  type TMember,
} from '../../../testing/api.test-kit.ts';
import {
  startFakeAnthropic,
  startFakeOpenAI,
  type TFakeServer,
} from '../fake-providers/fake-providers.test-kit.ts';

// The gateway over real HTTP upstreams: providers stored per organization, routes with failover, streams that
// fail over before their first token and end with an error after it, and the official openai client on /v1.
describe('AI gateway end to end', () => {
  let s: TestServer;
  let owner: TMember;
  let openai: TFakeServer;
  let anthropic: TFakeServer;
  let openaiId = '';
  let anthropicId = '';

  const post = (path: string, body: unknown) => call(s, owner, 'POST', `/api/v1${path}`, body);
  const makeRoute = async (body: Record<string, unknown>) => {
    const res = await post('/ai/routes', {
      strategy: 'round-robin',
      fallback: [],
      timeoutMs: 2_000,
      maxRetries: 1,
      ...body,
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    [s, openai, anthropic] = await Promise.all([
      // The fake providers listen on 127.0.0.1, allowed as an operator allows a local model server.
      startTestServer({ env: { ALLOW_PRIVATE_AI_PROVIDERS: 'true' } }),
      startFakeOpenAI({ apiKey: 'sk-openai-secret-1234' }),
      startFakeAnthropic({ apiKey: 'sk-ant-secret-5678' }),
    ]);
    owner = await memberWithKey(s);
    const o = await post('/ai/providers', {
      name: 'openai',
      kind: 'openai',
      baseUrl: openai.baseURL,
      apiKey: openai.apiKey,
    });
    const a = await post('/ai/providers', {
      name: 'anthropic',
      kind: 'anthropic',
      baseUrl: anthropic.baseURL,
      apiKey: anthropic.apiKey,
    });
    expect(o.status, o.text).toBe(201);
    expect(a.status, a.text).toBe(201);
    openaiId = o.body.id;
    anthropicId = a.body.id;
  });
  afterAll(async () => {
    await s?.stop();
    await openai?.close();
    await anthropic?.close();
  });

  it('calls OpenAI and Anthropic through stored credentials and prices the answer from the catalogue', async () => {
    openai.script([]);
    const viaOpenAi = await post('/ai/generate', {
      prompt: 'hello there',
      model: 'openai:gpt-4o-mini',
      cache: false,
    });
    expect(viaOpenAi.status, viaOpenAi.text).toBe(200);
    expect(viaOpenAi.body).toMatchObject({
      provider: openaiId,
      providerKind: 'openai',
      model: 'gpt-4o-mini',
    });
    expect(viaOpenAi.body.text).toContain('hello there');
    expect(viaOpenAi.body.cost).toBeGreaterThan(0);
    const last = openai.requests.at(-1);
    expect(last?.headers.authorization).toBe(`Bearer ${openai.apiKey}`);
    const viaAnthropic = await post('/ai/generate', {
      prompt: 'bonjour',
      model: `${anthropicId}:claude-sonnet-4`,
      cache: false,
    });
    expect(viaAnthropic.status, viaAnthropic.text).toBe(200);
    expect(viaAnthropic.body).toMatchObject({ provider: anthropicId, providerKind: 'anthropic' });
    expect(viaAnthropic.body.text).toContain('bonjour');
  });

  it('retries a 429 honouring Retry-After, then a 500, and answers from the same target', async () => {
    await makeRoute({
      name: 'retrying',
      targets: [{ provider: openaiId, model: 'gpt-4o-mini' }],
      maxRetries: 2,
    });
    openai.script([
      { fault: 'status', status: 429, retryAfter: 1 },
      { fault: 'status', status: 500 },
    ]);
    const before = openai.requests.length;
    const started = Date.now();
    const res = await post('/ai/generate', { prompt: 'retry me', route: 'retrying', cache: false });
    expect(res.status, res.text).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(openai.requests.length - before).toBe(3);
    expect(res.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['error', 'error', 'ok']);
  });

  it('falls back along the chain when a target keeps failing, and says which target answered', async () => {
    await makeRoute({
      name: 'with-fallback',
      targets: [{ provider: openaiId, model: 'gpt-4o-mini' }],
      fallback: [{ provider: 'local', model: 'local' }],
      maxRetries: 1,
    });
    openai.script(() => ({ fault: 'status', status: 503 }));
    const res = await post('/ai/generate', {
      prompt: 'fall back please',
      route: 'with-fallback',
      cache: false,
    });
    openai.script([]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.provider).toBe('local');
    expect(res.body.route).toBe('with-fallback');
    expect(res.body.attempts.at(-1).outcome).toBe('ok');
    expect(res.body.attempts.some((a: { status?: number }) => a.status === 503)).toBe(true);
  });

  it('answers MODEL_UNAVAILABLE with every attempt when the whole chain fails', async () => {
    await makeRoute({
      name: 'doomed',
      targets: [{ provider: anthropicId, model: 'claude-sonnet-4' }],
      maxRetries: 0,
    });
    anthropic.script([{ fault: 'reset' }]);
    const res = await post('/ai/generate', { prompt: 'x', route: 'doomed', cache: false });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('MODEL_UNAVAILABLE');
    expect(res.body.error.details.length).toBeGreaterThan(0);
    expect(res.text).not.toContain(anthropic.apiKey);
  });

  it('fails a stream over while nothing has been sent, then ends a broken one with an error event', async () => {
    await makeRoute({
      name: 'stream-route',
      targets: [{ provider: openaiId, model: 'gpt-4o-mini' }],
      fallback: [{ provider: anthropicId, model: 'claude-sonnet-4' }],
      maxRetries: 0,
    });
    openai.script([{ fault: 'reset' }]);
    const failedOver = await post('/ai/generate', {
      prompt: 'one two three',
      route: 'stream-route',
      stream: true,
      cache: false,
    });
    expect(failedOver.status).toBe(200);
    const ok = parseSse(failedOver.text);
    expect(ok[0]?.data.provider).toBe(anthropicId);
    expect(ok.at(-1)?.event).toBe('finish');

    openai.script([{ fault: 'cut', afterChunks: 3 }]);
    const broken = await post('/ai/generate', {
      prompt: 'one two three four five',
      route: 'stream-route',
      stream: true,
      cache: false,
    });
    expect(broken.status).toBe(200);
    const events = parseSse(broken.text);
    expect(events.some((e) => e.event === 'text-delta')).toBe(true);
    expect(events.at(-1)?.event).toBe('error');
    expect(events.some((e) => e.event === 'finish')).toBe(false);
  });

  it('lists models, providers and routes by the list convention: limit, offset, order, pagination', async () => {
    for (const path of ['/api/v1/ai/models', '/api/v1/ai/providers', '/api/v1/ai/routes']) {
      const all = await call(s, owner, 'GET', `${path}?limit=100`);
      expect(all.status, all.text).toBe(200);
      const total = all.body.data.length as number;
      expect([path, all.body.pagination]).toEqual([
        path,
        { total, limit: 100, offset: 0, hasNext: false, hasPrev: false },
      ]);
      const last = await call(s, owner, 'GET', `${path}?limit=1&order=desc`);
      expect(last.body.data).toEqual([all.body.data.at(-1)]);
      expect(last.body.pagination).toMatchObject({ total, limit: 1, hasNext: total > 1 });
      const bad = await call(s, owner, 'GET', `${path}?limit=0`);
      expect([path, bad.status]).toEqual([path, 400]);
    }
  });

  it('works with the official openai client: models, plain and streamed chat, and a late stream error', async () => {
    const client = new OpenAI({ apiKey: owner.key, baseURL: `${s.url}/v1`, maxRetries: 0 });
    const models = await client.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toContain('local');
    expect(ids).toContain('gpt-4o-mini');
    expect(ids).toContain('route:stream-route');

    const plain = await client.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: 'Give me three ideas for a newsletter' }],
    });
    expect(plain.choices[0]?.message.content).toBeTruthy();
    expect(plain.usage?.total_tokens).toBeGreaterThan(0);

    const stream = await client.chat.completions.create({
      model: 'route:stream-route',
      messages: [{ role: 'user', content: 'stream this please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage?.total_tokens ?? usage;
    }
    expect(text).toContain('stream this please');
    expect(usage).toBeGreaterThan(0);

    openai.script([{ fault: 'cut', afterChunks: 3 }]);
    const broken = await client.chat.completions.create({
      model: 'route:stream-route',
      messages: [{ role: 'user', content: 'this one breaks mid-way through' }],
      stream: true,
    });
    await expect(async () => {
      for await (const _ of broken) {
      }
    }).rejects.toThrow();

    await expect(
      new OpenAI({
        apiKey: 'ff_not_a_real_key_0000000000',
        baseURL: `${s.url}/v1`,
        maxRetries: 0,
      }).models.list(),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a call whose reservation does not fit the monthly budget', async () => {
    const org = await memberWithKey(s);
    const put = await call(s, org, 'PUT', '/api/v1/ai/budget', {
      monthlyTokenLimit: 200,
      monthlyCostLimit: null,
    });
    expect(put.status, put.text).toBe(200);
    const res = await call(s, org, 'POST', '/api/v1/ai/generate', {
      prompt: 'a short one',
      maxOutputTokens: 500,
    });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('QUOTA_EXCEEDED');
    // Until the first of next month (UTC), the budget's renewal.
    const now = new Date();
    const renewal = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Math.abs(retryAfter - (renewal - Date.now()) / 1000)).toBeLessThan(60);
    const fits = await call(s, org, 'POST', '/api/v1/ai/generate', {
      prompt: 'a short one',
      maxOutputTokens: 50,
    });
    expect(fits.status, fits.text).toBe(200);
  });

  it("enforces the plan's AI generations per hour (starter: 10), cached answers free", async () => {
    const org = await memberWithKey(s, { plan: 'starter' });
    for (let i = 0; i < 10; i++) {
      const ok = await call(s, org, 'POST', '/api/v1/ai/generate', { prompt: `call ${i}` });
      expect(ok.status, ok.text).toBe(200);
      // Usage headers warn before the quota bites.
      expect(ok.headers.get('x-ai-generations-limit')).toBe('10');
      expect(ok.headers.get('x-ai-generations-remaining')).toBe(String(9 - i));
      expect(Number(ok.headers.get('x-ai-generations-reset'))).toBeGreaterThan(Date.now() / 1000 + 3000);
    }
    const cached = await call(s, org, 'POST', '/api/v1/ai/generate', { prompt: 'call 0' });
    expect(cached.body.cached).toBe(true);
    const over = await call(s, org, 'POST', '/api/v1/ai/generate', { prompt: 'one more' });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('QUOTA_EXCEEDED');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.error.message).toMatch(
      /^The plan allows 10 AI generations per hour; the next one in \d+ min$/,
    );
    expect(over.headers.get('x-ai-generations-remaining')).toBe('0');
  });

  it('does not use up an hourly generation on a call the monthly budget refuses', async () => {
    const org = await memberWithKey(s, { plan: 'starter' });
    await call(s, org, 'PUT', '/api/v1/ai/budget', { monthlyTokenLimit: 200, monthlyCostLimit: null });
    for (let i = 0; i < 12; i++) {
      const refused = await call(s, org, 'POST', '/api/v1/ai/generate', {
        prompt: `too big ${i}`,
        maxOutputTokens: 500,
      });
      expect(refused.body.error.message).toMatch(/monthly AI budget/);
    }
    const fits = await call(s, org, 'POST', '/api/v1/ai/generate', { prompt: 'small', maxOutputTokens: 50 });
    expect(fits.status, fits.text).toBe(200);
    expect(fits.headers.get('x-ai-generations-remaining')).toBe('9');
  });
});
