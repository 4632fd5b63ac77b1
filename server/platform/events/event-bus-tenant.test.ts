import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Database, queryRows } from '../db/index.ts';
import { InvalidTenantError } from '../db/tenant/index.ts';
import { createMemoryPubSub } from '../pubsub/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createEventBus, defineEvent, domainEvents, type EventBus, listEvents } from './index.ts';

const Pinged = defineEvent('test.tenant.pinged', z.object({ n: z.number().int() }));
const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';

// events.transaction(work, { organizationId }) runs through withTenant: one transaction as ff_app, so the
// work and its events pass the row-level security policies of that organization, and only those.
describe('event bus tenant transactions', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let bus: EventBus;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    bus = await createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
    await bus.publish(Pinged, { aggregateId: 'b', organizationId: ORG_B, payload: { n: 0 } });
  });
  afterAll(async () => {
    await bus.close();
    await cleanup();
  });

  it('runs the work as ff_app for the organization and stores its events with it', async () => {
    const seen: number[] = [];
    const off = bus.subscribe(Pinged, (e) => {
      seen.push(e.payload.n);
    });
    const inside = await bus.transaction(
      async (tx, emit) => {
        await emit(Pinged, { aggregateId: 'a', organizationId: ORG_A, payload: { n: 1 } });
        const [who] = await queryRows<{ u: string; org: string }>(
          tx,
          sql`select current_user as u, current_setting('app.organization_id') as org`,
        );
        // No WHERE clause: only this tenant's events are visible, including the one just written.
        const orgs = await queryRows<{ organization_id: string }>(
          tx,
          sql`select distinct organization_id from domain_events`,
        );
        return { who, orgs: orgs.map((r) => r.organization_id) };
      },
      { organizationId: ORG_A },
    );
    await bus.idle();
    off();
    expect(inside.who).toEqual({ u: 'ff_app', org: ORG_A });
    expect(inside.orgs).toEqual([ORG_A]);
    expect(seen).toEqual([1]);
    const [who] = await queryRows<{ u: string }>(db.orm, sql`select current_user as u`);
    expect(who?.u).not.toBe('ff_app');
  });

  it('refuses an event of another organization, or of none, and rolls everything back', async () => {
    for (const organizationId of [ORG_B, undefined]) {
      let id = '';
      await expect(
        bus.transaction(
          async (_tx, emit) => {
            id = (await emit(Pinged, { aggregateId: 'ok', organizationId: ORG_A, payload: { n: 2 } })).id;
            await emit(Pinged, { aggregateId: 'x', organizationId, payload: { n: 3 } });
          },
          { organizationId: ORG_A },
        ),
      ).rejects.toThrow(/must carry that organizationId/);
      expect(await db.orm.select().from(domainEvents).where(eq(domainEvents.id, id))).toEqual([]);
    }
  });

  it('refuses an organization id that is not a UUID before any SQL', async () => {
    await expect(
      bus.transaction(async () => 'never', { organizationId: "x'; drop table domain_events; --" }),
    ).rejects.toBeInstanceOf(InvalidTenantError);
  });

  it('publishes an organization’s event as that tenant and lists it as that tenant', async () => {
    await bus.publish(Pinged, { aggregateId: 'p', organizationId: ORG_A, payload: { n: 4 } });
    const a = await listEvents(db, { organizationId: ORG_A, type: Pinged.type, limit: 10, offset: 0 });
    expect(a.rows.map((r) => r.payload)).toEqual([{ n: 4 }, { n: 1 }]);
    const b = await listEvents(db, { organizationId: ORG_B, type: Pinged.type, limit: 10, offset: 0 });
    expect(b.rows.map((r) => r.organizationId)).toEqual([ORG_B]);
  });
});
