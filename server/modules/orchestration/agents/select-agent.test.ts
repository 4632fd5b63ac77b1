import { describe, expect, it } from 'vitest';
import type { TAgentStats } from './agent-stats.ts';
import { selectAgent } from './select-agent.ts';

const agent = (
  name: string,
  over: Partial<{ type: string; capabilities: string[]; maxConcurrency: number }> = {},
) => ({
  id: `id-${name}`,
  name,
  type: over.type ?? 'researcher',
  capabilities: over.capabilities ?? ['search', 'summarize'],
  maxConcurrency: over.maxConcurrency ?? 2,
});
const stat = (name: string, s: Partial<TAgentStats>): [string, TAgentStats] => {
  const succeeded = s.succeeded ?? 0;
  const failed = s.failed ?? 0;
  return [
    `id-${name}`,
    {
      agentId: `id-${name}`,
      runs: succeeded + failed,
      succeeded,
      failed,
      successRate: succeeded + failed ? succeeded / (succeeded + failed) : null,
      p50LatencyMs: s.p50LatencyMs ?? null,
      tokens: s.tokens ?? 0,
      cost: s.cost ?? 0,
      running: s.running ?? 0,
    },
  ];
};

describe('selectAgent', () => {
  it.each([
    {
      when: 'no history anywhere: name decides',
      agents: [agent('beta'), agent('alpha')],
      stats: [],
      winner: 'alpha',
      score: 0.4 * 0.5 + 0.2 * 0.5 + 0.2 * 0.5 + 0.2 * 1,
    },
    {
      when: 'higher smoothed success rate wins',
      agents: [agent('alpha'), agent('beta')],
      stats: [stat('alpha', { succeeded: 5, failed: 5 }), stat('beta', { succeeded: 9, failed: 1 })],
      winner: 'beta',
    },
    {
      when: 'one lucky run does not beat a long good record (Laplace)',
      agents: [agent('alpha'), agent('beta')],
      stats: [
        stat('alpha', { succeeded: 1, p50LatencyMs: 100 }),
        stat('beta', { succeeded: 95, failed: 5, p50LatencyMs: 100 }),
      ],
      winner: 'beta',
    },
    {
      when: 'equal success: faster wins',
      agents: [agent('alpha'), agent('beta')],
      stats: [
        stat('alpha', { succeeded: 10, p50LatencyMs: 900 }),
        stat('beta', { succeeded: 10, p50LatencyMs: 300 }),
      ],
      winner: 'beta',
    },
    {
      when: 'equal success and speed: cheaper per 1k tokens wins',
      agents: [agent('alpha'), agent('beta')],
      stats: [
        stat('alpha', { succeeded: 10, tokens: 1000, cost: 0.5 }),
        stat('beta', { succeeded: 10, tokens: 1000, cost: 0.1 }),
      ],
      winner: 'beta',
    },
    {
      when: 'the less loaded agent wins',
      agents: [agent('alpha', { maxConcurrency: 4 }), agent('beta', { maxConcurrency: 4 })],
      stats: [stat('alpha', { running: 3 }), stat('beta', { running: 1 })],
      winner: 'beta',
    },
    {
      when: 'an agent at its limit is excluded however good',
      agents: [agent('alpha', { maxConcurrency: 1 }), agent('beta')],
      stats: [stat('alpha', { succeeded: 100, running: 1 }), stat('beta', { failed: 3 })],
      winner: 'beta',
    },
    {
      when: 'only the type and every capability qualify',
      agents: [
        agent('alpha', { type: 'creator' }),
        agent('beta', { capabilities: ['search'] }),
        agent('gamma', { capabilities: ['search', 'summarize', 'cite'] }),
      ],
      stats: [stat('alpha', { succeeded: 50 }), stat('beta', { succeeded: 50 })],
      requirements: { type: 'researcher', capabilities: ['search', 'summarize'] },
      winner: 'gamma',
    },
    {
      when: 'maxCostPer1k excludes the expensive agent',
      agents: [agent('alpha'), agent('beta')],
      stats: [
        stat('alpha', { succeeded: 50, tokens: 1000, cost: 2 }),
        stat('beta', { failed: 2, tokens: 1000, cost: 0.2 }),
      ],
      requirements: { maxCostPer1k: 1 },
      winner: 'beta',
    },
  ])('$when → $winner', ({ agents, stats, requirements, winner, score }) => {
    const r = selectAgent({ agents, stats: new Map(stats), requirements });
    if (!r.ok) throw new Error(r.error);
    expect(r.agent.name).toBe(winner);
    if (score !== undefined) expect(r.score).toBeCloseTo(score, 4);
    expect(r.ranking[0]?.name).toBe(winner);
  });

  it.each([
    {
      when: 'a capability nobody has',
      requirements: { capabilities: ['search', 'translate', 'paint'] },
      error: 'no agent meets the requirements (missing capabilities: translate, paint)',
      retryable: false,
    },
    {
      when: 'capabilities spread over agents',
      requirements: { capabilities: ['search', 'code'] },
      error: 'no agent meets the requirements (no single agent has all of: search, code)',
      retryable: false,
    },
    {
      when: 'a type nobody is',
      requirements: { type: 'optimizer' },
      error: 'no agent of type optimizer exists',
      retryable: false,
    },
    {
      when: 'every candidate busy',
      requirements: { capabilities: ['code'] },
      running: 2,
      error: 'all 1 matching agents are at their concurrency limit',
      retryable: true,
    },
  ])('fails clearly: $when', ({ requirements, error, retryable, running }) => {
    const agents = [agent('alpha'), agent('beta', { capabilities: ['code'] })];
    const stats = new Map([stat('beta', { running: running ?? 0 })]);
    expect(selectAgent({ agents, stats, requirements })).toEqual({ ok: false, error, retryable });
  });
});
