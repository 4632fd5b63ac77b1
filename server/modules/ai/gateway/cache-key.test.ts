import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../platform/cache/index.ts';
import type { TGenerateRequest, TGenerateResult } from '../types.ts';
import { cacheKey, canonicalJson, targetsSignature } from './cache-key.ts';
import { createResponseCache } from './create-response-cache.ts';

const base: TGenerateRequest = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hello' },
  ],
  responseSchema: { type: 'object', properties: { a: { type: 'string' } } },
};
const sig = targetsSignature([{ key: 'p1:gpt-4o-mini' }]);

describe('cacheKey', () => {
  it('is a SHA-256 hex digest, stable for the same request', () => {
    expect(cacheKey('org1', base, sig)).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('org1', base, sig)).toBe(cacheKey('org1', structuredClone(base), sig));
  });

  it('ignores surrounding whitespace, key order, spelled-out defaults and the cache flag', () => {
    const same: TGenerateRequest = {
      cache: true,
      temperature: 1,
      responseSchema: { properties: { a: { type: 'string' } }, type: 'object' },
      messages: [
        { content: '  Be brief.\n', role: 'system' },
        { role: 'user', content: 'Hello ' },
      ],
      tools: [],
      model: 'gpt-4o-mini',
    };
    expect(cacheKey('org1', same, sig)).toBe(cacheKey('org1', base, sig));
    expect(cacheKey('org1', { ...base, cache: false }, sig)).toBe(cacheKey('org1', base, sig));
  });

  it('differs by organization, targets, content, parameters, schema and tools', () => {
    const k = cacheKey('org1', base, sig);
    const variants: Array<[string, TGenerateRequest, string]> = [
      ['org2', base, sig],
      ['org1', base, targetsSignature([{ key: 'p2:gpt-4o-mini' }])],
      ['org1', { ...base, messages: [{ role: 'user', content: 'Hello!' }] }, sig],
      ['org1', { ...base, temperature: 0 }, sig],
      ['org1', { ...base, maxOutputTokens: 10 }, sig],
      ['org1', { ...base, responseSchema: { type: 'array' } }, sig],
      ['org1', { ...base, tools: [{ name: 't', parameters: {} }] }, sig],
      ['org1', { ...base, model: 'gpt-4o' }, sig],
    ];
    const keys = variants.map(([org, req, s]) => cacheKey(org, req, s));
    expect(new Set([k, ...keys]).size).toBe(variants.length + 1);
  });

  it('targetsSignature ignores order and duplicates', () => {
    expect(targetsSignature([{ key: 'b' }, { key: 'a' }, { key: 'b' }])).toBe('a,b');
  });

  it('canonicalJson sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"z":1}]},"b":1}',
    );
  });
});

describe('createResponseCache', () => {
  const result: TGenerateResult = {
    id: 'g1',
    text: 'hi',
    toolCalls: [],
    finishReason: 'stop',
    usage: { inputTokens: 3, outputTokens: 1 },
    cost: 0.01,
    latencyMs: 420,
    cached: false,
    provider: 'p1',
    providerKind: 'openai',
    model: 'gpt-4o-mini',
    route: null,
    attempts: [{ provider: 'p1', model: 'gpt-4o-mini', outcome: 'ok', latencyMs: 420 }],
  };

  it('a hit comes back marked cached, free, with the lookup as latency', async () => {
    const responses = createResponseCache({ cache: createMemoryCache() });
    expect(await responses.get('k')).toBeUndefined();
    await responses.set('k', result);
    const hit = await responses.get('k');
    expect(hit).toMatchObject({ text: 'hi', usage: result.usage, cached: true, cost: 0, attempts: [] });
    expect(hit!.latencyMs).toBeLessThan(100);
  });

  it('expires after its TTL and never stores failed or already-cached answers', async () => {
    const responses = createResponseCache({ cache: createMemoryCache(), ttlMs: 100 });
    await responses.set('k', result);
    await responses.set('e', { ...result, finishReason: 'error' });
    await responses.set('c', { ...result, cached: true });
    expect(await responses.get('e')).toBeUndefined();
    expect(await responses.get('c')).toBeUndefined();
    expect(await responses.get('k')).toBeDefined();
    await new Promise((r) => setTimeout(r, 250));
    expect(await responses.get('k')).toBeUndefined();
  });
});
