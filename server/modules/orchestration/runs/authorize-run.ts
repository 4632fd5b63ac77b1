import { and, eq } from 'drizzle-orm';
import type { Database, TTx } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TAction, TActor } from '../../identity/index.ts';
import { workflowRuns } from '../schema.ts';
import { assertCanOnWorkflow } from '../workflows/authorize-workflow.ts';
import { loadWorkflowRow } from '../workflows/load-workflow.ts';

/**
 * RESOURCE_NOT_FOUND unless the organization has this run; then `action` is asserted on the run's workflow
 * (its creator and project, with the actor's project role), so a project editor may follow and cancel the
 * runs of that project's workflows and no others'.
 */
export function authorizeRun(db: Database, actor: TActor, runId: string, action: TAction): Promise<void> {
  return withTenant(db, actor.organizationId, (tx) => authorizeRunIn(tx, actor, runId, action));
}

/** `authorizeRun` inside the caller's tenant transaction. */
export async function authorizeRunIn(tx: TTx, actor: TActor, runId: string, action: TAction): Promise<void> {
  const [run] = await tx
    .select({ workflowId: workflowRuns.workflowId })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.organizationId, actor.organizationId)));
  if (!run) throw notFound('Run');
  const wf = await loadWorkflowRow(tx, actor.organizationId, run.workflowId);
  await assertCanOnWorkflow(tx, actor, action, wf);
}
