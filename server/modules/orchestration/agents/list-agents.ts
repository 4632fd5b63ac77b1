import { and, asc, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { paginate, type TPagination } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { assertCan, type TActorContext } from '../../identity/index.ts';
import { agents } from '../schema.ts';
import type { TAgentListQuery, TAgentView } from './agent-schemas.ts';
import { getAgentLive } from './agent-status.ts';
import { toAgentView } from './agent-view.ts';
import { ensureDefaultAgents } from './ensure-default-agents.ts';

const SORT_COLUMNS = {
  name: sql`lower(${agents.name})`,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
} as const;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * A page of the organization's agents with live status and metrics (`agent:read`), filtered by type,
 * capability and name part. The first list of an organization seeds its six default agents.
 */
export async function listAgents({
  db,
  events,
  actor,
  query,
}: {
  db: Database;
  events: EventBus;
  actor: TActorContext;
  query: TAgentListQuery;
}): Promise<{ data: TAgentView[]; pagination: TPagination }> {
  // Organization-wide: agents belong to no project, so no project role grants this.
  assertCan(actor, 'agent:read', { organizationId: actor.organizationId });
  const organizationId = actor.organizationId;
  await ensureDefaultAgents({ events, organizationId });
  const filters: SQL[] = [eq(agents.organizationId, organizationId)];
  if (query.type !== undefined) filters.push(eq(agents.type, query.type));
  if (query.capability !== undefined)
    filters.push(sql`${agents.capabilities} @> ${JSON.stringify([query.capability])}::jsonb`);
  if (query.name !== undefined) filters.push(ilike(agents.name, `%${escapeLike(query.name)}%`));
  const where = and(...filters);
  const direction = query.order === 'asc' ? asc : desc;
  const { rows, total } = await withTenant(db, organizationId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(agents).where(where);
    const page = await tx
      .select()
      .from(agents)
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort]), direction(agents.id))
      .limit(query.limit)
      .offset(query.offset);
    return { rows: page, total: counted?.total ?? 0 };
  });
  const live = await getAgentLive({ db, organizationId, agentIds: rows.map((r) => r.id) });
  return {
    data: rows.map((r) => toAgentView(r, live.get(r.id) as NonNullable<ReturnType<typeof live.get>>)),
    pagination: paginate(total, query),
  };
}
