import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { assertCan, type TActorContext } from '../../identity/index.ts';
import { agents } from '../schema.ts';
import { AgentUpdated } from './agent-events.ts';
import type { TAgentView, TUpdateAgentInput } from './agent-schemas.ts';
import { getAgentLive } from './agent-status.ts';
import { agentResource, toAgentView } from './agent-view.ts';
import { assertNameFree, assertRouteExists, loadAgentRow } from './load-agent.ts';

/** Changes some fields of an agent (`agent:update`), defaults included: they are the organization's to edit. */
export async function updateAgent({
  db,
  events,
  actor,
  agentId,
  input,
}: {
  db: Database;
  events: EventBus;
  actor: TActorContext;
  agentId: string;
  input: TUpdateAgentInput;
}): Promise<TAgentView> {
  const organizationId = actor.organizationId;
  const row = await events.transaction(
    async (tx, emit) => {
      const current = await loadAgentRow(tx, organizationId, agentId, { forUpdate: true });
      assertCan(actor, 'agent:update', agentResource(current));
      if (input.name !== undefined) await assertNameFree(tx, organizationId, input.name, current.id);
      if (input.route !== undefined) await assertRouteExists(tx, organizationId, input.route);
      // An agent calls either a model or a route: setting one clears the other.
      const target =
        input.route !== undefined
          ? { route: input.route, model: null }
          : input.model !== undefined
            ? { route: null }
            : {};
      const [updated] = await tx
        .update(agents)
        .set({ ...input, ...target, updatedAt: sql`now()` })
        .where(eq(agents.id, current.id))
        .returning();
      if (!updated) throw new Error('update of agents returned no row');
      await emit(AgentUpdated, {
        aggregateId: updated.id,
        organizationId,
        userId: actor.userId,
        payload: { agentId: updated.id, changed: Object.keys(input) },
      });
      return updated;
    },
    { organizationId },
  );
  const live = await getAgentLive({ db, organizationId, agentIds: [row.id] });
  return toAgentView(row, live.get(row.id) as NonNullable<ReturnType<typeof live.get>>);
}
