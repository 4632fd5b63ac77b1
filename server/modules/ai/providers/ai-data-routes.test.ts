import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorEnvelopeSchema } from '../../../../contracts/errors.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { createApiKey } from '../../identity/api-keys/create-api-key.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { sendJson, startUpstream } from '../ai.test-kit.ts';

// The AI data routes in a real server, behind the real authentication (API keys), rate limits and errors.
const KEY = 'sk-live-THIS-MUST-NEVER-LEAK-9f8e7d6c';

describe('AI data routes over HTTP', () => {
  let s: TestServer;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  const tokens: Record<'owner' | 'designer' | 'viewer' | 'stranger', string> = {
    owner: '',
    designer: '',
    viewer: '',
    stranger: '',
  };
  type TWho = keyof typeof tokens;

  const call = async (who: TWho, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${s.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions, not by types.
    return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  };
  const errorOf = (r: { body: unknown }) => ZErrorEnvelopeSchema.parse(r.body).error;

  beforeAll(async () => {
    upstream = await startUpstream((req, res) =>
      req.headers.authorization === `Bearer ${KEY}`
        ? sendJson(res, 200, { data: [{ id: 'gpt-4o' }] })
        : sendJson(res, 401, { error: { message: 'bad key', code: 'invalid_api_key' } }),
    );
    // The app mounts the AI routes itself (server/app.ts): they run here exactly as in production.
    // The upstream listens on 127.0.0.1, allowed as an operator allows a local model server.
    s = await startTestServer({ env: { ALLOW_PRIVATE_AI_PROVIDERS: 'true' } });
    const { db, events } = s.platform;
    const owner = await seedMember(db);
    const mint = async (
      actor: Awaited<ReturnType<typeof seedMember>>,
      scopes: ('read' | 'write' | 'admin')[],
    ) => (await createApiKey({ events, actor, input: { name: 'test', scopes } })).key;
    tokens.owner = await mint(owner, ['admin']);
    tokens.designer = await mint(
      await seedMember(db, { role: 'designer', organizationId: owner.organizationId }),
      ['write'],
    );
    tokens.viewer = await mint(
      await seedMember(db, { role: 'viewer', organizationId: owner.organizationId }),
      ['read'],
    );
    tokens.stranger = await mint(await seedMember(db), ['admin']);
  });
  afterAll(async () => {
    await s?.stop();
    await upstream?.close();
  });

  it('creates, lists, gets, tests and deletes a provider; the key never comes back or reaches the logs', async () => {
    const created = await call('owner', 'POST', '/ai/providers', {
      name: 'openai',
      kind: 'openai',
      baseUrl: `${upstream.url}/v1`,
      apiKey: KEY,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'openai', kind: 'openai', apiKeyHint: 'sk-…7d6c' });
    const id = created.body.id as string;
    const listed = await call('designer', 'GET', '/ai/providers');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await call('designer', 'GET', `/ai/providers/${id}`)).body.id).toBe(id);
    const tested = await call('owner', 'POST', `/ai/providers/${id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: true, models: 1 });
    for (const r of [created, listed, tested]) expect(r.text).not.toContain('NEVER-LEAK');
    expect(s.rawLogs()).not.toContain('NEVER-LEAK');
    expect((await call('owner', 'DELETE', `/ai/providers/${id}`)).status).toBe(204);
    expect((await call('owner', 'GET', `/ai/providers/${id}`)).status).toBe(404);
  });

  it('reports a refused upstream key as a result, not an error', async () => {
    const p = await call('owner', 'POST', '/ai/providers', {
      name: 'wrong-key',
      kind: 'openai',
      baseUrl: upstream.url,
      apiKey: 'sk-wrong-0123456789abcdef',
    });
    const tested = await call('owner', 'POST', `/ai/providers/${p.body.id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({
      ok: false,
      status: 401,
      code: 'AUTHENTICATION_FAILED',
      message: 'The provider refused the API key (HTTP 401)',
    });
  });

  it('refuses bad input with VALIDATION_ERROR naming the fields, and a duplicate with CONFLICT', async () => {
    const malformed = await call('owner', 'POST', '/ai/providers', '{"name": "x",');
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).code).toBe('VALIDATION_ERROR');
    const wrong = await call('owner', 'POST', '/ai/providers', {
      name: '',
      kind: 'openai-compatible',
      extra: 1,
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).details.map((d) => d.field)).toEqual(expect.arrayContaining(['json.name']));
    const badUrl = await call('owner', 'POST', '/ai/providers', {
      name: 'x',
      kind: 'openai',
      apiKey: 'k',
      baseUrl: 'file:///etc',
    });
    expect(errorOf(badUrl).details.map((d) => d.field)).toEqual(['json.baseUrl']);
    const body = { name: 'dup', kind: 'openai-compatible', baseUrl: upstream.url };
    expect((await call('owner', 'POST', '/ai/providers', body)).status).toBe(201);
    const dup = await call('owner', 'POST', '/ai/providers', body);
    expect(dup.status).toBe(409);
    expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT', details: [{ field: 'name' }] });
    expect((await call('owner', 'GET', '/ai/providers/not-a-uuid')).status).toBe(400);
  });

  it('hides another organization’s providers, routes and models (404), and forbids writes to lower roles', async () => {
    const p = await call('owner', 'POST', '/ai/providers', {
      name: 'ollama',
      kind: 'openai-compatible',
      baseUrl: upstream.url,
    });
    const id = p.body.id as string;
    const route = await call('owner', 'POST', '/ai/routes', {
      name: 'chat',
      strategy: 'weighted',
      targets: [
        { provider: id, model: 'llama3', weight: 2 },
        { provider: 'local', model: 'local', weight: 1 },
      ],
      fallback: [{ provider: 'local', model: 'local' }],
    });
    expect(route.status).toBe(201);
    const model = await call('owner', 'POST', '/ai/models', {
      providerId: id,
      model: 'llama3',
      contextWindow: 8192,
    });
    expect(model.status).toBe(201);
    for (const [method, path] of [
      ['GET', `/ai/providers/${id}`],
      ['DELETE', `/ai/providers/${id}`],
      ['POST', `/ai/providers/${id}/test`],
      ['GET', `/ai/routes/${route.body.id}`],
      ['DELETE', `/ai/routes/${route.body.id}`],
      ['DELETE', `/ai/models/${model.body.id}`],
      ['GET', `/ai/models/${model.body.id}/usage`],
    ] as const) {
      const r = await call('stranger', method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(errorOf(r).code).toBe('RESOURCE_NOT_FOUND');
    }
    const patched = await call('stranger', 'PATCH', `/ai/routes/${route.body.id}`, { maxRetries: 0 });
    expect(patched.status).toBe(404);
    const crossTarget = await call('stranger', 'POST', '/ai/routes', {
      name: 'steal',
      targets: [{ provider: id, model: 'x' }],
    });
    expect(crossTarget.status).toBe(400);
    expect(errorOf(crossTarget).details).toEqual([expect.objectContaining({ field: 'targets.0.provider' })]);

    for (const who of ['designer', 'viewer'] as const) {
      for (const [method, path, body] of [
        ['POST', '/ai/providers', { name: 'x', kind: 'openai', apiKey: 'sk-x' }],
        ['DELETE', `/ai/providers/${id}`, undefined],
        ['POST', '/ai/routes', { name: 'x', targets: [{ provider: 'local', model: 'local' }] }],
        ['PUT', '/ai/budget', { monthlyTokenLimit: 1, monthlyCostLimit: 1 }],
      ] as const) {
        const r = await call(who, method, path, body);
        expect(r.status, `${who} ${method} ${path}`).toBe(403);
        expect(errorOf(r).code).toBe('INSUFFICIENT_PERMISSIONS');
      }
    }
    // A viewer may not even read credentials' metadata or the catalogue (ai_provider:read, ai:generate).
    expect((await call('viewer', 'GET', '/ai/providers')).status).toBe(403);
    expect((await call('viewer', 'GET', '/ai/models')).status).toBe(403);
  });

  it('serves the catalogue, custom model changes and usage', async () => {
    const list = await call('designer', 'GET', '/ai/models');
    expect(list.status).toBe(200);
    const models = list.body.data as { model: string; scope: string; id: string }[];
    expect(models.find((m) => m.model === 'local')).toMatchObject({ scope: 'instance' });
    expect(models.find((m) => m.model === 'gpt-4o')).toBeDefined();
    const custom = models.find((m) => m.model === 'llama3')!;
    const patched = await call('owner', 'PATCH', `/ai/models/${custom.id}`, { outputPricePer1k: 0.002 });
    expect(patched.body).toMatchObject({ outputPricePer1k: 0.002 });
    const gpt = models.find((m) => m.model === 'gpt-4o')!;
    expect((await call('owner', 'PATCH', `/ai/models/${gpt.id}`, { status: 'disabled' })).status).toBe(403);
    expect((await call('owner', 'PATCH', `/ai/models/${custom.id}`, {})).status).toBe(400);
    const usage = await call('designer', 'GET', '/ai/models/local/usage');
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ model: 'local', calls: 0 });
    const badRange = await call(
      'designer',
      'GET',
      '/ai/models/local/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    );
    expect(badRange.status).toBe(400);
    expect(errorOf(badRange).details.map((d) => d.field)).toEqual(['query.from']);
    expect((await call('designer', 'GET', '/ai/models/local/usage?from=yesterday')).status).toBe(400);
    expect((await call('owner', 'DELETE', `/ai/models/${custom.id}`)).status).toBe(204);
  });

  it('reads and sets the budget', async () => {
    expect((await call('designer', 'GET', '/ai/budget')).body).toMatchObject({
      limits: { tokens: null, cost: null },
      used: { tokens: 0, cost: 0 },
    });
    const put = await call('owner', 'PUT', '/ai/budget', {
      monthlyTokenLimit: 100000,
      monthlyCostLimit: 25.5,
    });
    expect(put.status).toBe(200);
    expect(put.body.limits).toEqual({ tokens: 100000, cost: 25.5 });
    const bad = await call('owner', 'PUT', '/ai/budget', { monthlyTokenLimit: -1, monthlyCostLimit: 'lots' });
    expect(
      errorOf(bad)
        .details.map((d) => d.field)
        .sort(),
    ).toEqual(['json.monthlyCostLimit', 'json.monthlyTokenLimit']);
    expect((await call('stranger', 'GET', '/ai/budget')).body.limits).toEqual({ tokens: null, cost: null });
  });

  it('lists routes and declares x-permission on every AI operation in the OpenAPI document', async () => {
    expect(
      (await call('designer', 'GET', '/ai/routes')).body.data.map((r: { name: string }) => r.name),
    ).toEqual(['chat']);
    const doc = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
    };
    const ops = Object.entries(doc.paths)
      .filter(([p]) => p.includes('/ai/'))
      .flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => [`${m} ${p}`, op['x-permission']]));
    expect(ops.length).toBeGreaterThanOrEqual(15);
    expect(ops.filter(([, perm]) => !perm)).toEqual([]);
  });
});
