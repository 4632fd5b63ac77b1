import { and, eq, inArray } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import { renderTemplate } from '../definition/index.ts';
import { runSteps, workflowRuns } from '../schema.ts';
import { enqueueStep, type TAdvanceJob, type TEngineCtx } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { TERMINAL_RUN } from './engine-types.ts';
import { finishRun } from './finish-run.ts';
import { buildScope, leafOutputs, planAdvance } from './graph.ts';
import { loadRun, type TLoadedRun } from './load-run.ts';
import { oversizedOutput } from './output-limit.ts';
import type { TEventLog } from './run-events.ts';

/** The `orchestration.advance` job: advances the run with its row locked (advances never interleave). */
export async function advanceRun(ctx: TEngineCtx, job: TAdvanceJob): Promise<void> {
  await engineTx(ctx, job.organizationId, async (tx, log, emit) => {
    const loaded = await loadRun(tx, job.runId, { lock: true });
    if (loaded) await advanceIn(ctx, tx, log, emit, loaded);
  });
}

/**
 * Advances a run inside a transaction holding its row lock: records skipped branches and finished maps,
 * finishes the run when a step failed fatally or every step is done, otherwise enqueues every step whose
 * dependencies are settled. With `keepOne`, the first ready step is not enqueued but returned, for the caller
 * to claim in the same transaction (a worker continuing a run without a job round trip).
 */
export async function advanceIn(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  emit: TEmit,
  loaded: TLoadedRun,
  opts: { keepOne?: boolean } = {},
): Promise<string | null> {
  if (TERMINAL_RUN.has(loaded.run.status)) return null;
  const { run, definition } = loaded;
  const plan = planAdvance(definition, loaded.steps, { maxOutputBytes: ctx.options.maxStepOutputBytes });
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
      plan.skip.length + plan.mapsDone.length > 0 ? ((await loadRun(tx, run.id))?.steps ?? []) : loaded.steps;
    if (plan.fatal) {
      await finishRun(ctx, tx, log, emit, run, {
        status: 'failed',
        error: `Step ${plan.fatal.stepId} failed: ${plan.fatal.error}`,
      });
      return null;
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
      return null;
    }
    const tooLarge = oversizedOutput(output, ctx.options.maxStepOutputBytes, 'The run output');
    if (tooLarge) {
      await finishRun(ctx, tx, log, emit, run, { status: 'failed', error: `Output: ${tooLarge}` });
      return null;
    }
    await finishRun(ctx, tx, log, emit, run, { status: 'succeeded', output });
    return null;
  }

  const ready = [...plan.ready, ...plan.readyItems];
  const kept = opts.keepOne ? (ready.shift() ?? null) : null;
  for (const id of ready) await enqueueStep(ctx, tx, run.organizationId, run.id, id);
  // Waiting on a person is visible on the run; anything else in flight means running. The step rows are the
  // loaded ones with this plan's skips and finished maps applied.
  const settled = new Set([...plan.skip, ...plan.mapsDone.map((m) => m.id)]);
  const rows = loaded.steps.filter((r) => !settled.has(r.stepId));
  const active = kept !== null || ready.length > 0 || rows.some((r) => r.status === 'running');
  const onApproval = rows.some((r) => r.type === 'approval' && r.status === 'waiting');
  const next = onApproval && !active ? 'waiting' : 'running';
  if (run.status !== next) {
    await tx
      .update(workflowRuns)
      .set({ status: next, startedAt: run.startedAt ?? now, updatedAt: now })
      .where(eq(workflowRuns.id, run.id));
    await log.append(tx, run.id, next === 'waiting' ? 'run.waiting' : 'run.running');
  }
  return kept;
}
