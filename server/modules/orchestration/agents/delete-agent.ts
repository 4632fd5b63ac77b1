import { eq } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { assertCan, type TActorContext } from '../../identity/index.ts';
import { agents } from '../schema.ts';
import { AgentDeleted } from './agent-events.ts';
import { agentResource } from './agent-view.ts';
import { loadAgentRow } from './load-agent.ts';

/**
 * Deletes an agent (`agent:delete`). Its past steps keep their history (run_steps.agent_id becomes null);
 * steps pinned to it fail at run time with "unknown agent", and new definitions naming it are refused. A
 * deleted default agent is not seeded again.
 */
export async function deleteAgent({
  events,
  actor,
  agentId,
}: {
  events: EventBus;
  actor: TActorContext;
  agentId: string;
}): Promise<void> {
  const organizationId = actor.organizationId;
  await events.transaction(
    async (tx, emit) => {
      const row = await loadAgentRow(tx, organizationId, agentId, { forUpdate: true });
      assertCan(actor, 'agent:delete', agentResource(row));
      await tx.delete(agents).where(eq(agents.id, row.id));
      await emit(AgentDeleted, {
        aggregateId: row.id,
        organizationId,
        userId: actor.userId,
        payload: { agentId: row.id, name: row.name },
      });
    },
    { organizationId },
  );
}
