import { LRUCache } from 'lru-cache';
import type { Serialized } from './serialize.ts';

/** A read or write of one key in flight to the shared store, whose result may be kept in L1 afterwards. */
export interface L1Ticket {
  readonly key: string;
  readonly startedAt: number;
}

/** The in-process layer in front of Redis: a bounded LRU whose entries can only be filled by a ticket. */
export interface L1 {
  get(key: string): Serialized | undefined;
  /** Call before going to Redis, so an invalidation that lands meanwhile is not undone by the reply. */
  begin(key: string): L1Ticket;
  /** Ends the ticket; keeps value for ttlMs (capped) unless key was invalidated since the ticket began. */
  finish(ticket: L1Ticket, fill?: { value: Serialized; ttlMs: number | undefined }): void;
  invalidate(key: string): void;
  clear(): void;
}

/** An L1 of at most maxEntries, none kept longer than maxTtlMs. */
export function createL1(opts: { maxEntries: number; maxTtlMs: number }): L1 {
  const lru = new LRUCache<string, Serialized>({ max: opts.maxEntries });
  // A logical clock: every invalidation ticks it. Only keys with tickets in flight remember their last tick,
  // so the bookkeeping stays as small as the number of concurrent operations.
  let clock = 0;
  let clearedAt = 0;
  const pending = new Map<string, { tickets: number; invalidatedAt: number }>();

  return {
    get: (key) => lru.get(key),
    begin(key) {
      const entry = pending.get(key) ?? { tickets: 0, invalidatedAt: 0 };
      entry.tickets++;
      pending.set(key, entry);
      return { key, startedAt: clock };
    },
    finish(ticket, fill) {
      const entry = pending.get(ticket.key);
      const invalidatedAt = Math.max(entry?.invalidatedAt ?? 0, clearedAt);
      if (entry && --entry.tickets === 0) pending.delete(ticket.key);
      if (!fill || invalidatedAt > ticket.startedAt) return;
      const ttl = Math.min(fill.ttlMs ?? opts.maxTtlMs, opts.maxTtlMs);
      // lru-cache reads ttl 0 as "forever"; a key about to expire in Redis is simply not kept.
      if (ttl >= 1) lru.set(ticket.key, fill.value, { ttl });
    },
    invalidate(key) {
      clock++;
      lru.delete(key);
      const entry = pending.get(key);
      if (entry) entry.invalidatedAt = clock;
    },
    clear() {
      clock++;
      clearedAt = clock;
      lru.clear();
    },
  };
}
