import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createL1 } from './l1.ts';

describe('L1', () => {
  it('fills from a ticket nothing invalidated', () => {
    const l1 = createL1({ maxEntries: 10, maxTtlMs: 1_000 });
    l1.finish(l1.begin('k'), { value: '"v"', ttlMs: undefined });
    expect(l1.get('k')).toBe('"v"');
  });

  it('does not let a reply that raced an invalidation or a clear put the old value back', () => {
    const l1 = createL1({ maxEntries: 10, maxTtlMs: 1_000 });
    const read = l1.begin('k');
    const other = l1.begin('other');
    l1.invalidate('k');
    l1.finish(read, { value: '"old"', ttlMs: undefined });
    l1.finish(other, { value: '1', ttlMs: undefined });
    expect(l1.get('k')).toBeUndefined();
    expect(l1.get('other')).toBe('1');

    const beforeClear = l1.begin('other');
    l1.clear();
    l1.finish(beforeClear, { value: '2', ttlMs: undefined });
    expect(l1.get('other')).toBeUndefined();
    // Tickets begun after the invalidation fill normally.
    l1.finish(l1.begin('k'), { value: '"new"', ttlMs: undefined });
    expect(l1.get('k')).toBe('"new"');
  });

  it('keeps an entry no longer than the Redis TTL or its own cap, and not at all when about to expire', async () => {
    // Wide margins (hundreds of ms): a loaded CI machine can stall a process for tens of milliseconds.
    const l1 = createL1({ maxEntries: 10, maxTtlMs: 1_200 });
    l1.finish(l1.begin('capped'), { value: '1', ttlMs: undefined });
    l1.finish(l1.begin('redis-ttl'), { value: '2', ttlMs: 300 });
    l1.finish(l1.begin('expiring'), { value: '3', ttlMs: 0 });
    expect(l1.get('expiring')).toBeUndefined();
    await sleep(600);
    expect(l1.get('redis-ttl')).toBeUndefined();
    expect(l1.get('capped')).toBe('1');
    await sleep(900);
    expect(l1.get('capped')).toBeUndefined();
  });

  it('is bounded', () => {
    const l1 = createL1({ maxEntries: 2, maxTtlMs: 1_000 });
    for (const key of ['a', 'b', 'c']) l1.finish(l1.begin(key), { value: key, ttlMs: undefined });
    expect(l1.get('a')).toBeUndefined();
    expect(l1.get('c')).toBe('c');
  });
});
