import { and, eq, sql } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflows, workflowVersions } from '../schema.ts';
import { assertCanCreateWorkflowIn, authorizeWorkflow } from './authorize-workflow.ts';
import { assertProjectInOrg } from './load-workflow.ts';
import { WorkflowUpdated } from './workflow-events.ts';
import type { TUpdateWorkflowInput, TWorkflowView } from './workflow-schemas.ts';
import { toWorkflowView } from './workflow-view.ts';

/**
 * Changes a workflow's metadata (`workflow:update`): name, description, project, which existing version is
 * current (a rollback: runs started later use it), or `status: 'active'` to restore an archived workflow.
 */
export async function updateWorkflow({
  events,
  actor,
  workflowId,
  input,
}: {
  events: EventBus;
  actor: TActorContext;
  workflowId: string;
  input: TUpdateWorkflowInput;
}): Promise<TWorkflowView> {
  const organizationId = actor.organizationId;
  return events.transaction(
    async (tx, emit) => {
      const current = await authorizeWorkflow({
        tx,
        actor,
        workflowId,
        action: 'workflow:update',
        forUpdate: true,
      });
      if (input.projectId !== undefined && input.projectId !== current.projectId) {
        // Moving it (into a project, or out to the organization) takes the right to add workflows there.
        if (input.projectId) await assertProjectInOrg(tx, organizationId, input.projectId);
        await assertCanCreateWorkflowIn(tx, actor, input.projectId);
      }
      if (input.currentVersion !== undefined) {
        const [exists] = await tx
          .select({ v: workflowVersions.version })
          .from(workflowVersions)
          .where(
            and(
              eq(workflowVersions.workflowId, current.id),
              eq(workflowVersions.version, input.currentVersion),
            ),
          );
        if (!exists) {
          throw new AppError('VALIDATION_ERROR', `Workflow has no version ${input.currentVersion}`, {
            details: [{ field: 'currentVersion', message: 'No such version' }],
          });
        }
      }
      const [row] = await tx
        .update(workflows)
        .set({ ...input, updatedAt: sql`now()` })
        .where(eq(workflows.id, current.id))
        .returning();
      if (!row) throw new Error('update of workflows returned no row');
      await emit(WorkflowUpdated, {
        aggregateId: row.id,
        organizationId,
        userId: actor.userId,
        payload: {
          workflowId: row.id,
          changed: Object.keys(input),
          version: row.currentVersion,
          status: row.status,
        },
      });
      return toWorkflowView(row);
    },
    { organizationId },
  );
}
