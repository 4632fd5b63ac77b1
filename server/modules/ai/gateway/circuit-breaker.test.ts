import { describe, expect, it } from 'vitest';
import { createCircuitBreakers } from './circuit-breaker.ts';

function setup(over: Parameters<typeof createCircuitBreakers>[0] = {}) {
  let t = 0;
  const breakers = createCircuitBreakers({
    failureThreshold: 3,
    cooldownMs: 1000,
    failureRate: 0.5,
    windowMs: 10_000,
    minimumCalls: 10,
    now: () => t,
    ...over,
  });
  const fail = (key = 'a') => {
    const p = breakers.tryAcquire(key);
    if (!p) throw new Error('no permit');
    breakers.recordFailure(p);
  };
  const succeed = (key = 'a') => {
    const p = breakers.tryAcquire(key);
    if (!p) throw new Error('no permit');
    breakers.recordSuccess(p);
  };
  return { breakers, fail, succeed, advance: (ms: number) => (t += ms) };
}

describe('circuit breaker', () => {
  it('opens after N consecutive failures and refuses calls during the cooldown', () => {
    const { breakers, fail, advance } = setup();
    fail();
    fail();
    expect(breakers.state('a')).toBe('closed');
    fail();
    expect(breakers.state('a')).toBe('open');
    expect(breakers.tryAcquire('a')).toBeNull();
    expect(breakers.msUntilProbe('a')).toBe(1000);
    advance(999);
    expect(breakers.tryAcquire('a')).toBeNull();
    expect(breakers.state('b')).toBe('closed'); // per key
  });

  it('a success in between resets the consecutive count', () => {
    const { breakers, fail, succeed } = setup();
    fail();
    fail();
    succeed();
    fail();
    fail();
    expect(breakers.state('a')).toBe('closed');
  });

  it('half-open lets exactly one probe through; its success closes the circuit', () => {
    const { breakers, fail, advance } = setup();
    for (let i = 0; i < 3; i++) fail();
    advance(1000);
    expect(breakers.state('a')).toBe('half-open');
    const probe = breakers.tryAcquire('a');
    expect(probe).toEqual({ key: 'a', probe: true });
    expect(breakers.tryAcquire('a')).toBeNull();
    breakers.recordSuccess(probe!);
    expect(breakers.state('a')).toBe('closed');
    expect(breakers.tryAcquire('a')).toEqual({ key: 'a', probe: false });
  });

  it('a failed probe re-opens for another full cooldown', () => {
    const { breakers, fail, advance } = setup();
    for (let i = 0; i < 3; i++) fail();
    advance(1500);
    breakers.recordFailure(breakers.tryAcquire('a')!);
    expect(breakers.state('a')).toBe('open');
    advance(999);
    expect(breakers.state('a')).toBe('open');
    advance(1);
    expect(breakers.state('a')).toBe('half-open');
  });

  it('a released probe (caller gone) frees the slot without a verdict', () => {
    const { breakers, fail, advance } = setup();
    for (let i = 0; i < 3; i++) fail();
    advance(1000);
    breakers.release(breakers.tryAcquire('a')!);
    expect(breakers.state('a')).toBe('half-open');
    expect(breakers.tryAcquire('a')?.probe).toBe(true);
  });

  it('opens on the failure rate over the window even without a consecutive run', () => {
    const { breakers, fail, succeed } = setup({ failureThreshold: 100 });
    for (let i = 0; i < 4; i++) {
      fail();
      succeed();
    }
    expect(breakers.state('a')).toBe('closed'); // 8 calls < minimumCalls
    fail();
    expect(breakers.state('a')).toBe('closed'); // 9 calls
    fail();
    expect(breakers.state('a')).toBe('open'); // 10 calls, 6 failed
  });

  it('forgets failures older than the window', () => {
    const { breakers, fail, succeed, advance } = setup({ failureThreshold: 100 });
    for (let i = 0; i < 9; i++) fail();
    advance(11_000);
    for (let i = 0; i < 9; i++) succeed();
    fail();
    expect(breakers.state('a')).toBe('closed');
  });

  it('a late result from a call admitted before opening does not close the circuit', () => {
    const { breakers, fail } = setup();
    const early = breakers.tryAcquire('a')!;
    for (let i = 0; i < 3; i++) fail();
    breakers.recordSuccess(early);
    expect(breakers.state('a')).toBe('open');
    expect(breakers.snapshot()).toEqual([{ key: 'a', state: 'open', consecutiveFailures: 3 }]);
  });
});
