// Steps the engine runs itself because they wait durably rather than compute: delay (a delayed job),
// approval (a row a person decides), workflow (a child run) and map (one checkpoint row per item).
import { eq } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import { approvals, runSteps } from '../schema.ts';
import type { TScope, TStep } from '../types.ts';
import { enqueueAdvance, enqueueStep, type TEngineCtx } from './engine-jobs.ts';
import type { TRunRow, TStepRow } from './load-run.ts';
import type { TEventLog } from './run-events.ts';
import { startRunIn } from './start-run.ts';
import { applyOutcome } from './store-outcome.ts';

/** How many items one map may have: each is a row and a job. */
export const MAX_MAP_ITEMS = 1000;

/** Starts a native step; false when the step is for an executor. */
export async function startNativeStep(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  emit: TEmit,
  run: TRunRow,
  row: TStepRow,
  step: TStep,
  _scope: TScope,
): Promise<boolean> {
  const waitOn = (wakeAt: Date | null) =>
    tx
      .update(runSteps)
      .set({ status: 'waiting', wakeAt, updatedAt: new Date() })
      .where(eq(runSteps.id, row.id));
  const fail = (error: string) =>
    applyOutcome(ctx, tx, log, {
      run,
      row,
      step,
      outcome: { status: 'failed', error, retryable: false },
      logs: [],
    });

  switch (step.type) {
    case 'delay': {
      const wakeAt = new Date(Date.now() + step.ms);
      await waitOn(wakeAt);
      await log.append(tx, run.id, 'step.waiting', row.stepId, { until: wakeAt.toISOString() });
      await enqueueStep(ctx, tx, run.organizationId, run.id, row.stepId, wakeAt);
      return true;
    }
    case 'approval': {
      const message = typeof step.message === 'string' ? step.message : JSON.stringify(step.message);
      const [created] = await tx
        .insert(approvals)
        .values({ organizationId: run.organizationId, runId: run.id, stepId: row.stepId, message })
        .onConflictDoNothing()
        .returning();
      await waitOn(null);
      await log.append(tx, run.id, 'approval.requested', row.stepId, {
        approvalId: created?.id ?? null,
        message,
      });
      await enqueueAdvance(ctx, tx, run.organizationId, run.id);
      return true;
    }
    case 'workflow': {
      try {
        const child = await startRunIn(ctx, tx, log, emit, {
          organizationId: run.organizationId,
          workflowId: step.workflowId,
          input: step.input ?? {},
          trigger: 'workflow',
          createdBy: run.createdBy,
          parent: { runId: run.id, stepId: row.stepId },
        });
        await waitOn(null);
        await log.append(tx, run.id, 'step.waiting', row.stepId, { childRunId: child.runId });
      } catch (err) {
        // Unknown workflow, archived, or input refused by its schema: the step fails, the transaction goes on.
        await fail(`Could not start the sub-workflow: ${(err as Error).message}`);
      }
      return true;
    }
    case 'map': {
      const items = step.items as unknown;
      if (!Array.isArray(items)) return fail('map items did not render to an array').then(() => true);
      if (items.length > MAX_MAP_ITEMS)
        return fail(`map has ${items.length} items; at most ${MAX_MAP_ITEMS}`).then(() => true);
      await tx.update(runSteps).set({ input: { items } }).where(eq(runSteps.id, row.id));
      if (items.length === 0) {
        await applyOutcome(ctx, tx, log, {
          run,
          row,
          step,
          outcome: { status: 'succeeded', output: [] },
          logs: [],
        });
        return true;
      }
      await tx
        .insert(runSteps)
        .values(
          items.map((_item, i) => ({
            organizationId: run.organizationId,
            runId: run.id,
            stepId: `${row.stepId}[${i}]`,
            type: step.step.type,
          })),
        )
        .onConflictDoNothing();
      await waitOn(null);
      await log.append(tx, run.id, 'step.waiting', row.stepId, { items: items.length });
      await enqueueAdvance(ctx, tx, run.organizationId, run.id);
      return true;
    }
    default:
      return false;
  }
}
