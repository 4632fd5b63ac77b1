import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember } from '../../../testing/members.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, sendJson, startUpstream, type TAiHarness } from '../ai.test-kit.ts';
import { createProvider } from './create-provider.ts';
import { ZCreateProviderBodySchema } from './schemas.ts';
import { testProviderConnection } from './test-provider-connection.ts';

const KEY = 'sk-test-0123456789abcdefghijWXYZ';

let h: TAiHarness;
let owner: TActorContext;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
// Each test sets how the upstream answers a path.
let answer: (url: string, res: import('node:http').ServerResponse) => void;

beforeAll(async () => {
  h = await createAiHarness();
  owner = await seedMember(h.db);
  upstream = await startUpstream((req, res) => answer(req.url, res));
});
afterAll(async () => {
  await upstream.close();
  await h.close();
});

const provider = async (kind: string, baseUrl: string, apiKey: string | null = KEY) =>
  createProvider({
    db: h.db,
    secrets: h.secrets,
    network: h.network,
    actor: owner,
    input: ZCreateProviderBodySchema.parse({
      name: crypto.randomUUID(),
      kind,
      baseUrl,
      apiKey: apiKey ?? undefined,
    }),
  });
const test = (providerId: string, timeoutMs?: number) =>
  testProviderConnection({
    db: h.db,
    secrets: h.secrets,
    network: h.network,
    actor: owner,
    providerId,
    timeoutMs,
  });

describe('testProviderConnection', () => {
  it('GETs {base}/models with the bearer key and reports ok, latency and the model count', async () => {
    answer = (_url, res) => sendJson(res, 200, { object: 'list', data: [{ id: 'a' }, { id: 'b' }] });
    const p = await provider('openai', `${upstream.url}/v1/`);
    const result = await test(p.id);
    expect(result).toMatchObject({ ok: true, status: 200, models: 2 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const seen = upstream.seen.at(-1)!;
    expect(seen.url).toBe('/v1/models');
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('speaks Anthropic’s headers (x-api-key, anthropic-version) to an anthropic provider', async () => {
    answer = (_url, res) => sendJson(res, 200, { data: [{ id: 'claude' }], has_more: false });
    const p = await provider('anthropic', `${upstream.url}/v1`);
    expect(await test(p.id)).toMatchObject({ ok: true, models: 1 });
    const seen = upstream.seen.at(-1)!;
    expect(seen.headers['x-api-key']).toBe(KEY);
    expect(seen.headers['anthropic-version']).toBe('2023-06-01');
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('sends no credential to a keyless openai-compatible server', async () => {
    answer = (_url, res) => sendJson(res, 200, { data: [] });
    const p = await provider('openai-compatible', upstream.url, null);
    expect(await test(p.id)).toMatchObject({ ok: true, models: 0 });
    expect(upstream.seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('names a refused key in its own words, never echoing the upstream’s body (nor the key in it)', async () => {
    answer = (_url, res) =>
      sendJson(res, 401, {
        error: {
          message: `Incorrect API key provided: ${KEY}`,
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      });
    const p = await provider('openai', upstream.url);
    const result = await test(p.id);
    expect(result).toEqual({
      ok: false,
      latencyMs: expect.any(Number),
      status: 401,
      code: 'AUTHENTICATION_FAILED',
      message: 'The provider refused the API key (HTTP 401)',
    });
  });

  it('does not reflect what an internal service answers (the connection test is no reading tool)', async () => {
    answer = (_url, res) =>
      sendJson(res, 500, { error: { code: 'db_password_hunter2', message: 'root:x:0:0:/root:/bin/bash' } });
    const p = await provider('anthropic', upstream.url);
    const result = await test(p.id);
    expect(result).toMatchObject({ ok: false, status: 500, code: 'HTTP_500' });
    expect(JSON.stringify(result)).not.toMatch(/hunter2|root:x/);
  });

  it('reports a non-JSON error page and a 200 without a model list', async () => {
    answer = (_url, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    };
    const p = await provider('openai', upstream.url);
    expect(await test(p.id)).toMatchObject({ ok: false, status: 502, code: 'HTTP_502' });
    answer = (_url, res) => sendJson(res, 200, '{"data": [');
    expect(await test(p.id)).toMatchObject({ ok: false, status: 200, code: 'INVALID_RESPONSE' });
  });

  it('reports a timeout and a refused connection instead of throwing', async () => {
    answer = () => {}; // never answers
    const slow = await provider('openai', upstream.url);
    const started = Date.now();
    expect(await test(slow.id, 300)).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);

    const closed = await startUpstream(() => {});
    const url = closed.url;
    await closed.close();
    const gone = await provider('openai', url);
    expect(await test(gone.id)).toMatchObject({ ok: false, code: 'NETWORK_ERROR', message: 'ECONNREFUSED' });
  });

  it('answers RESOURCE_NOT_FOUND for another organization’s provider, and 403 to a developer', async () => {
    answer = (_url, res) => sendJson(res, 200, { data: [] });
    const p = await provider('openai', upstream.url);
    const stranger = await seedMember(h.db);
    await expect(
      testProviderConnection({
        db: h.db,
        secrets: h.secrets,
        network: h.network,
        actor: stranger,
        providerId: p.id,
      }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    const developer = await seedMember(h.db, { role: 'developer', organizationId: owner.organizationId });
    await expect(
      testProviderConnection({
        db: h.db,
        secrets: h.secrets,
        network: h.network,
        actor: developer,
        providerId: p.id,
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
  });
});

describe('testProviderConnection behind the SSRF guard', () => {
  it('refuses a provider on loopback without sending it the key, unless the operator allows it', async () => {
    answer = (_url, res) => sendJson(res, 200, { data: [] });
    const p = await provider('openai', `${upstream.url}/v1`);
    const before = upstream.seen.length;
    const refused = await testProviderConnection({
      db: h.db,
      secrets: h.secrets,
      network: { allowPrivateNetworks: false },
      actor: owner,
      providerId: p.id,
    });
    expect(refused).toMatchObject({ ok: false, code: 'TARGET_REFUSED' });
    expect(refused.message).toMatch(/127\.0\.0\.1 \(loopback address\).*ALLOW_PRIVATE_AI_PROVIDERS=true/);
    expect(upstream.seen.length).toBe(before);
    const allowed = await testProviderConnection({
      db: h.db,
      secrets: h.secrets,
      network: { allowPrivateNetworks: true },
      actor: owner,
      providerId: p.id,
    });
    expect(allowed).toMatchObject({ ok: true, models: 0 });
  });
});
