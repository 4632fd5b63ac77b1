import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRedisPubSub } from '../pubsub/index.ts';
import { connectRedis, type Redis } from '../redis/index.ts';
import { type Peer, startPeer } from '../testing/peer-process.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createEventBus, type DomainEvent, defineEvent, type EventBus } from './index.ts';

const PeerPinged = defineEvent('test.peer.pinged', z.object({ from: z.string(), n: z.number() }));
const log = pino({ level: 'silent' });

describe('domain events across processes (PostgreSQL + Redis)', () => {
  let cleanup: () => Promise<void>;
  let redis: Redis;
  let bus: EventBus;
  let peer: Peer;
  const received: DomainEvent<{ from: string; n: number }>[] = [];

  beforeAll(async () => {
    const t = await createTestDatabase();
    cleanup = t.cleanup;
    redis = await connectRedis(process.env.TEST_REDIS_URL ?? '', log, 'test');
    bus = await createEventBus({ db: t.db, pubsub: await createRedisPubSub(redis, log), log });
    bus.subscribe(PeerPinged, (e) => {
      received.push(e);
    });
    peer = startPeer(path.join(import.meta.dirname, 'fixtures', 'event.test-peer.ts'), {
      DATABASE_URL: t.url,
      REDIS_URL: process.env.TEST_REDIS_URL,
    });
    await peer.waitFor((l) => l.ready === true, 30_000);
  });
  afterAll(async () => {
    await peer?.kill();
    await bus.close();
    redis.disconnect();
    await cleanup();
  });

  it('delivers an event published in process A to a subscriber in process B, once', async () => {
    const event = await bus.publish(PeerPinged, { aggregateId: 'a', payload: { from: 'A', n: 1 } });
    const line = await peer.waitFor((l) => l.id === event.id);
    expect(line.received).toEqual({ from: 'A', n: 1 });
    expect(line.pid).not.toBe(process.pid);
    await new Promise((r) => setTimeout(r, 300));
    await bus.idle();
    expect(received.filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('delivers an event published in process B to process A', async () => {
    peer.send({ publish: 2 });
    const { published } = await peer.waitFor((l) => typeof l.published === 'string');
    await expect
      .poll(() => received.find((e) => e.id === published)?.payload, { timeout: 10_000 })
      .toEqual({ from: 'B', n: 2 });
  });
});
