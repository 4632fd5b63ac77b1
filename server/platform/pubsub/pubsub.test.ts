import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../redis/index.ts';
import { createMemoryPubSub, createRedisPubSub, type PubSub } from './index.ts';

const log = pino({ level: 'silent' });

describe('memory pub/sub', () => {
  it('delivers to subscribers of the channel until they unsubscribe', async () => {
    const bus = createMemoryPubSub();
    const got: string[] = [];
    const off = await bus.subscribe('c', (m) => got.push(m));
    await bus.publish('c', 'one');
    await bus.publish('other', 'x');
    await off();
    await bus.publish('c', 'two');
    expect(got).toEqual(['one']);
    expect(bus.distributed).toBe(false);
  });
});

// Redis is only there under `npm run test:services` (TEST_REDIS_URL); the embedded suite has no Redis to test.
describe.skipIf(!process.env.TEST_REDIS_URL)('Redis pub/sub', () => {
  let redis: Redis;
  let a: PubSub;
  let b: PubSub;
  beforeAll(async () => {
    redis = await connectRedis(process.env.TEST_REDIS_URL ?? '', log, 'pubsub-test');
    a = await createRedisPubSub(redis, log);
    b = await createRedisPubSub(redis, log);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    redis.disconnect();
  });

  it('delivers between two buses', async () => {
    const channel = `test:${crypto.randomUUID()}`;
    const got: string[] = [];
    await b.subscribe(channel, (m) => got.push(m));
    await a.publish(channel, 'hello');
    await expect.poll(() => got, { timeout: 5_000 }).toEqual(['hello']);
  });

  it('tells listeners when the subscriber connection comes back after a loss, and keeps delivering', async () => {
    const channel = `test:${crypto.randomUUID()}`;
    const got: string[] = [];
    let reconnects = 0;
    b.onReconnect(() => {
      reconnects++;
    });
    await b.subscribe(channel, (m) => got.push(m));
    const clients = String(await redis.client('LIST'));
    const ids = [...clients.matchAll(/id=(\d+) .*name=flashfusion:subscriber/g)].map((m) => m[1] ?? '');
    for (const id of ids) await redis.client('KILL', 'ID', id);
    await expect.poll(() => reconnects, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          await a.publish(channel, 'after');
          return got.includes('after');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});
