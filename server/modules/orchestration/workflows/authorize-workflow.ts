import type { Database, TExecutor, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { assertCan, isAllowed, type TAction, type TActor, withProjectRole } from '../../identity/index.ts';
import { loadWorkflowRow } from './load-workflow.ts';
import { type TWorkflowRow, workflowResource } from './workflow-view.ts';

/**
 * Asserts `action` on a loaded workflow, counting the actor's role in the workflow's project. Authentication
 * does not load project memberships, so the membership is read here (only when the organization role and
 * ownership alone do not already allow it): an organization viewer who edits the project may then edit its
 * workflows, and a role change applies on the next request.
 */
export async function assertCanOnWorkflow(
  on: TExecutor,
  actor: TActor,
  action: TAction,
  wf: TWorkflowRow,
): Promise<void> {
  const resource = workflowResource(wf);
  if (isAllowed(actor, action, resource) || !wf.projectId) return assertCan(actor, action, resource);
  assertCan(await withProjectRole({ on, actor, projectId: wf.projectId }), action, resource);
}

/** The organization's workflow (RESOURCE_NOT_FOUND otherwise) once `action` on it is allowed. */
export async function authorizeWorkflow({
  tx,
  actor,
  workflowId,
  action,
  forUpdate = false,
}: {
  tx: TTx;
  actor: TActor;
  workflowId: string;
  action: TAction;
  forUpdate?: boolean;
}): Promise<TWorkflowRow> {
  const wf = await loadWorkflowRow(tx, actor.organizationId, workflowId, { forUpdate });
  await assertCanOnWorkflow(tx, actor, action, wf);
  return wf;
}

/** `authorizeWorkflow` in a tenant transaction of its own, for routes that hand the work to another operation. */
export function authorizeWorkflowIn(
  db: Database,
  actor: TActor,
  workflowId: string,
  action: TAction,
): Promise<TWorkflowRow> {
  return withTenant(db, actor.organizationId, (tx) => authorizeWorkflow({ tx, actor, workflowId, action }));
}

/**
 * Asserts `workflow:create` in the organization, or in a project (with the actor's role there, read now):
 * creating a workflow in a project, or moving one into it, is what a project editor may do.
 */
export async function assertCanCreateWorkflowIn(
  on: TExecutor,
  actor: TActor,
  projectId: string | null | undefined,
): Promise<void> {
  const resource = { organizationId: actor.organizationId, ...(projectId ? { projectId } : {}) };
  if (isAllowed(actor, 'workflow:create', resource) || !projectId)
    return assertCan(actor, 'workflow:create', resource);
  assertCan(await withProjectRole({ on, actor, projectId }), 'workflow:create', resource);
}
