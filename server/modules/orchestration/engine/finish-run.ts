import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import { runSteps, workflowRuns } from '../schema.ts';
import { enqueueAdvance, type TEngineCtx } from './engine-jobs.ts';
import type { TRunRow } from './load-run.ts';
import { workflowRunCompleted, workflowRunFailed } from './run-domain-events.ts';
import type { TEventLog } from './run-events.ts';

/**
 * Ends a run: its unfinished steps are cancelled, totals summed, `run.finished` and the domain event recorded,
 * and a parent run waiting on it (sub-workflow) gets the result as its step's outcome and is advanced.
 */
export async function finishRun(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  emit: TEmit,
  run: TRunRow,
  result: { status: 'succeeded' | 'failed' | 'cancelled'; output?: unknown; error?: string | null },
): Promise<void> {
  await tx
    .update(runSteps)
    .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(runSteps.runId, run.id), inArray(runSteps.status, ['pending', 'waiting'])));
  const [totals] = await tx
    .select({
      tokens: sql<number>`coalesce(sum(${runSteps.tokens}), 0)::int`,
      cost: sql<string>`coalesce(sum(${runSteps.cost}), 0)::text`,
    })
    .from(runSteps)
    .where(eq(runSteps.runId, run.id));
  const error = result.error ?? null;
  await tx
    .update(workflowRuns)
    .set({
      status: result.status,
      output: result.output ?? null,
      error,
      tokens: totals?.tokens ?? 0,
      cost: totals?.cost ?? '0',
      finishedAt: new Date(),
      updatedAt: new Date(),
      ...(result.status === 'cancelled' ? { cancelRequested: true } : {}),
    })
    .where(eq(workflowRuns.id, run.id));
  await log.append(tx, run.id, 'run.finished', null, { status: result.status, error });
  const payload = {
    runId: run.id,
    workflowId: run.workflowId,
    status: result.status,
    trigger: run.trigger,
    error,
    parentRunId: run.parentRunId,
  };
  await emit(result.status === 'succeeded' ? workflowRunCompleted : workflowRunFailed, {
    aggregateId: run.id,
    organizationId: run.organizationId,
    userId: run.createdBy,
    payload,
  });
  if (run.parentRunId && run.parentStepId) {
    // Only a parent step still waiting takes the result (a cancelled parent already moved on).
    const woke = await tx
      .update(runSteps)
      .set({
        status: result.status === 'succeeded' ? 'succeeded' : 'failed',
        output: result.status === 'succeeded' ? (result.output ?? null) : null,
        error:
          result.status === 'succeeded'
            ? null
            : `Sub-workflow run ${run.id} ${result.status}: ${error ?? ''}`.trim(),
        finishedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(runSteps.runId, run.parentRunId),
          eq(runSteps.stepId, run.parentStepId),
          eq(runSteps.status, 'waiting'),
        ),
      )
      .returning({ id: runSteps.id });
    if (woke.length > 0) {
      await log.append(tx, run.parentRunId, 'step.finished', run.parentStepId, {
        status: result.status,
        childRunId: run.id,
      });
      await enqueueAdvance(ctx, tx, run.organizationId, run.parentRunId);
    }
  }
}
