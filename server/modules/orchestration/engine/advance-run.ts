import { and, eq, inArray } from 'drizzle-orm';
import { renderTemplate } from '../definition/index.ts';
import { runSteps, workflowRuns } from '../schema.ts';
import { enqueueStep, type TAdvanceJob, type TEngineCtx } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { TERMINAL_RUN } from './engine-types.ts';
import { finishRun } from './finish-run.ts';
import { buildScope, leafOutputs, planAdvance } from './graph.ts';
import { loadRun } from './load-run.ts';

/**
 * The `orchestration.advance` job: with the run row locked (advances of one run never interleave), records
 * skipped branches and finished maps, enqueues every step whose dependencies are settled, and finishes the
 * run when a step failed fatally or every step is done.
 */
export async function advanceRun(ctx: TEngineCtx, job: TAdvanceJob): Promise<void> {
  await engineTx(ctx, job.organizationId, async (tx, log, emit) => {
    const loaded = await loadRun(tx, job.runId, { lock: true });
    if (!loaded || TERMINAL_RUN.has(loaded.run.status)) return;
    const { run, definition } = loaded;
    const plan = planAdvance(definition, loaded.steps);
    const now = new Date();

    if (plan.skip.length > 0) {
      await tx
        .update(runSteps)
        .set({ status: 'skipped', finishedAt: now, updatedAt: now })
        .where(and(eq(runSteps.runId, run.id), inArray(runSteps.stepId, plan.skip)));
      for (const id of plan.skip) await log.append(tx, run.id, 'step.skipped', id);
    }
    for (const m of plan.mapsDone) {
      await tx
        .update(runSteps)
        .set({ status: m.status, output: m.output, error: m.error, finishedAt: now, updatedAt: now })
        .where(and(eq(runSteps.runId, run.id), eq(runSteps.stepId, m.id)));
      await log.append(tx, run.id, 'step.finished', m.id, { status: m.status, error: m.error });
    }

    if (plan.fatal || plan.finished) {
      const rows =
        plan.skip.length + plan.mapsDone.length > 0
          ? ((await loadRun(tx, run.id))?.steps ?? [])
          : loaded.steps;
      if (plan.fatal) {
        await finishRun(ctx, tx, log, emit, run, {
          status: 'failed',
          error: `Step ${plan.fatal.stepId} failed: ${plan.fatal.error}`,
        });
        return;
      }
      const scope = buildScope(definition, rows, run.input);
      let output: unknown;
      try {
        output =
          definition.output === undefined
            ? leafOutputs(definition, scope)
            : renderTemplate(definition.output, scope);
      } catch (err) {
        await finishRun(ctx, tx, log, emit, run, {
          status: 'failed',
          error: `Output: ${(err as Error).message}`,
        });
        return;
      }
      await finishRun(ctx, tx, log, emit, run, { status: 'succeeded', output });
      return;
    }

    for (const id of [...plan.ready, ...plan.readyItems])
      await enqueueStep(ctx, tx, run.organizationId, run.id, id);
    // Waiting on a person is visible on the run; anything else in flight means running.
    const rows = await tx
      .select({ type: runSteps.type, status: runSteps.status })
      .from(runSteps)
      .where(eq(runSteps.runId, run.id));
    const active = rows.some((r) => r.status === 'running') || plan.ready.length + plan.readyItems.length > 0;
    const onApproval = rows.some((r) => r.type === 'approval' && r.status === 'waiting');
    const next = onApproval && !active ? 'waiting' : 'running';
    if (run.status !== next) {
      await tx
        .update(workflowRuns)
        .set({ status: next, startedAt: run.startedAt ?? now, updatedAt: now })
        .where(eq(workflowRuns.id, run.id));
      await log.append(tx, run.id, next === 'waiting' ? 'run.waiting' : 'run.running');
    }
  });
}
