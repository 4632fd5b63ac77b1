import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createMemoryCache } from '../../../../platform/cache/index.ts';
import type { Database } from '../../../../platform/db/index.ts';
import { createEventBus, type EventBus } from '../../../../platform/events/index.ts';
import { createMemoryPubSub } from '../../../../platform/pubsub/index.ts';
import { createTestDatabase } from '../../../../platform/testing/test-database.ts';
import type { TActorContext } from '../../actor.ts';
import { ACTOR_ROUTERS, asActor, seedMember } from '../../identity.test-kit.ts';
import { hashApiKey } from '../api-key-secret.ts';
import { verifyApiKey } from '../verify-api-key.ts';
import { apiKeyRoutes } from './api-key-routes.ts';

type TBody = Record<string, never>;

describe('/api/v1/api-keys', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let events: EventBus;
  let cache: Cache;
  let owner: TActorContext;
  let viewer: TActorContext;
  let stranger: TActorContext;
  let actor: TActorContext;

  const call = async (method: string, path: string, body?: unknown) => {
    const app = asActor(apiKeyRoutes({ db, events, cache, routers: ACTOR_ROUTERS }), () => actor);
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: (text ? JSON.parse(text) : null) as TBody };
  };

  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    events = await createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
    cache = createMemoryCache();
    owner = await seedMember(db, { role: 'owner' });
    viewer = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
    stranger = await seedMember(db, { role: 'owner' });
  });
  afterAll(async () => {
    await events.close();
    await cleanup();
  });

  it('POST answers 201 with the key once and the masked record', async () => {
    actor = owner;
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await call('POST', '/api-keys', { name: 'deploy', scopes: ['read', 'admin'], expiresAt });
    expect(res.status).toBe(201);
    const { key, apiKey } = res.body as unknown as { key: string; apiKey: Record<string, unknown> };
    expect(key).toMatch(/^ff_/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      userId: owner.userId,
      name: 'deploy',
      prefix: key.slice(0, 10),
      scopes: ['read', 'admin'],
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      createdAt: expect.any(String),
    });
    expect(res.text).not.toContain(hashApiKey(key));
    await expect(verifyApiKey({ db, cache, key })).resolves.toMatchObject({ apiKeyId: apiKey.id });
  });

  it.each([
    ['no body fields', {}],
    ['empty name', { name: '', scopes: ['read'] }],
    ['name too long', { name: 'x'.repeat(101), scopes: ['read'] }],
    ['name of wrong type', { name: 42, scopes: ['read'] }],
    ['empty scopes', { name: 'x', scopes: [] }],
    ['unknown scope', { name: 'x', scopes: ['root'] }],
    ['repeated scope', { name: 'x', scopes: ['read', 'read'] }],
    ['scopes not an array', { name: 'x', scopes: 'read' }],
    ['expiry not a date', { name: 'x', scopes: ['read'], expiresAt: 'tomorrow' }],
    ['expiry in the past', { name: 'x', scopes: ['read'], expiresAt: '2001-01-01T00:00:00Z' }],
  ])('POST answers 400 for a bad body (%s)', async (_label, body) => {
    actor = owner;
    const res = await call('POST', '/api-keys', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('POST answers 403 when the role cannot grant the scopes, or a key lacks the admin scope', async () => {
    actor = viewer;
    const res = await call('POST', '/api-keys', { name: 'x', scopes: ['admin'] });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS' });
    actor = { ...owner, authMethod: 'api_key', apiKeyScopes: ['write'] };
    expect((await call('POST', '/api-keys', { name: 'x', scopes: ['read'] })).status).toBe(403);
    expect((await call('GET', '/api-keys')).status).toBe(403);
  });

  it('GET lists masked keys with the pagination object', async () => {
    actor = owner;
    for (const name of ['a', 'b', 'c']) await call('POST', '/api-keys', { name, scopes: ['read'] });
    const res = await call('GET', '/api-keys?limit=2&offset=1&order=desc');
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({ total: 4, limit: 2, offset: 1, hasNext: true, hasPrev: true });
    const data = res.body.data as unknown as Record<string, unknown>[];
    expect(data.map((k) => k.name)).toEqual(['b', 'a']);
    for (const k of data) {
      expect(k).not.toHaveProperty('keyHash');
      expect(k).not.toHaveProperty('key');
    }
    expect((await call('GET', '/api-keys?limit=0')).status).toBe(400);
    expect((await call('GET', '/api-keys?order=sideways')).status).toBe(400);
  });

  it('GET shows a viewer only their own keys and another tenant none of mine', async () => {
    actor = viewer;
    await call('POST', '/api-keys', { name: 'viewer key', scopes: ['read'] });
    const mine = await call('GET', '/api-keys');
    expect((mine.body.data as unknown as { name: string }[]).map((k) => k.name)).toEqual(['viewer key']);
    actor = stranger;
    const theirs = await call('GET', '/api-keys');
    expect(theirs.body.data).toEqual([]);
    expect(theirs.body.pagination).toMatchObject({ total: 0 });
  });

  it('DELETE answers 204 and the key stops working; unknown or foreign ids answer 404', async () => {
    actor = owner;
    const created = await call('POST', '/api-keys', { name: 'doomed', scopes: ['read'] });
    const { key, apiKey } = created.body as unknown as { key: string; apiKey: { id: string } };

    actor = stranger;
    const foreign = await call('DELETE', `/api-keys/${apiKey.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    expect(foreign.text).not.toContain('doomed');
    await expect(verifyApiKey({ db, cache, key })).resolves.toBeDefined();

    actor = viewer;
    expect((await call('DELETE', `/api-keys/${apiKey.id}`)).status).toBe(404);

    actor = owner;
    expect((await call('DELETE', `/api-keys/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await call('DELETE', '/api-keys/not-a-uuid')).status).toBe(400);
    const res = await call('DELETE', `/api-keys/${apiKey.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    await expect(verifyApiKey({ db, cache, key })).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });
  });

  it('declares every route in the OpenAPI document', () => {
    const doc = apiKeyRoutes({ db, events, cache, routers: ACTOR_ROUTERS }).getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    });
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(['/api-keys', '/api-keys/{id}']);
    expect(Object.keys(doc.paths?.['/api-keys'] ?? {}).sort()).toEqual(['get', 'post']);
  });
});
