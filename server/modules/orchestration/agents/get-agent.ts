import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { assertCan, type TActorContext } from '../../identity/index.ts';
import type { TAgentView } from './agent-schemas.ts';
import { getAgentLive, type TAgentLive } from './agent-status.ts';
import { agentResource, toAgentView } from './agent-view.ts';
import { ensureDefaultAgents } from './ensure-default-agents.ts';
import { loadAgentRow } from './load-agent.ts';

/** One agent with its live status and metrics (`agent:read`), optionally over steps since a time. */
export async function getAgent({
  db,
  events,
  actor,
  agentId,
  since,
}: {
  db: Database;
  events: EventBus;
  actor: TActorContext;
  agentId: string;
  since?: Date;
}): Promise<TAgentView> {
  const organizationId = actor.organizationId;
  await ensureDefaultAgents({ events, organizationId });
  const row = await withTenant(db, organizationId, (tx) => loadAgentRow(tx, organizationId, agentId));
  assertCan(actor, 'agent:read', agentResource(row));
  const live = await getAgentLive({ db, organizationId, agentIds: [row.id], since });
  return toAgentView(row, live.get(row.id) as TAgentLive);
}
