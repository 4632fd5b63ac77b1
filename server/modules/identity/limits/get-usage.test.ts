import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { aiGenerations } from '../../ai/schema.ts';
import { invitations } from '../access-schema.ts';
import type { TActorContext } from '../actor.ts';
import { ACTOR_ROUTERS, asActor, seedMember } from '../identity.test-kit.ts';
import { createApiLimiters, type TApiLimiters } from './api-limiters.ts';
import { API_REQUESTS_NOTE, DEPLOYMENTS_NOTE } from './get-usage.ts';
import { usageRoutes } from './usage-route.ts';

let db: Database;
let cleanup: () => Promise<void>;
let limiters: TApiLimiters;
let owner: TActorContext & { email: string };
let viewer: TActorContext & { email: string };
let stranger: TActorContext & { email: string };

const HOUR = 3_600_000;
const get = async (as: TActorContext, id: string) => {
  const res = await asActor(usageRoutes({ db, limiters, routers: ACTOR_ROUTERS }), () => as).request(
    `/api/v1/organizations/${id}/usage`,
  );
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
  };
};
const generation = (organizationId: string, ageMs: number) => ({
  organizationId,
  type: 'code',
  prompt: 'p',
  model: 'm',
  createdAt: new Date(Date.now() - ageMs),
});

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  limiters = createApiLimiters({ points: { pro: 50 }, namePrefix: `usage-${randomUUID().slice(0, 8)}` });
  owner = await seedMember(db, { role: 'owner', plan: 'pro' });
  viewer = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
  stranger = await seedMember(db, { role: 'owner', plan: 'starter' });
  await db.orm.insert(aiGenerations).values([
    generation(owner.organizationId, 60_000),
    generation(owner.organizationId, HOUR / 2),
    { ...generation(owner.organizationId, 10_000), status: 'failed' as const },
    generation(owner.organizationId, 2 * HOUR), // older than an hour
    generation(stranger.organizationId, 60_000), // another tenant's
  ]);
  const invite = {
    organizationId: owner.organizationId,
    role: 'developer' as const,
    invitedBy: owner.userId,
  };
  await db.orm.insert(invitations).values([
    { ...invite, email: 'a@example.com', tokenHash: randomUUID(), expiresAt: new Date(Date.now() + HOUR) },
    { ...invite, email: 'b@example.com', tokenHash: randomUUID(), expiresAt: new Date(Date.now() - HOUR) },
  ]);
});
afterAll(() => cleanup());

describe('GET /organizations/{id}/usage', () => {
  it('reports usage against the plan, counting what the database and the limiter hold', async () => {
    // A token's requests count against the plan per user.
    const token: TActorContext = { ...owner, authMethod: 'jwt' };
    await limiters.get('pro')?.consume(`user:${owner.userId}`, 7);
    const { status, body } = await get(token, owner.organizationId);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      plan: 'pro',
      members: { used: 3, limit: 10 }, // owner + viewer + one pending invitation (the other expired)
      apiRequestsThisHour: { used: 7, limit: 50 },
      aiGenerationsThisHour: { used: 3, limit: 100 },
      deploymentsToday: { used: null, limit: 50, note: DEPLOYMENTS_NOTE },
    });
    const resetAt = Date.parse((body.apiRequestsThisHour as { resetAt: string }).resetAt);
    expect(resetAt).toBeGreaterThan(Date.now() + HOUR - 60_000);
  });

  it('shows a web session the API limit with a note, not a count: its own requests are not counted', async () => {
    await limiters.get('pro')?.consume(`user:${owner.userId}`, 1);
    expect((await get(owner, owner.organizationId)).body).toMatchObject({
      apiRequestsThisHour: { used: null, limit: 50, resetAt: null, note: API_REQUESTS_NOTE },
    });
  });

  it("shows a viewer's token its own API counter, and an API key the key's", async () => {
    expect((await get({ ...viewer, authMethod: 'jwt' }, owner.organizationId)).body).toMatchObject({
      apiRequestsThisHour: { used: 0 },
    });
    const key: TActorContext = {
      ...owner,
      authMethod: 'api_key',
      apiKeyId: randomUUID(),
      apiKeyScopes: ['read'],
    };
    await limiters.get('pro')?.consume(`key:${key.apiKeyId}`, 2);
    expect((await get(key, owner.organizationId)).body).toMatchObject({ apiRequestsThisHour: { used: 2 } });
  });

  it('reports null limits for what an enterprise plan does not limit', async () => {
    const boss = await seedMember(db, { plan: 'enterprise' });
    const { body } = await get(boss, boss.organizationId);
    expect(body).toMatchObject({
      plan: 'enterprise',
      members: { used: 1, limit: null },
      apiRequestsThisHour: { used: null, limit: 10_000 },
      aiGenerationsThisHour: { used: 0, limit: 1_000 },
      deploymentsToday: { used: null, limit: null },
    });
  });

  it('reports no limit at all on the unlimited plan', async () => {
    const free = await seedMember(db, { plan: 'unlimited' });
    const { body } = await get({ ...free, authMethod: 'jwt' }, free.organizationId);
    expect(body).toMatchObject({
      plan: 'unlimited',
      members: { used: 1, limit: null },
      apiRequestsThisHour: { used: null, limit: null },
      aiGenerationsThisHour: { used: 0, limit: null },
      deploymentsToday: { used: null, limit: null },
    });
  });

  it("answers another tenant's id and an unknown id with 404, a malformed id with 400", async () => {
    expect((await get(owner, stranger.organizationId)).body.error?.code).toBe('RESOURCE_NOT_FOUND');
    expect((await get(stranger, owner.organizationId)).status).toBe(404);
    expect((await get(owner, randomUUID())).status).toBe(404);
    const bad = await get(owner, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('VALIDATION_ERROR');
  });

  it('refuses an API key without the read scope', async () => {
    const key: TActorContext = { ...owner, authMethod: 'api_key', apiKeyId: randomUUID(), apiKeyScopes: [] };
    const res = await get(key, owner.organizationId);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('INSUFFICIENT_PERMISSIONS');
  });
});
