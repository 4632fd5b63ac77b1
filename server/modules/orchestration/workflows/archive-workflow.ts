import { eq, sql } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflows } from '../schema.ts';
import { authorizeWorkflow } from './authorize-workflow.ts';
import { WorkflowUpdated } from './workflow-events.ts';

/**
 * DELETE /workflows/{id} archives (`workflow:delete`) rather than deleting: runs cascade from their workflow,
 * so a hard delete would erase the run history and cost records. Archived workflows leave the default list,
 * take no new versions and cannot be sub-workflows of new definitions; PATCH `status: 'active'` restores one.
 * Archiving twice is a no-op.
 */
export async function archiveWorkflow({
  events,
  actor,
  workflowId,
}: {
  events: EventBus;
  actor: TActorContext;
  workflowId: string;
}): Promise<void> {
  const organizationId = actor.organizationId;
  await events.transaction(
    async (tx, emit) => {
      const wf = await authorizeWorkflow({
        tx,
        actor,
        workflowId,
        action: 'workflow:delete',
        forUpdate: true,
      });
      if (wf.status === 'archived') return;
      await tx
        .update(workflows)
        .set({ status: 'archived', updatedAt: sql`now()` })
        .where(eq(workflows.id, wf.id));
      await emit(WorkflowUpdated, {
        aggregateId: wf.id,
        organizationId,
        userId: actor.userId,
        payload: { workflowId: wf.id, changed: ['status'], version: wf.currentVersion, status: 'archived' },
      });
    },
    { organizationId },
  );
}
