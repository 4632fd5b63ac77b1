import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Redis } from '../redis/index.ts';
import type { PubSub } from './pubsub.ts';

/**
 * Redis pub/sub across processes. A subscribed ioredis connection can do nothing else, so this owns a
 * duplicate of the given connection for listening and publishes on the shared one.
 */
export async function createRedisPubSub(redis: Redis, log: Logger): Promise<PubSub> {
  const sub = redis.duplicate({ connectionName: 'flashfusion:subscriber' });
  sub.on('error', (err) => log.warn({ err: { message: err.message } }, 'Redis subscriber error'));
  const handlers = new Map<string, Set<(message: string) => void>>();
  const reconnectHandlers = new Set<() => void>();
  // ioredis re-subscribes by itself after a reconnect; what it cannot replay are the messages sent meanwhile.
  let connectedBefore = false;
  sub.on('ready', () => {
    if (connectedBefore) for (const h of reconnectHandlers) h();
    connectedBefore = true;
  });
  sub.on('message', (channel: string, message: string) => {
    for (const h of handlers.get(channel) ?? []) {
      try {
        h(message);
      } catch (err) {
        log.error({ err, channel }, 'pub/sub handler failed');
      }
    }
  });
  return {
    processId: randomUUID(),
    distributed: true,
    async publish(channel, message) {
      await redis.publish(channel, message);
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await sub.subscribe(channel);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0) {
          handlers.delete(channel);
          await sub.unsubscribe(channel);
        }
      };
    },
    onReconnect(handler) {
      reconnectHandlers.add(handler);
      return () => reconnectHandlers.delete(handler);
    },
    async close() {
      handlers.clear();
      reconnectHandlers.clear();
      sub.disconnect();
    },
  };
}
