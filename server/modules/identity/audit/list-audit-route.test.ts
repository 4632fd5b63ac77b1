import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../../platform/db/index.ts';
import { createEventBus, defineEvent, type EventBus } from '../../../platform/events/index.ts';
import { createMemoryPubSub } from '../../../platform/pubsub/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import type { TActorContext } from '../actor.ts';
import { ACTOR_ROUTERS, asActor, seedMember } from '../identity.test-kit.ts';
import { auditRoutes } from './list-audit-route.ts';

const Thing = defineEvent('test.thing', z.object({ n: z.number() }));

describe('GET /api/v1/audit', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let events: EventBus;
  let owner: TActorContext;
  let viewer: TActorContext;
  let other: TActorContext;
  let actor: TActorContext;
  const app = () => asActor(auditRoutes({ db, routers: ACTOR_ROUTERS }), () => actor);
  const get = async (q = '') => {
    const res = await app().request(`/api/v1/audit${q}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    events = await createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
    owner = await seedMember(db, { role: 'owner' });
    viewer = await seedMember(db, { role: 'viewer', organizationId: owner.organizationId });
    other = await seedMember(db, { role: 'owner' });
    for (const n of [1, 2, 3]) {
      await events.publish(Thing, {
        aggregateId: `a${n}`,
        organizationId: owner.organizationId,
        userId: n === 3 ? viewer.userId : owner.userId,
        payload: { n },
      });
    }
    await events.publish(Thing, {
      aggregateId: 'x',
      organizationId: other.organizationId,
      payload: { n: 9 },
    });
  });
  afterAll(async () => {
    await events.close();
    await cleanup();
  });

  it('lists the organization’s events newest first with the pagination object', async () => {
    actor = owner;
    const { status, body } = await get('?limit=2');
    expect(status).toBe(200);
    const data = body.data as unknown as { aggregateId: string }[];
    expect(data.map((e) => e.aggregateId)).toEqual(['a3', 'a2']);
    expect(body.pagination).toEqual({ total: 3, limit: 2, offset: 0, hasNext: true, hasPrev: false });
  });

  it('filters by user, aggregate and time', async () => {
    actor = owner;
    const byUser = await get(`?userId=${viewer.userId}`);
    expect((byUser.body.data as unknown as unknown[]).length).toBe(1);
    const byAggregate = await get('?aggregateId=a1');
    expect((byAggregate.body.data as unknown as unknown[]).length).toBe(1);
    const future = await get(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect((future.body.data as unknown as unknown[]).length).toBe(0);
  });

  it('never shows another organization’s events', async () => {
    actor = other;
    const { body } = await get();
    const data = body.data as unknown as { aggregateId: string }[];
    expect(data.map((e) => e.aggregateId)).toEqual(['x']);
  });

  it('refuses members without audit:read', async () => {
    actor = viewer;
    const { status, body } = await get();
    expect(status).toBe(403);
    expect((body.error as { code: string }).code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it('refuses bad filters', async () => {
    actor = owner;
    for (const q of ['?userId=nope', '?from=yesterday', '?limit=0', '?order=up']) {
      expect((await get(q)).status, q).toBe(400);
    }
  });
});
