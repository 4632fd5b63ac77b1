// Which agent runs an agent step (SPEC §5: "the best agent that meets the step's requirements, scored on success
// rate, latency, cost and current load").
//
// 1. Eligible: the required type (if any) and every required capability; agents already running
//    maxConcurrency steps are left out; with `maxCostPer1k`, agents whose observed cost per 1 000 tokens is
//    higher are left out (agents with no history pass).
// 2. score = 0.4·S + 0.2·L + 0.2·C + 0.2·F, each term in [0, 1]:
//    S success  = (succeeded + 1) / (runs + 2)   Laplace-smoothed: a new agent starts at 0.5, not 0 or 1
//    L latency  = (maxP50 − p50) / (maxP50 − minP50) among eligible agents with history (1 when all equal,
//                 0.5 for an agent without history)
//    C cost     = the same min–max scale on cost per 1 000 tokens (lower is better; 0.5 without history)
//    F free     = 1 − running / maxConcurrency
// 3. Highest score wins; equal scores go to the name first in alphabetical order (stable, explainable).
import type { TAgentStats } from './agent-stats.ts';

export const SELECTION_WEIGHTS = { success: 0.4, latency: 0.2, cost: 0.2, load: 0.2 } as const;

export interface TSelectableAgent {
  id: string;
  name: string;
  type: string;
  capabilities: string[];
  maxConcurrency: number;
}

export interface TRequirements {
  type?: string;
  capabilities?: string[];
  maxCostPer1k?: number;
}

export type TSelection<A extends TSelectableAgent> =
  | { ok: true; agent: A; score: number; ranking: { agentId: string; name: string; score: number }[] }
  | { ok: false; error: string; retryable: boolean };

const costPer1k = (s: TAgentStats | undefined) => (s && s.tokens > 0 ? (s.cost / s.tokens) * 1000 : null);
const latencyOf = (s: TAgentStats | undefined) => s?.p50LatencyMs ?? null;

/** A min–max scale where lower is better: 1 for the lowest, 0 for the highest, 0.5 when unknown. */
function lowerIsBetter(values: (number | null)[]): (v: number | null) => number {
  const known = values.filter((v): v is number => v !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  return (v) => (v === null ? 0.5 : max === min ? 1 : (max - v) / (max - min));
}

export function selectAgent<A extends TSelectableAgent>(opts: {
  agents: A[];
  stats: Map<string, TAgentStats>;
  requirements?: TRequirements;
}): TSelection<A> {
  const { agents, stats } = opts;
  const req = opts.requirements ?? {};
  const wanted = req.capabilities ?? [];
  const ofType = req.type ? agents.filter((a) => a.type === req.type) : agents;
  const capable = ofType.filter((a) => wanted.every((c) => a.capabilities.includes(c)));
  if (capable.length === 0) {
    const missing = wanted.filter((c) => !ofType.some((a) => a.capabilities.includes(c)));
    const what = req.type ? `agent of type ${req.type}` : 'agent';
    const detail = missing.length
      ? `missing capabilities: ${missing.join(', ')}`
      : `no single agent has all of: ${wanted.join(', ')}`;
    return {
      ok: false,
      retryable: false,
      error: ofType.length ? `no ${what} meets the requirements (${detail})` : `no ${what} exists`,
    };
  }
  const affordable =
    req.maxCostPer1k === undefined
      ? capable
      : capable.filter((a) => (costPer1k(stats.get(a.id)) ?? 0) <= (req.maxCostPer1k as number));
  if (affordable.length === 0)
    return {
      ok: false,
      retryable: false,
      error: `every matching agent costs more than ${req.maxCostPer1k} per 1k tokens`,
    };
  const free = affordable.filter((a) => (stats.get(a.id)?.running ?? 0) < a.maxConcurrency);
  if (free.length === 0)
    // Load passes: the engine's retry backoff gives a busy agent time to finish.
    return {
      ok: false,
      retryable: true,
      error: `all ${affordable.length} matching agents are at their concurrency limit`,
    };

  const latency = lowerIsBetter(free.map((a) => latencyOf(stats.get(a.id))));
  const cost = lowerIsBetter(free.map((a) => costPer1k(stats.get(a.id))));
  const w = SELECTION_WEIGHTS;
  const ranking = free
    .map((a) => {
      const s = stats.get(a.id);
      const success = ((s?.succeeded ?? 0) + 1) / ((s?.runs ?? 0) + 2);
      const load = 1 - (s?.running ?? 0) / a.maxConcurrency;
      const score =
        w.success * success + w.latency * latency(latencyOf(s)) + w.cost * cost(costPer1k(s)) + w.load * load;
      return { agent: a, score: Math.round(score * 10_000) / 10_000 };
    })
    .sort(
      (x, y) => y.score - x.score || (x.agent.name < y.agent.name ? -1 : x.agent.name > y.agent.name ? 1 : 0),
    );
  const best = ranking[0] as { agent: A; score: number };
  return {
    ok: true,
    agent: best.agent,
    score: best.score,
    ranking: ranking.map((r) => ({ agentId: r.agent.id, name: r.agent.name, score: r.score })),
  };
}
