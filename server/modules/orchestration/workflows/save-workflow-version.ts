import { eq, max, sql } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflows, workflowVersions } from '../schema.ts';
import { authorizeWorkflow } from './authorize-workflow.ts';
import { checkDefinition } from './check-definition.ts';
import { WorkflowUpdated } from './workflow-events.ts';
import type { TWorkflowVersionView } from './workflow-schemas.ts';
import { toVersionView } from './workflow-view.ts';

/**
 * Saves a validated definition as the workflow's next version and makes it current (`workflow:update`).
 * Versions are immutable: runs keep the version they started with. The workflow row is locked, so two saves
 * at once get consecutive numbers instead of a conflict.
 */
export async function saveWorkflowVersion({
  events,
  actor,
  workflowId,
  definition: raw,
}: {
  events: EventBus;
  actor: TActorContext;
  workflowId: string;
  definition: unknown;
}): Promise<TWorkflowVersionView> {
  const organizationId = actor.organizationId;
  return events.transaction(
    async (tx, emit) => {
      const wf = await authorizeWorkflow({
        tx,
        actor,
        workflowId,
        action: 'workflow:update',
        forUpdate: true,
      });
      if (wf.status === 'archived') {
        throw new AppError('CONFLICT', 'Workflow is archived; restore it (PATCH status active) first');
      }
      const definition = await checkDefinition(tx, organizationId, raw, wf.id);
      const [last] = await tx
        .select({ v: max(workflowVersions.version) })
        .from(workflowVersions)
        .where(eq(workflowVersions.workflowId, wf.id));
      const version = (last?.v ?? 0) + 1;
      const [row] = await tx
        .insert(workflowVersions)
        .values({
          organizationId,
          workflowId: wf.id,
          version,
          definition: definition as unknown as Record<string, unknown>,
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert into workflow_versions returned no row');
      await tx
        .update(workflows)
        .set({ currentVersion: version, updatedAt: sql`now()` })
        .where(eq(workflows.id, wf.id));
      await emit(WorkflowUpdated, {
        aggregateId: wf.id,
        organizationId,
        userId: actor.userId,
        payload: { workflowId: wf.id, changed: ['definition'], version, status: wf.status },
      });
      return toVersionView(row);
    },
    { organizationId },
  );
}
