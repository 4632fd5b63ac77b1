import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../db/index.ts';
import { createMemoryPubSub, type PubSub } from '../pubsub/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import {
  createEventBus,
  type DomainEvent,
  defineEvent,
  domainEvents,
  type EventBus,
  listEvents,
} from './index.ts';

const ThingHappened = defineEvent('test.thing.happened', z.object({ n: z.number().int() }));
const log = pino({ level: 'silent' });
const ORG = '00000000-0000-4000-8000-000000000001';

describe('event bus', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let pubsub: PubSub;
  let bus: EventBus;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    pubsub = createMemoryPubSub();
    bus = await createEventBus({ db, pubsub, log });
  });
  afterAll(async () => {
    await bus.close();
    await cleanup();
  });

  it('stores the event and delivers it to typed and catch-all subscribers after commit', async () => {
    const typed: DomainEvent<{ n: number }>[] = [];
    const any: string[] = [];
    const off1 = bus.subscribe(ThingHappened, (e) => {
      typed.push(e);
    });
    const off2 = bus.subscribeAll((e) => {
      any.push(e.type);
    });
    const event = await bus.publish(ThingHappened, {
      aggregateId: 'a1',
      organizationId: ORG,
      payload: { n: 1 },
    });
    await bus.idle();
    off1();
    off2();
    expect(typed.map((e) => e.payload.n)).toEqual([1]);
    expect(any).toEqual(['test.thing.happened']);
    const [row] = await db.orm.select().from(domainEvents).where(eq(domainEvents.id, event.id));
    expect(row).toMatchObject({
      type: 'test.thing.happened',
      aggregateId: 'a1',
      organizationId: ORG,
      payload: { n: 1 },
    });
  });

  it('delivers nothing and stores nothing when the transaction rolls back', async () => {
    const seen: unknown[] = [];
    const off = bus.subscribe(ThingHappened, (e) => {
      seen.push(e);
    });
    let emittedId = '';
    await expect(
      bus.transaction(async (_tx, emit) => {
        emittedId = (await emit(ThingHappened, { aggregateId: 'a2', payload: { n: 2 } })).id;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await bus.idle();
    off();
    expect(seen).toEqual([]);
    expect(await db.orm.select().from(domainEvents).where(eq(domainEvents.id, emittedId))).toEqual([]);
  });

  it('does not deliver before the transaction commits', async () => {
    const seen: number[] = [];
    const off = bus.subscribe(ThingHappened, (e) => {
      seen.push(e.payload.n);
    });
    await bus.transaction(async (_tx, emit) => {
      await emit(ThingHappened, { aggregateId: 'a3', payload: { n: 3 } });
      await bus.idle();
      expect(seen).toEqual([]);
    });
    await bus.idle();
    off();
    expect(seen).toEqual([3]);
  });

  it('rejects a payload that fails the event schema', async () => {
    await expect(
      bus.publish(ThingHappened, { aggregateId: 'a4', payload: { n: 'x' } as unknown as { n: number } }),
    ).rejects.toThrow();
  });

  it('isolates a failing handler from the others and from the publisher', async () => {
    const seen: number[] = [];
    const off1 = bus.subscribe(ThingHappened, () => {
      throw new Error('handler bug');
    });
    const off2 = bus.subscribe(ThingHappened, (e) => {
      seen.push(e.payload.n);
    });
    await bus.publish(ThingHappened, { aggregateId: 'a5', payload: { n: 5 } });
    await bus.idle();
    off1();
    off2();
    expect(seen).toEqual([5]);
  });

  it('lists an organization’s events with filters', async () => {
    const { rows, total } = await listEvents(db, {
      organizationId: ORG,
      type: ThingHappened.type,
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(1);
    expect(rows[0]?.aggregateId).toBe('a1');
  });

  it('ignores malformed messages from other processes', async () => {
    const seen: unknown[] = [];
    const off = bus.subscribeAll((e) => {
      seen.push(e);
    });
    await pubsub.publish('ff:events', 'not json');
    await pubsub.publish('ff:events', JSON.stringify({ origin: 'other', event: { id: 'nope' } }));
    await pubsub.publish(
      'ff:events',
      JSON.stringify({
        origin: 'other',
        event: {
          id: '00000000-0000-4000-8000-000000000009',
          type: ThingHappened.type,
          aggregateId: 'x',
          organizationId: null,
          userId: null,
          payload: { n: 'wrong' },
          timestamp: new Date().toISOString(),
        },
      }),
    );
    await bus.idle();
    off();
    expect(seen).toEqual([]);
  });
});
