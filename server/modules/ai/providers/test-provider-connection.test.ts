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
    actor: owner,
    input: ZCreateProviderBodySchema.parse({
      name: crypto.randomUUID(),
      kind,
      baseUrl,
      apiKey: apiKey ?? undefined,
    }),
  });
const test = (providerId: string, timeoutMs?: number) =>
  testProviderConnection({ db: h.db, secrets: h.secrets, actor: owner, providerId, timeoutMs });

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

  it('returns the upstream’s error code and message, with an echoed key redacted', async () => {
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
    expect(result).toMatchObject({ ok: false, status: 401, code: 'invalid_api_key' });
    expect(result.message).toBe('Incorrect API key provided: [redacted]');
  });

  it('reads Anthropic’s error shape', async () => {
    answer = (_url, res) =>
      sendJson(res, 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const p = await provider('anthropic', upstream.url);
    expect(await test(p.id)).toMatchObject({
      ok: false,
      status: 529,
      code: 'overloaded_error',
      message: 'Overloaded',
    });
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
      testProviderConnection({ db: h.db, secrets: h.secrets, actor: stranger, providerId: p.id }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    const developer = await seedMember(h.db, { role: 'developer', organizationId: owner.organizationId });
    await expect(
      testProviderConnection({ db: h.db, secrets: h.secrets, actor: developer, providerId: p.id }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
  });
});
