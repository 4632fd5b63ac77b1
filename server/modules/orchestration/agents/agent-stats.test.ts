import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { agents, runSteps, workflowRuns, workflows } from '../schema.ts';
import { getAgentStats } from './agent-stats.ts';

let db: Database;
let cleanup: () => Promise<void>;
let org: string;
let otherOrg: string;
let fast: string;
let slow: string;
let idle: string;
let foreign: string;
const T0 = new Date('2026-11-01T10:00:00Z').getTime();
const at = (ms: number) => new Date(T0 + ms);

async function seedRun(organizationId: string) {
  const [wf] = await db.orm
    .insert(workflows)
    .values({ organizationId, name: `wf-${crypto.randomUUID()}` })
    .returning();
  const [run] = await db.orm
    .insert(workflowRuns)
    .values({ organizationId, workflowId: wf!.id, version: 1 })
    .returning();
  return run!.id;
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  org = (await seedMember(db)).organizationId;
  otherOrg = (await seedMember(db)).organizationId;
  const mk = (organizationId: string, name: string) => ({
    organizationId,
    name,
    type: 'researcher' as const,
  });
  const rows = await db.orm
    .insert(agents)
    .values([mk(org, 'fast'), mk(org, 'slow'), mk(org, 'idle'), mk(otherOrg, 'foreign')])
    .returning();
  [fast, slow, idle, foreign] = rows.map((r) => r.id) as [string, string, string, string];
  const run = await seedRun(org);
  const otherRun = await seedRun(otherOrg);
  const step = (
    agentId: string,
    n: number,
    status: 'succeeded' | 'failed' | 'running',
    ms: number,
    start = 0,
  ) => ({
    organizationId: org,
    runId: run,
    stepId: `s-${agentId.slice(0, 4)}-${n}`,
    type: 'agent',
    agentId,
    status,
    startedAt: at(start),
    finishedAt: status === 'running' ? null : at(start + ms),
    tokens: 100,
    cost: '0.01',
  });
  await db.orm
    .insert(runSteps)
    .values([
      step(fast, 1, 'succeeded', 100),
      step(fast, 2, 'succeeded', 200),
      step(fast, 3, 'failed', 300),
      step(fast, 4, 'running', 0),
      step(slow, 1, 'succeeded', 2_000),
      step(slow, 2, 'succeeded', 4_000, 86_400_000),
      { ...step(foreign, 1, 'succeeded', 10), organizationId: otherOrg, runId: otherRun },
    ]);
}, 60_000);
afterAll(() => cleanup?.());

describe('getAgentStats', () => {
  it('computes runs, success rate, median latency, tokens, cost and load per agent', async () => {
    const stats = await getAgentStats({ db, organizationId: org });
    expect(stats.get(fast)).toEqual({
      agentId: fast,
      runs: 3,
      succeeded: 2,
      failed: 1,
      successRate: 2 / 3,
      p50LatencyMs: 200,
      tokens: 400,
      cost: 0.04,
      running: 1,
    });
    expect(stats.get(slow)).toMatchObject({ runs: 2, successRate: 1, p50LatencyMs: 3_000, running: 0 });
    // Agents that never ran are absent (selection treats them as new).
    expect(stats.has(idle)).toBe(false);
  });

  it("never counts another organization's steps", async () => {
    const stats = await getAgentStats({ db, organizationId: org, agentIds: [fast, foreign] });
    expect([...stats.keys()]).toEqual([fast]);
    const theirs = await getAgentStats({ db, organizationId: otherOrg });
    expect([...theirs.keys()]).toEqual([foreign]);
  });

  it('filters by agent ids and by time, still counting running steps', async () => {
    expect(await getAgentStats({ db, organizationId: org, agentIds: [] })).toEqual(new Map());
    const since = await getAgentStats({ db, organizationId: org, since: at(3_600_000) });
    expect(since.get(slow)).toMatchObject({ runs: 1, p50LatencyMs: 4_000, tokens: 100 });
    expect(since.get(fast)).toMatchObject({
      runs: 0,
      successRate: null,
      p50LatencyMs: null,
      running: 1,
      tokens: 0,
    });
  });
});
