import { and, eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/http/index.ts';
import { workflowRuns } from '../schema.ts';
import type { TEngineCtx } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { TERMINAL_RUN } from './engine-types.ts';
import { finishRun } from './finish-run.ts';
import { loadRun } from './load-run.ts';

/**
 * Cancels a run and its sub-workflow runs: unfinished steps are cancelled at once, steps executing anywhere
 * are aborted through pubsub (their late outcome is then recorded as cancelled). 409 when already finished.
 */
export async function cancelRun(
  ctx: TEngineCtx,
  args: { organizationId: string; runId: string },
): Promise<{ runId: string; status: 'cancelled' }> {
  const cancelled: string[] = [];
  await engineTx(ctx, args.organizationId, async (tx, log, emit) => {
    const loaded = await loadRun(tx, args.runId, { lock: true });
    if (!loaded || loaded.run.organizationId !== args.organizationId) throw notFound('Run');
    if (TERMINAL_RUN.has(loaded.run.status))
      throw new AppError('CONFLICT', `The run already finished (${loaded.run.status})`);
    // Children first (depth-first), so each parent's waiting step is already cancelled when its child ends.
    const stack = [loaded.run];
    while (stack.length > 0) {
      const run = stack.pop();
      if (!run) break;
      const children = await tx
        .select()
        .from(workflowRuns)
        .for('update')
        .where(
          and(
            eq(workflowRuns.parentRunId, run.id),
            inArray(workflowRuns.status, ['queued', 'running', 'waiting']),
          ),
        );
      stack.push(...children);
      await tx.update(workflowRuns).set({ cancelRequested: true }).where(eq(workflowRuns.id, run.id));
      await finishRun(ctx, tx, log, emit, run, { status: 'cancelled', error: 'Cancelled on request' });
      cancelled.push(run.id);
    }
  });
  for (const id of cancelled) await ctx.aborts.cancel(id);
  return { runId: args.runId, status: 'cancelled' };
}
