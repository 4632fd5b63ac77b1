import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflowVersions } from '../schema.ts';
import { authorizeWorkflow } from './authorize-workflow.ts';
import type { TWorkflowVersionView } from './workflow-schemas.ts';
import { toVersionView } from './workflow-view.ts';

/** One version of a workflow with its definition (`workflow:read`). */
export async function getWorkflowVersion({
  db,
  actor,
  workflowId,
  version,
}: {
  db: Database;
  actor: TActorContext;
  workflowId: string;
  version: number;
}): Promise<TWorkflowVersionView> {
  return withTenant(db, actor.organizationId, async (tx) => {
    const wf = await authorizeWorkflow({ tx, actor, workflowId, action: 'workflow:read' });
    const [row] = await tx
      .select()
      .from(workflowVersions)
      .where(and(eq(workflowVersions.workflowId, wf.id), eq(workflowVersions.version, version)));
    if (!row) throw notFound('Workflow version');
    return toVersionView(row);
  });
}
