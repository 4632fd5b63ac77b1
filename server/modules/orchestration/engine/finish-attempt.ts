import { eq } from 'drizzle-orm';
import { runSteps } from '../schema.ts';
import type { TStep, TStepOutcome } from '../types.ts';
import { advanceIn } from './advance-run.ts';
import { claimIn, type TClaim } from './claim-step.ts';
import type { TEngineCtx, TStepJob } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { TERMINAL_RUN } from './engine-types.ts';
import { loadRun, loadSteps } from './load-run.ts';
import { applyOutcome, type TLogLine } from './store-outcome.ts';

/**
 * Stores an executed attempt and advances the run in the same transaction (no advance job round trip):
 * the checkpoint and the enqueueing of what became ready commit together. With `continueRun`, one step that
 * became ready is claimed here instead of enqueued, and returned for this worker to execute next: a chain of
 * steps then runs in one job, each step still claimed, leased and checkpointed on its own, so a worker dying
 * in the middle leaves a running step whose lease lapses and another worker takes it over.
 * Nothing is stored when the step is no longer this attempt's (a worker took it over after the lease
 * lapsed); a run cancelled meanwhile gets the step cancelled.
 */
export function finishAttempt(
  ctx: TEngineCtx,
  job: TStepJob,
  a: { attempt: number; step: TStep; outcome: TStepOutcome; logs: TLogLine[]; continueRun: boolean },
): Promise<TClaim> {
  return engineTx(ctx, job.organizationId, async (tx, log, emit): Promise<TClaim> => {
    const loaded = await loadRun(tx, job.runId, { lock: true });
    const row = loaded?.steps.find((s) => s.stepId === job.stepId);
    if (!loaded || !row || row.status !== 'running' || row.attempts !== a.attempt) return { kind: 'none' };
    if (TERMINAL_RUN.has(loaded.run.status) || loaded.run.cancelRequested) {
      const now = new Date();
      await tx
        .update(runSteps)
        .set({ status: 'cancelled', logs: [...row.logs, ...a.logs], finishedAt: now, updatedAt: now })
        .where(eq(runSteps.id, row.id));
      await log.append(tx, loaded.run.id, 'step.finished', row.stepId, { status: 'cancelled' });
      return { kind: 'none' };
    }
    const { step, outcome, logs } = a;
    const result = await applyOutcome(
      ctx,
      tx,
      log,
      { run: loaded.run, row, step, outcome, logs },
      { enqueueAdvance: false },
    );
    if (result === 'retrying') return { kind: 'none' };
    // The run row and definition are unchanged (and locked); only the step rows are read again.
    const after = { ...loaded, steps: await loadSteps(tx, job.runId) };
    const next = await advanceIn(ctx, tx, log, emit, after, { keepOne: a.continueRun });
    if (next === null) return { kind: 'none' };
    // Read again: advanceIn may have settled steps the next one reads (a finished map, skipped branches), and
    // it set the run running when it kept a step.
    const current = {
      ...after,
      run: { ...after.run, status: 'running' as const },
      steps: await loadSteps(tx, job.runId),
    };
    const nextRow = current.steps.find((s) => s.stepId === next);
    if (!nextRow) return { kind: 'none' };
    return claimIn(ctx, tx, log, emit, current, nextRow);
  });
}
