import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cache, createMemoryCache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createEventBus, domainEvents, type EventBus } from '../../../platform/events/index.ts';
import type { AppError } from '../../../platform/http/index.ts';
import { createMemoryPubSub } from '../../../platform/pubsub/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { apiKeys } from '../access-schema.ts';
import type { TActorContext } from '../actor.ts';
import { seedMember } from '../identity.test-kit.ts';
import { organizationMembers } from '../schema.ts';
import { apiKeyCacheKey, hashApiKey } from './api-key-secret.ts';
import { createApiKey } from './create-api-key.ts';
import { grantableScopes } from './grantable-scopes.ts';
import { listApiKeys } from './list-api-keys.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { forgetMemberRole, verifyApiKey } from './verify-api-key.ts';

/** The AppError code a promise rejects with (fails the test if it resolves or throws something else). */
async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = (await p.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  )) as AppError;
  expect(err.name).toBe('AppError');
  return err.code;
}

const page = { limit: 20, offset: 0, order: 'asc' as const };

describe('API key operations', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let events: EventBus;
  let cache: Cache;
  let owner: TActorContext;
  let developer: TActorContext;
  let viewer: TActorContext;
  let stranger: TActorContext;

  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    events = await createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
    cache = createMemoryCache();
    owner = await seedMember(db, { role: 'owner' });
    developer = await seedMember(db, { role: 'developer', organizationId: owner.organizationId });
    viewer = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
    stranger = await seedMember(db, { role: 'owner' });
  });
  afterAll(async () => {
    await events.close();
    await cleanup();
  });

  const create = (actor: TActorContext, input: Parameters<typeof createApiKey>[0]['input']) =>
    createApiKey({ events, actor, input });

  it('creates, verifies, lists masked, revokes, then refuses the key', async () => {
    const { key, apiKey } = await create(owner, { name: ' CI deploy ', scopes: ['write', 'read'] });
    expect(key).toMatch(/^ff_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'CI deploy', prefix: key.slice(0, 10), scopes: ['read', 'write'] });
    expect(JSON.stringify(apiKey)).not.toContain(key);
    expect(JSON.stringify(apiKey)).not.toContain(hashApiKey(key));

    const [row] = await db.orm.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.keyHash).toBe(hashApiKey(key));
    expect(row?.keyHash).not.toContain(key.slice(3));

    expect(await verifyApiKey({ db, cache, key })).toEqual({
      apiKeyId: apiKey.id,
      userId: owner.userId,
      organizationId: owner.organizationId,
      scopes: ['read', 'write'],
      orgRole: 'owner',
    });

    const { rows } = await listApiKeys({ db, actor: owner, query: page });
    const listed = rows.find((r) => r.id === apiKey.id);
    expect(listed).toMatchObject({ prefix: key.slice(0, 10), revokedAt: null });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(JSON.stringify(rows)).not.toContain(hashApiKey(key));
    expect(Object.keys(listed ?? {}).sort()).toEqual(
      [
        'createdAt',
        'expiresAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
        'scopes',
        'userId',
      ].sort(),
    );

    await revokeApiKey({ events, cache, actor: owner, id: apiKey.id });
    expect(await codeOf(verifyApiKey({ db, cache, key }))).toBe('AUTHENTICATION_FAILED');
    const after = await listApiKeys({ db, actor: owner, query: page });
    expect(after.rows.find((r) => r.id === apiKey.id)?.revokedAt).not.toBeNull();
  });

  it('records created and revoked events without secrets', async () => {
    const { key, apiKey } = await create(developer, { name: 'audited', scopes: ['read'] });
    await revokeApiKey({ events, cache, actor: developer, id: apiKey.id });
    await revokeApiKey({ events, cache, actor: developer, id: apiKey.id });
    const stored = await db.orm.select().from(domainEvents).where(eq(domainEvents.aggregateId, apiKey.id));
    expect(stored.map((e) => e.type).sort()).toEqual(['api_key.created', 'api_key.revoked']);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(key);
    expect(text).not.toContain(hashApiKey(key));
  });

  it('refuses a revoked key even while its verification is cached', async () => {
    const { key, apiKey } = await create(owner, { name: 'cached', scopes: ['read'] });
    await verifyApiKey({ db, cache, key });
    expect(await cache.get(apiKeyCacheKey(hashApiKey(key)))).toMatchObject({ id: apiKey.id });
    await revokeApiKey({ events, cache, actor: owner, id: apiKey.id });
    expect(await codeOf(verifyApiKey({ db, cache, key }))).toBe('AUTHENTICATION_FAILED');
  });

  it('refuses an expired key, also when it was cached while valid', async () => {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 60_000);
    const { key } = await create(owner, { name: 'short', scopes: ['read'], expiresAt });
    await expect(verifyApiKey({ db, cache, key, now })).resolves.toMatchObject({ scopes: ['read'] });
    const later = new Date(expiresAt.getTime() + 1);
    expect(await codeOf(verifyApiKey({ db, cache, key, now: later }))).toBe('AUTHENTICATION_FAILED');
  });

  it('refuses an expiry that is not in the future', async () => {
    const past = new Date(Date.now() - 1000);
    expect(await codeOf(create(owner, { name: 'late', scopes: ['read'], expiresAt: past }))).toBe(
      'VALIDATION_ERROR',
    );
  });

  it.each([
    ['empty', ''],
    ['prefix only', 'ff_'],
    ['no prefix', 'abc'],
    ['10 kB', `ff_${'a'.repeat(10_000)}`],
    ['right length, bad characters', `ff_${'!'.repeat(43)}`],
    ['unknown but well formed', `ff_${'A'.repeat(43)}`],
  ])('refuses a malformed or unknown key (%s) with the same generic error', async (_label, key) => {
    const err = (await verifyApiKey({ db, cache, key }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('AUTHENTICATION_FAILED');
    expect(err.message).toBe('Invalid or expired API key');
  });

  it('refuses scopes beyond the creator’s role', async () => {
    expect(await codeOf(create(viewer, { name: 'x', scopes: ['admin'] }))).toBe('INSUFFICIENT_PERMISSIONS');
    expect(await codeOf(create(viewer, { name: 'x', scopes: ['read', 'write'] }))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    );
    expect(await codeOf(create(developer, { name: 'x', scopes: ['admin'] }))).toBe(
      'INSUFFICIENT_PERMISSIONS',
    );
    await expect(create(viewer, { name: 'x', scopes: ['read'] })).resolves.toBeDefined();
    await expect(create(developer, { name: 'x', scopes: ['write'] })).resolves.toBeDefined();
  });

  it('derives grantable scopes from the permission catalogue', () => {
    expect(grantableScopes('owner')).toEqual(['read', 'write', 'admin']);
    expect(grantableScopes('admin')).toEqual(['read', 'write', 'admin']);
    expect(grantableScopes('developer')).toEqual(['read', 'write']);
    expect(grantableScopes('client')).toEqual(['read', 'write']);
    expect(grantableScopes('viewer')).toEqual(['read']);
  });

  it('refuses bad names and empty scopes', async () => {
    expect(await codeOf(create(owner, { name: '   ', scopes: ['read'] }))).toBe('VALIDATION_ERROR');
    expect(await codeOf(create(owner, { name: 'x'.repeat(101), scopes: ['read'] }))).toBe('VALIDATION_ERROR');
    expect(await codeOf(create(owner, { name: 'x', scopes: [] }))).toBe('VALIDATION_ERROR');
  });

  it('hides another tenant’s key: revoke answers 404, lists leave it out', async () => {
    const { key, apiKey } = await create(owner, { name: 'mine', scopes: ['read'] });
    expect(await codeOf(revokeApiKey({ events, cache, actor: stranger, id: apiKey.id }))).toBe(
      'RESOURCE_NOT_FOUND',
    );
    const theirs = await listApiKeys({ db, actor: stranger, query: page });
    expect(theirs.rows.map((r) => r.id)).not.toContain(apiKey.id);
    await expect(verifyApiKey({ db, cache, key })).resolves.toMatchObject({ apiKeyId: apiKey.id });
    const unknown = crypto.randomUUID();
    expect(await codeOf(revokeApiKey({ events, cache, actor: owner, id: unknown }))).toBe(
      'RESOURCE_NOT_FOUND',
    );
  });

  it('lets members see and revoke only their own keys; admins see and revoke all', async () => {
    const own = await create(viewer, { name: 'viewer-own', scopes: ['read'] });
    const others = await create(developer, { name: 'dev-own', scopes: ['read'] });
    const seen = await listApiKeys({ db, actor: viewer, query: { ...page, limit: 100 } });
    expect(seen.rows.every((r) => r.userId === viewer.userId)).toBe(true);
    expect(seen.rows.map((r) => r.id)).toContain(own.apiKey.id);
    const all = await listApiKeys({ db, actor: owner, query: { ...page, limit: 100 } });
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([own.apiKey.id, others.apiKey.id]));

    expect(await codeOf(revokeApiKey({ events, cache, actor: viewer, id: others.apiKey.id }))).toBe(
      'RESOURCE_NOT_FOUND',
    );
    await revokeApiKey({ events, cache, actor: viewer, id: own.apiKey.id });
    await revokeApiKey({ events, cache, actor: owner, id: others.apiKey.id });
    expect(await codeOf(verifyApiKey({ db, cache, key: others.key }))).toBe('AUTHENTICATION_FAILED');
  });

  it('returns the creator’s current role, and refuses the key once they leave', async () => {
    const member = await seedMember(db, { role: 'admin', organizationId: owner.organizationId });
    const { key } = await create(member, { name: 'admin key', scopes: ['admin'] });
    expect((await verifyApiKey({ db, cache, key })).orgRole).toBe('admin');

    const mine = eq(organizationMembers.userId, member.userId);
    await db.orm.update(organizationMembers).set({ role: 'viewer' }).where(mine);
    await forgetMemberRole({ cache, organizationId: member.organizationId, userId: member.userId });
    expect((await verifyApiKey({ db, cache, key })).orgRole).toBe('viewer');

    await db.orm.delete(organizationMembers).where(mine);
    await forgetMemberRole({ cache, organizationId: member.organizationId, userId: member.userId });
    expect(await codeOf(verifyApiKey({ db, cache, key }))).toBe('AUTHENTICATION_FAILED');
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const { key, apiKey } = await create(owner, { name: 'busy', scopes: ['read'] });
    const lastUsed = async () =>
      (await db.orm.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]?.lastUsedAt?.getTime();
    const t0 = Date.now();
    expect(await lastUsed()).toBeUndefined();
    await verifyApiKey({ db, cache, key, now: new Date(t0) });
    expect(await lastUsed()).toBe(t0);
    await verifyApiKey({ db, cache, key, now: new Date(t0 + 30_000) });
    expect(await lastUsed()).toBe(t0);
    await verifyApiKey({ db, cache, key, now: new Date(t0 + 61_000) });
    expect(await lastUsed()).toBe(t0 + 61_000);
  });
});
