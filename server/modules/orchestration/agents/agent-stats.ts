// Live figures of agents (SPEC §5 "metrics: runs, success rate, latency, cost"; status idle/busy), computed
// from the steps they ran. Agent selection scores on them; the agents API shows them.
import { and, eq, gte, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { runSteps } from '../schema.ts';

export interface TAgentStats {
  agentId: string;
  /** Finished attempts (succeeded or failed steps). */
  runs: number;
  succeeded: number;
  failed: number;
  /** succeeded / runs; null before any run. */
  successRate: number | null;
  /** Median duration of finished steps, ms; null before any run. */
  p50LatencyMs: number | null;
  tokens: number;
  /** US dollars. */
  cost: number;
  /** Steps running now (the agent's current load). */
  running: number;
}

/** Stats per agent id (agents without steps are absent: callers treat them as new). */
export async function getAgentStats(opts: {
  db: Database;
  organizationId: string;
  agentIds?: string[];
  /** Only steps started at or after this time (running steps are always counted). */
  since?: Date;
}): Promise<Map<string, TAgentStats>> {
  const { db, organizationId, agentIds, since } = opts;
  if (agentIds && agentIds.length === 0) return new Map();
  const finished = sql`${runSteps.status} in ('succeeded', 'failed')`;
  const inWindow = since ? sql`${runSteps.startedAt} >= ${since.toISOString()}` : sql`true`;
  const where: SQL[] = [eq(runSteps.organizationId, organizationId), isNotNull(runSteps.agentId)];
  if (agentIds) where.push(inArray(runSteps.agentId, agentIds));
  if (since) where.push(sql`(${gte(runSteps.startedAt, since)} or ${runSteps.status} = 'running')`);
  const rows = await withTenant(db, organizationId, (tx) =>
    tx
      .select({
        agentId: runSteps.agentId,
        succeeded: sql<number>`count(*) filter (where ${runSteps.status} = 'succeeded' and ${inWindow})::int`,
        failed: sql<number>`count(*) filter (where ${runSteps.status} = 'failed' and ${inWindow})::int`,
        running: sql<number>`count(*) filter (where ${runSteps.status} = 'running')::int`,
        p50: sql<
          number | null
        >`percentile_cont(0.5) within group (order by extract(epoch from (${runSteps.finishedAt} - ${runSteps.startedAt})) * 1000) filter (where ${finished} and ${inWindow} and ${runSteps.finishedAt} is not null and ${runSteps.startedAt} is not null)`,
        tokens: sql<number>`coalesce(sum(${runSteps.tokens}) filter (where ${inWindow}), 0)::bigint`,
        cost: sql<string>`coalesce(sum(${runSteps.cost}) filter (where ${inWindow}), 0)`,
      })
      .from(runSteps)
      .where(and(...where))
      .groupBy(runSteps.agentId),
  );
  const stats = new Map<string, TAgentStats>();
  for (const r of rows) {
    if (!r.agentId) continue;
    const runs = Number(r.succeeded) + Number(r.failed);
    stats.set(r.agentId, {
      agentId: r.agentId,
      runs,
      succeeded: Number(r.succeeded),
      failed: Number(r.failed),
      successRate: runs ? Number(r.succeeded) / runs : null,
      p50LatencyMs: r.p50 === null ? null : Math.round(Number(r.p50)),
      tokens: Number(r.tokens),
      cost: Number(r.cost),
      running: Number(r.running),
    });
  }
  return stats;
}
