import { eq } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import { runSteps } from '../schema.ts';
import type { TStep, TStepOutcome } from '../types.ts';
import { enqueueAdvance, enqueueStep, type TEngineCtx } from './engine-jobs.ts';
import type { TRunRow, TStepRow } from './load-run.ts';
import type { TEventLog } from './run-events.ts';

export type TLogLine = { at: string; level: string; message: string };

/** The delay before the next attempt: backoffMs doubled per failed attempt, capped by maxBackoffMs. */
export function backoffFor(step: TStep, attempt: number): number {
  const r = step.retry;
  if (!r) return 0;
  const ms = r.backoffMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(ms, r.maxBackoffMs ?? 3_600_000);
}

/**
 * Records an attempt's outcome on the step row and moves the run on: succeeded; failed with another attempt
 * due (waiting until the backoff ends, as a delayed job); or failed for good (advance applies onError).
 */
export async function applyOutcome(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  a: { run: TRunRow; row: TStepRow; step: TStep; outcome: TStepOutcome; logs: TLogLine[] },
  opts: { enqueueAdvance?: boolean } = {},
): Promise<'settled' | 'retrying'> {
  const { run, row, step, outcome } = a;
  const now = new Date();
  const logs = [...row.logs, ...a.logs].slice(-500);
  if (outcome.status === 'succeeded') {
    await tx
      .update(runSteps)
      .set({
        status: 'succeeded',
        output: outcome.output ?? null,
        error: null,
        logs,
        tokens: row.tokens + (outcome.tokens ?? 0),
        cost: String(Number(row.cost) + (outcome.cost ?? 0)),
        ...(outcome.agentId ? { agentId: outcome.agentId } : {}),
        finishedAt: now,
        updatedAt: now,
      })
      .where(eq(runSteps.id, row.id));
    await log.append(tx, run.id, 'step.finished', row.stepId, { status: 'succeeded', attempt: row.attempts });
  } else {
    const maxAttempts = step.retry?.attempts ?? 1;
    if (outcome.retryable && row.attempts < maxAttempts) {
      const wakeAt = new Date(now.getTime() + backoffFor(step, row.attempts));
      await tx
        .update(runSteps)
        .set({ status: 'waiting', error: outcome.error, logs, wakeAt, updatedAt: now })
        .where(eq(runSteps.id, row.id));
      await log.append(tx, run.id, 'step.retrying', row.stepId, {
        attempt: row.attempts,
        error: outcome.error,
        nextAttemptAt: wakeAt.toISOString(),
      });
      await enqueueStep(ctx, tx, run.organizationId, run.id, row.stepId, wakeAt);
      return 'retrying';
    }
    await tx
      .update(runSteps)
      .set({ status: 'failed', error: outcome.error, logs, finishedAt: now, updatedAt: now })
      .where(eq(runSteps.id, row.id));
    await log.append(tx, run.id, 'step.finished', row.stepId, {
      status: 'failed',
      attempt: row.attempts,
      error: outcome.error,
    });
  }
  // The caller may advance the run itself in this transaction instead (a step job finishing its attempt).
  if (opts.enqueueAdvance !== false) await enqueueAdvance(ctx, tx, run.organizationId, run.id);
  return 'settled';
}
