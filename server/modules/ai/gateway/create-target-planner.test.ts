import { describe, expect, it } from 'vitest';
import { createCircuitBreakers } from './circuit-breaker.ts';
import { createTargetPlanner } from './create-target-planner.ts';
import { target } from './mock-target.test-kit.ts';
import { createStrategyState, orderTargets } from './strategies/order-targets.ts';
import { createTargetStats } from './target-stats.ts';
import type { TWeightedTarget } from './types.ts';

const w = (model: string, weight = 1): TWeightedTarget => ({ target: target(model), weight });
const [a, b, c] = [w('a'), w('b'), w('c')];
const models = (list: TWeightedTarget[]) => list.map((t) => t.target.model).join('');

describe('strategies', () => {
  it('round-robin rotates the pick and keeps the others in route order', () => {
    const state = createStrategyState();
    const stats = createTargetStats();
    const picks = [1, 2, 3, 4].map(() => models(orderTargets('round-robin', 'r', [a, b, c], state, stats)));
    expect(picks).toEqual(['abc', 'bca', 'cab', 'abc']);
    // Another route has its own cursor.
    expect(models(orderTargets('round-robin', 'r2', [a, b, c], state, stats))).toBe('abc');
  });

  it('weighted is smooth and deterministic: 5:1:1 gives a a b a c a a', () => {
    const state = createStrategyState();
    const stats = createTargetStats();
    const targets = [w('a', 5), w('b', 1), w('c', 1)];
    const seq = Array.from(
      { length: 14 },
      () => orderTargets('weighted', 'r', targets, state, stats)[0]?.target.model,
    );
    expect(seq.join('')).toBe('aabacaaaabacaa');
    // Weight 0 is never picked while others are available.
    const zero = Array.from(
      { length: 5 },
      () => orderTargets('weighted', 'z', [w('x', 0), w('y', 1)], state, stats)[0]?.target.model,
    );
    expect(zero.join('')).toBe('yyyyy');
  });

  it('least-connections picks the target with fewest calls in flight, ties in route order', () => {
    const stats = createTargetStats();
    const endA = stats.begin(a.target.key);
    stats.begin(a.target.key);
    stats.begin(b.target.key);
    expect(models(orderTargets('least-connections', 'r', [a, b, c], createStrategyState(), stats))).toBe(
      'cba',
    );
    endA();
    endA(); // idempotent
    expect(stats.inFlight(a.target.key)).toBe(1);
    expect(models(orderTargets('least-connections', 'r', [a, b], createStrategyState(), stats))).toBe('ab');
  });

  it('latency tries untried targets first, then the lowest moving average', () => {
    const stats = createTargetStats({ alpha: 0.5 });
    stats.recordLatency(a.target.key, 100);
    stats.recordLatency(b.target.key, 50);
    expect(models(orderTargets('latency', 'r', [a, b, c], createStrategyState(), stats))).toBe('cba');
    stats.recordLatency(c.target.key, 300);
    stats.recordLatency(b.target.key, 250); // b: 0.5·250 + 0.5·50 = 150
    expect(stats.latency(b.target.key)).toBe(150);
    expect(models(orderTargets('latency', 'r', [a, b, c], createStrategyState(), stats))).toBe('abc');
  });
});

describe('createTargetPlanner', () => {
  const setup = () => {
    let t = 0;
    const breakers = createCircuitBreakers({ failureThreshold: 1, cooldownMs: 1000, now: () => t });
    const planner = createTargetPlanner({ breakers, stats: createTargetStats() });
    const trip = (key: string) => breakers.recordFailure(breakers.tryAcquire(key)!);
    return { breakers, planner, trip, advance: (ms: number) => (t += ms) };
  };
  const input = { routeId: 'r', routeName: 'main', strategy: 'round-robin' as const };

  it('orders the pick, the other route targets, then the fallback chain', () => {
    const { planner } = setup();
    const fb = [target('f1'), target('f2')];
    planner.plan({ ...input, targets: [a, b], fallback: fb });
    const plan = planner.plan({ ...input, targets: [a, b], fallback: fb });
    expect(plan.attempts.map((t) => t.model)).toEqual(['b', 'a', 'f1', 'f2']);
    expect(plan.route).toBe('main');
    expect(plan.skipped).toEqual([]);
  });

  it('skips open circuits (reported), keeps half-open ones, tries a duplicated target once', () => {
    const { planner, trip, advance } = setup();
    trip(b.target.key);
    const f1 = target('f1');
    trip(f1.key);
    let plan = planner.plan({ ...input, targets: [a, b, c], fallback: [f1, a.target] });
    expect(plan.attempts.map((t) => t.model)).toEqual(['a', 'c']);
    expect(plan.skipped.map((t) => t.model)).toEqual(['b', 'f1']);
    advance(1000);
    plan = planner.plan({ ...input, targets: [a, b, c], fallback: [f1] });
    expect(plan.attempts.map((t) => t.model).sort()).toEqual(['a', 'b', 'c', 'f1']);
  });

  it('the strategy only picks among healthy targets', () => {
    const { planner, trip } = setup();
    trip(a.target.key);
    const picks = [1, 2, 3].map(
      () => planner.plan({ ...input, targets: [a, b, c], fallback: [] }).attempts[0]?.model,
    );
    expect(picks).toEqual(['b', 'c', 'b']);
  });
});
