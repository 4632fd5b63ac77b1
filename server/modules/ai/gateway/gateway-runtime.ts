// The per-process state and policies every executor shares. Create one per process (the lead's pipeline
// does, at boot) so breakers, load and latency bookkeeping see all calls of that process.
import { randomUUID } from 'node:crypto';
import { cryptoRandom, sleep } from './backoff.ts';
import { type CircuitBreakers, createCircuitBreakers, type TCircuitOptions } from './circuit-breaker.ts';
import { createTargetPlanner, type TargetPlanner } from './create-target-planner.ts';
import { createTargetStats, type TargetStats } from './target-stats.ts';
import type { TClock, TRandom, TSleep } from './types.ts';

export interface GatewayRuntime {
  breakers: CircuitBreakers;
  stats: TargetStats;
  planner: TargetPlanner;
  random: TRandom;
  sleep: TSleep;
  newId: () => string;
}

export function createGatewayRuntime(
  options: {
    circuit?: Partial<TCircuitOptions>;
    now?: TClock;
    random?: TRandom;
    sleep?: TSleep;
    newId?: () => string;
    latencyAlpha?: number;
  } = {},
): GatewayRuntime {
  const now = options.now ?? (() => performance.now());
  const breakers = createCircuitBreakers({ now, ...options.circuit });
  const stats = createTargetStats({ now, ...(options.latencyAlpha ? { alpha: options.latencyAlpha } : {}) });
  return {
    breakers,
    stats,
    planner: createTargetPlanner({ breakers, stats }),
    random: options.random ?? cryptoRandom,
    sleep: options.sleep ?? sleep,
    newId: options.newId ?? randomUUID,
  };
}
