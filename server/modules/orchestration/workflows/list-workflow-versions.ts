import { asc, count, desc, eq } from 'drizzle-orm';
import { paginate, type TPagination } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflowVersions } from '../schema.ts';
import { authorizeWorkflow } from './authorize-workflow.ts';
import type { TVersionListQuery, TWorkflowVersionView } from './workflow-schemas.ts';

/** A page of a workflow's versions without their definitions, newest first by default (`workflow:read`). */
export async function listWorkflowVersions({
  db,
  actor,
  workflowId,
  query,
}: {
  db: Database;
  actor: TActorContext;
  workflowId: string;
  query: TVersionListQuery;
}): Promise<{ data: Omit<TWorkflowVersionView, 'definition'>[]; pagination: TPagination }> {
  return withTenant(db, actor.organizationId, async (tx) => {
    const wf = await authorizeWorkflow({ tx, actor, workflowId, action: 'workflow:read' });
    const where = eq(workflowVersions.workflowId, wf.id);
    const [counted] = await tx.select({ total: count() }).from(workflowVersions).where(where);
    const rows = await tx
      .select({
        workflowId: workflowVersions.workflowId,
        version: workflowVersions.version,
        createdBy: workflowVersions.createdBy,
        createdAt: workflowVersions.createdAt,
      })
      .from(workflowVersions)
      .where(where)
      .orderBy((query.order === 'asc' ? asc : desc)(workflowVersions.version))
      .limit(query.limit)
      .offset(query.offset);
    return {
      data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      pagination: paginate(counted?.total ?? 0, query),
    };
  });
}
