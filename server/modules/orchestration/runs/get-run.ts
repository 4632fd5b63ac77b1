import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../platform/http/index.ts';
import type { TenantRunner } from '../../identity/index.ts';
import { runSteps, workflowRuns } from '../schema.ts';
import { serializeRun, serializeStep } from './serialize-run.ts';

/** One run with every step's input, output, attempts, logs, tokens, cost and timing; 404 outside the tenant. */
export function getRun(tenant: TenantRunner, runId: string) {
  return tenant.run(async (tx) => {
    const [run] = await tx
      .select()
      .from(workflowRuns)
      .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.organizationId, tenant.organizationId)));
    if (!run) throw notFound('Run');
    const steps = await tx
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, run.id))
      .orderBy(runSteps.startedAt, runSteps.stepId);
    return { ...serializeRun(run), steps: steps.map(serializeStep) };
  });
}
