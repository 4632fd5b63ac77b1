import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { runSteps, workflowRuns } from '../schema.ts';
import { serializeRun, serializeStep } from './serialize-run.ts';

/** One run with every step's input, output, attempts, logs, tokens, cost and timing; 404 outside the tenant. */
export function getRun({
  db,
  organizationId,
  runId,
}: {
  db: Database;
  organizationId: string;
  runId: string;
}) {
  return withTenant(db, organizationId, async (tx) => {
    const [run] = await tx
      .select()
      .from(workflowRuns)
      .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.organizationId, organizationId)));
    if (!run) throw notFound('Run');
    const steps = await tx
      .select()
      .from(runSteps)
      .where(eq(runSteps.runId, run.id))
      .orderBy(runSteps.startedAt, runSteps.stepId);
    return { ...serializeRun(run), steps: steps.map(serializeStep) };
  });
}
