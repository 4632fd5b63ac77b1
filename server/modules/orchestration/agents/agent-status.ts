// Live status and metrics of agents: figures from agent-stats.ts (getAgentStats), plus whether each agent's
// latest finished step failed (status `error` until its next success).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { runSteps } from '../schema.ts';
import type { TAgentMetrics } from './agent-schemas.ts';
import { getAgentStats, type TAgentStats } from './agent-stats.ts';

export type TAgentLive = { status: 'idle' | 'busy' | 'error'; metrics: TAgentMetrics };

const EMPTY: TAgentMetrics = {
  runs: 0,
  succeeded: 0,
  failed: 0,
  successRate: null,
  p50LatencyMs: null,
  tokens: 0,
  cost: 0,
  running: 0,
};

const metricsOf = (s: TAgentStats | undefined): TAgentMetrics => {
  if (!s) return EMPTY;
  const { agentId: _id, ...metrics } = s;
  return metrics;
};

/** Status and metrics of the given agents of one organization (agents without steps: idle, zeros). */
export async function getAgentLive({
  db,
  organizationId,
  agentIds,
  since,
}: {
  db: Database;
  organizationId: string;
  agentIds: string[];
  since?: Date;
}): Promise<Map<string, TAgentLive>> {
  const out = new Map<string, TAgentLive>();
  if (agentIds.length === 0) return out;
  const stats = await getAgentStats({ db, organizationId, agentIds, since });
  const last = await withTenant(db, organizationId, (tx) =>
    tx
      .selectDistinctOn([runSteps.agentId], { agentId: runSteps.agentId, status: runSteps.status })
      .from(runSteps)
      .where(
        and(
          eq(runSteps.organizationId, organizationId),
          inArray(runSteps.agentId, agentIds),
          sql`${runSteps.status} in ('succeeded', 'failed')`,
        ),
      )
      .orderBy(runSteps.agentId, desc(sql`coalesce(${runSteps.finishedAt}, ${runSteps.updatedAt})`)),
  );
  const lastStatus = new Map(last.map((r) => [r.agentId, r.status]));
  for (const id of agentIds) {
    const s = stats.get(id);
    const status = s && s.running > 0 ? 'busy' : lastStatus.get(id) === 'failed' ? 'error' : 'idle';
    out.set(id, { status, metrics: metricsOf(s) });
  }
  return out;
}
