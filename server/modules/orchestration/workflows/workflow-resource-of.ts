import { and, eq } from 'drizzle-orm';
import type { TExecutor } from '../../../platform/db/index.ts';
import { workflows } from '../schema.ts';

/**
 * A workflow as a permission resource (its creator and project), or null when the organization has no
 * workflow with this id: another tenant's id is looked up with the same WHERE clause as an unknown one.
 */
export async function workflowResourceOf(
  on: TExecutor,
  organizationId: string,
  workflowId: string,
): Promise<{ organizationId: string; ownerId?: string; projectId?: string } | null> {
  const [row] = await on
    .select({ ownerId: workflows.createdBy, projectId: workflows.projectId })
    .from(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.organizationId, organizationId)));
  if (!row) return null;
  return {
    organizationId,
    ...(row.ownerId ? { ownerId: row.ownerId } : {}),
    ...(row.projectId ? { projectId: row.projectId } : {}),
  };
}
