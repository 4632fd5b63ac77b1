import { and, asc, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { paginate, type TPagination } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, type TActorContext } from '../../identity/index.ts';
import { workflows } from '../schema.ts';
import type { TWorkflowListQuery, TWorkflowView } from './workflow-schemas.ts';
import { toWorkflowView } from './workflow-view.ts';

// Names sort case-insensitively, as a person reads them, whatever the database collation.
const SORT_COLUMNS = {
  createdAt: workflows.createdAt,
  updatedAt: workflows.updatedAt,
  name: sql`lower(${workflows.name})`,
} as const;

/** `%`, `_` and `\` typed by the user match themselves. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** A page of the organization's workflows (`workflow:read`), filtered by name part, project and status. */
export async function listWorkflows({
  db,
  actor,
  query,
}: {
  db: Database;
  actor: TActorContext;
  query: TWorkflowListQuery;
}): Promise<{ data: TWorkflowView[]; pagination: TPagination }> {
  // Organization-wide list: project roles do not widen it yet.
  assertCan(actor, 'workflow:read', { organizationId: actor.organizationId });
  const filters: SQL[] = [eq(workflows.organizationId, actor.organizationId)];
  if (query.name !== undefined) filters.push(ilike(workflows.name, `%${escapeLike(query.name)}%`));
  if (query.projectId !== undefined) filters.push(eq(workflows.projectId, query.projectId));
  if (query.status !== 'all') filters.push(eq(workflows.status, query.status));
  const where = and(...filters);
  const direction = query.order === 'asc' ? asc : desc;
  return withTenant(db, actor.organizationId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(workflows).where(where);
    const rows = await tx
      .select()
      .from(workflows)
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort]), direction(workflows.id))
      .limit(query.limit)
      .offset(query.offset);
    return { data: rows.map(toWorkflowView), pagination: paginate(counted?.total ?? 0, query) };
  });
}
