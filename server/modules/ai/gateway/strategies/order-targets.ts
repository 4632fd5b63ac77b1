// The four balancing strategies of SPEC §4. Each orders the healthy targets of a route: the first is the
// strategy's pick, the rest are where the call goes if the pick fails. Deterministic: no Math.random.
import type { TRouteStrategy } from '../../types.ts';
import type { TargetStats } from '../target-stats.ts';
import type { TWeightedTarget } from '../types.ts';

/** Per-route memory of the stateful strategies (round-robin cursor, smooth-weighted current weights). */
export interface StrategyState {
  cursor: Map<string, number>;
  currentWeight: Map<string, Map<string, number>>;
}

export const createStrategyState = (): StrategyState => ({ cursor: new Map(), currentWeight: new Map() });

/** Orders candidates (already filtered to healthy ones) for one call on routeId. */
export function orderTargets(
  strategy: TRouteStrategy,
  routeId: string,
  candidates: TWeightedTarget[],
  state: StrategyState,
  stats: TargetStats,
): TWeightedTarget[] {
  if (candidates.length <= 1) return candidates;
  switch (strategy) {
    case 'round-robin':
      return roundRobin(routeId, candidates, state);
    case 'weighted':
      return weighted(routeId, candidates, state);
    case 'least-connections':
      // Array.prototype.sort is stable, so ties keep the route's order.
      return [...candidates].sort((a, b) => stats.inFlight(a.target.key) - stats.inFlight(b.target.key));
    case 'latency':
      return [...candidates].sort((a, b) => latencyRank(stats, a) - latencyRank(stats, b));
  }
}

// Untried targets rank first (-1) so every target gets measured before the fastest takes all traffic.
const latencyRank = (stats: TargetStats, t: TWeightedTarget): number => stats.latency(t.target.key) ?? -1;

function roundRobin(routeId: string, candidates: TWeightedTarget[], state: StrategyState): TWeightedTarget[] {
  const n = state.cursor.get(routeId) ?? 0;
  state.cursor.set(routeId, (n + 1) % Number.MAX_SAFE_INTEGER);
  const start = n % candidates.length;
  return [...candidates.slice(start), ...candidates.slice(0, start)];
}

/**
 * Smooth weighted round-robin (nginx): each call adds every weight to its current value, picks the largest,
 * and takes the total off the pick. Weights 5:1:1 give a a b a c a a — spread out, never bursts.
 */
function weighted(routeId: string, candidates: TWeightedTarget[], state: StrategyState): TWeightedTarget[] {
  let current = state.currentWeight.get(routeId);
  if (!current) {
    current = new Map();
    state.currentWeight.set(routeId, current);
  }
  let total = 0;
  let best: TWeightedTarget | undefined;
  let bestWeight = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    const w = Math.max(0, c.weight);
    total += w;
    const cw = (current.get(c.target.key) ?? 0) + w;
    current.set(c.target.key, cw);
    if (cw > bestWeight) {
      bestWeight = cw;
      best = c;
    }
  }
  if (!best) return candidates;
  current.set(best.target.key, bestWeight - total);
  return [best, ...candidates.filter((c) => c !== best)];
}
