// The agent step: the pinned agent, or the best one for the step's requirements (agents/select-agent.ts), then
// its personality (system prompt) and the step's prompt through its model or route.
import { eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TAiGateway } from '../../ai/index.ts';
import { getAgentStats } from '../agents/agent-stats.ts';
import { ensureDefaultAgents } from '../agents/ensure-default-agents.ts';
import { selectAgent } from '../agents/select-agent.ts';
import { agents } from '../schema.ts';
import type { TAgentStep, TStepContext, TStepOutcome } from '../types.ts';
import { answerOutcome, callModel, failedCall } from './call-model.ts';

type TAgentRow = typeof agents.$inferSelect;

export async function executeAgent(
  deps: { gateway: TAiGateway; db: Database; events?: EventBus },
  ctx: TStepContext,
  step: Pick<TAgentStep, 'agentId' | 'requirements' | 'prompt' | 'responseSchema'>,
): Promise<TStepOutcome> {
  if (typeof step.prompt !== 'string' || !step.prompt.trim())
    return { status: 'failed', error: 'the prompt is empty', retryable: false };
  // An organization whose agents were never listed has not been given the six defaults yet (they are lazy).
  if (deps.events && !step.agentId)
    await ensureDefaultAgents({ events: deps.events, organizationId: ctx.organizationId });
  const chosen = await chooseAgent(deps.db, ctx, step);
  if ('error' in chosen) return { status: 'failed', error: chosen.error, retryable: chosen.retryable };
  const { agent, score } = chosen;
  const call = await callModel(
    deps.gateway,
    ctx,
    {
      ...(agent.route ? { route: agent.route } : { model: agent.model ?? 'local' }),
      messages: [
        ...(agent.systemPrompt.trim() ? [{ role: 'system' as const, content: agent.systemPrompt }] : []),
        { role: 'user' as const, content: step.prompt },
      ],
      ...(step.responseSchema ? { responseSchema: step.responseSchema } : {}),
    },
    { stream: true },
  );
  if (!call.ok) return failedCall(call);
  const outcome = answerOutcome(call.result, agent.id);
  if (outcome.status === 'succeeded')
    outcome.output = { ...(outcome.output as object), agent: { id: agent.id, name: agent.name, score } };
  return outcome;
}

async function chooseAgent(
  db: Database,
  ctx: TStepContext,
  step: Pick<TAgentStep, 'agentId' | 'requirements'>,
): Promise<{ agent: TAgentRow; score: number | null } | { error: string; retryable: boolean }> {
  const { organizationId } = ctx;
  if (step.agentId) {
    // Another organization's agent id reads as unknown: the tenant transaction cannot see it.
    const row = isUuid(step.agentId)
      ? await withTenant(db, organizationId, async (tx) => {
          const [found] = await tx
            .select()
            .from(agents)
            .where(eq(agents.id, step.agentId as string));
          return found;
        })
      : undefined;
    if (!row) return { error: `agent ${step.agentId} not found`, retryable: false };
    ctx.log('info', `agent ${row.name} (pinned)`);
    return { agent: row, score: null };
  }
  const rows = await withTenant(db, organizationId, (tx) =>
    tx.select().from(agents).where(eq(agents.organizationId, organizationId)),
  );
  const stats = await getAgentStats({ db, organizationId, agentIds: rows.map((r) => r.id) });
  const picked = selectAgent({
    agents: rows,
    stats,
    ...(step.requirements ? { requirements: step.requirements } : {}),
  });
  if (!picked.ok) return { error: picked.error, retryable: picked.retryable };
  const ranking = picked.ranking.map((r) => `${r.name} ${r.score}`).join(', ');
  ctx.log('info', `agent ${picked.agent.name} chosen (score ${picked.score}; ranking: ${ranking})`);
  return { agent: picked.agent, score: picked.score };
}
