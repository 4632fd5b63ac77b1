import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflowVersions } from '../schema.ts';
import { authorizeWorkflow } from './authorize-workflow.ts';
import type { TWorkflowWithDefinition } from './workflow-schemas.ts';
import { toWorkflowView } from './workflow-view.ts';

/** One workflow with its current definition (`workflow:read`); archived ones too, for their run history. */
export async function getWorkflow({
  db,
  actor,
  workflowId,
}: {
  db: Database;
  actor: TActorContext;
  workflowId: string;
}): Promise<TWorkflowWithDefinition> {
  return withTenant(db, actor.organizationId, async (tx) => {
    const row = await authorizeWorkflow({ tx, actor, workflowId, action: 'workflow:read' });
    const [version] = await tx
      .select()
      .from(workflowVersions)
      .where(and(eq(workflowVersions.workflowId, row.id), eq(workflowVersions.version, row.currentVersion)));
    if (!version)
      throw new Error(`workflow ${row.id} has no row for its current version ${row.currentVersion}`);
    return { ...toWorkflowView(row), definition: version.definition };
  });
}
