// Turns a route and the health state into the ordered attempts of one call: the strategy's pick, the route's
// other healthy targets, then the fallback chain in order. Open circuits are left out (and reported as
// skipped); a half-open circuit stays in so its probe can be tried — the executor acquires the single probe.
import type { TResolvedTarget, TRouteStrategy } from '../types.ts';
import type { CircuitBreakers } from './circuit-breaker.ts';
import { createStrategyState, orderTargets, type StrategyState } from './strategies/order-targets.ts';
import type { TargetStats } from './target-stats.ts';
import type { TPlan, TWeightedTarget } from './types.ts';

export interface TPlanInput {
  /** Keys the stateful strategies' memory (the route id, or the model id for direct calls). */
  routeId: string;
  /** Put on answers; null for a direct model call. */
  routeName: string | null;
  strategy: TRouteStrategy;
  targets: TWeightedTarget[];
  fallback: TResolvedTarget[];
}

export interface TargetPlanner {
  plan(input: TPlanInput): TPlan;
}

/** One planner per process; it shares breakers and stats with the executors. */
export function createTargetPlanner(deps: {
  breakers: CircuitBreakers;
  stats: TargetStats;
  state?: StrategyState;
}): TargetPlanner {
  const state = deps.state ?? createStrategyState();
  return {
    plan(input) {
      const seen = new Set<string>();
      const skipped: TResolvedTarget[] = [];
      const usable = (t: TResolvedTarget): boolean => {
        if (seen.has(t.key)) return false; // a target listed twice is tried once
        seen.add(t.key);
        if (deps.breakers.state(t.key) === 'open') {
          skipped.push(t);
          return false;
        }
        return true;
      };
      const healthy = input.targets.filter((t) => usable(t.target));
      const ordered = orderTargets(input.strategy, input.routeId, healthy, state, deps.stats);
      const fallback = input.fallback.filter(usable);
      return { route: input.routeName, attempts: [...ordered.map((t) => t.target), ...fallback], skipped };
    },
  };
}
