import { randomUUID } from 'node:crypto';
import type { PubSub } from './pubsub.ts';

/** In-process bus for the embedded mode: delivery is synchronous to the subscribers of this process. */
export function createMemoryPubSub(): PubSub {
  const handlers = new Map<string, Set<(message: string) => void>>();
  return {
    processId: randomUUID(),
    distributed: false,
    async publish(channel, message) {
      for (const h of handlers.get(channel) ?? []) h(message);
    },
    async subscribe(channel, handler) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    onReconnect: () => () => {},
    async close() {
      handlers.clear();
    },
  };
}
