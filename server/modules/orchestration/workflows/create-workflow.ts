import type { EventBus } from '../../../platform/events/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { workflows, workflowVersions } from '../schema.ts';
import { assertCanCreateWorkflowIn } from './authorize-workflow.ts';
import { checkDefinition } from './check-definition.ts';
import { assertProjectInOrg } from './load-workflow.ts';
import { WorkflowCreated } from './workflow-events.ts';
import type { TCreateWorkflowInput, TWorkflowWithDefinition } from './workflow-schemas.ts';
import { toWorkflowView } from './workflow-view.ts';

/**
 * Creates a workflow (`workflow:create`) whose validated definition becomes version 1. The rows and the
 * `workflow.created` event commit together.
 */
export async function createWorkflow({
  events,
  actor,
  input,
}: {
  events: EventBus;
  actor: TActorContext;
  input: TCreateWorkflowInput;
}): Promise<TWorkflowWithDefinition> {
  const organizationId = actor.organizationId;
  return events.transaction(
    async (tx, emit) => {
      if (input.projectId) await assertProjectInOrg(tx, organizationId, input.projectId);
      await assertCanCreateWorkflowIn(tx, actor, input.projectId);
      const definition = await checkDefinition(tx, organizationId, input.definition);
      const [row] = await tx
        .insert(workflows)
        .values({
          organizationId,
          projectId: input.projectId ?? null,
          name: input.name,
          description: input.description ?? '',
          currentVersion: 1,
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert into workflows returned no row');
      await tx.insert(workflowVersions).values({
        organizationId,
        workflowId: row.id,
        version: 1,
        definition: definition as unknown as Record<string, unknown>,
        createdBy: actor.userId,
      });
      await emit(WorkflowCreated, {
        aggregateId: row.id,
        organizationId,
        userId: actor.userId,
        payload: { workflowId: row.id, name: row.name, projectId: row.projectId, version: 1 },
      });
      return { ...toWorkflowView(row), definition: definition as unknown as Record<string, unknown> };
    },
    { organizationId },
  );
}
