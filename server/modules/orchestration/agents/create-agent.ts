import type { EventBus } from '../../../platform/events/index.ts';
import { assertCan, type TActorContext } from '../../identity/index.ts';
import { agents } from '../schema.ts';
import { AgentCreated } from './agent-events.ts';
import type { TAgentView, TCreateAgentInput } from './agent-schemas.ts';
import { toAgentView } from './agent-view.ts';
import { DEFAULT_AGENT_MODEL } from './default-agents.ts';
import { agentNameConflict, assertRouteExists } from './load-agent.ts';

/** Creates an agent (`agent:create`); without a model or route it calls the local model. Names are unique. */
export async function createAgent({
  events,
  actor,
  input,
}: {
  events: EventBus;
  actor: TActorContext;
  input: TCreateAgentInput;
}): Promise<TAgentView> {
  // Organization-wide: agents belong to no project, so no project role grants this.
  assertCan(actor, 'agent:create', { organizationId: actor.organizationId });
  const organizationId = actor.organizationId;
  return events.transaction(
    async (tx, emit) => {
      if (input.route !== undefined) await assertRouteExists(tx, organizationId, input.route);
      // onConflictDoNothing rather than catching the violation: the transaction stays usable and the answer
      // is the same CONFLICT whether the name was taken before or by a concurrent request.
      const [row] = await tx
        .insert(agents)
        .values({
          ...input,
          organizationId,
          model: input.route !== undefined ? null : (input.model ?? DEFAULT_AGENT_MODEL),
          route: input.route ?? null,
          createdBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw agentNameConflict();
      await emit(AgentCreated, {
        aggregateId: row.id,
        organizationId,
        userId: actor.userId,
        payload: { agentId: row.id, name: row.name, type: row.type },
      });
      return toAgentView(row, { status: 'idle', metrics: NO_RUNS });
    },
    { organizationId },
  );
}

const NO_RUNS = {
  runs: 0,
  succeeded: 0,
  failed: 0,
  successRate: null,
  p50LatencyMs: null,
  tokens: 0,
  cost: 0,
  running: 0,
};
