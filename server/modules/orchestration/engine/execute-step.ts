import { and, eq, sql } from 'drizzle-orm';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { runSteps } from '../schema.ts';
import type { TStep, TStepContext, TStepOutcome } from '../types.ts';
import { claimStep, type TClaim } from './claim-step.ts';
import type { TEngineCtx, TStepJob } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { finishAttempt } from './finish-attempt.ts';
import { oversizedOutput } from './output-limit.ts';
import type { TLogLine } from './store-outcome.ts';

/**
 * The `orchestration.step` job: claim, run the executor, then store the outcome and advance the run in one
 * transaction. While the job is younger than `continueForMs`, a step that became ready is claimed in that
 * transaction and executed next in this job (a chain costs no queue round trip per step); past it, ready
 * steps go back to the queue, so a long run yields its organization's slot to the runs waiting in its line.
 */
export async function executeStep(ctx: TEngineCtx, job: TStepJob): Promise<void> {
  const began = Date.now();
  let claim = await claimStep(ctx, job);
  while (claim.kind === 'execute') {
    const current: TStepJob = { ...job, stepId: claim.row.stepId };
    const attempt = await runAttempt(ctx, current, claim);
    const continueRun = Date.now() - began < ctx.options.continueForMs;
    claim = await finishAttempt(ctx, current, { ...attempt, continueRun });
  }
}

/**
 * One attempt: the executor runs with a signal that aborts on the step's timeout or the run's cancellation,
 * while this worker renews the step's lease.
 */
async function runAttempt(
  ctx: TEngineCtx,
  job: TStepJob,
  claim: Extract<TClaim, { kind: 'execute' }>,
): Promise<{ attempt: number; step: TStep; outcome: TStepOutcome; logs: TLogLine[] }> {
  const { row, step, scope } = claim;
  const attempt = row.attempts;
  const logs: TLogLine[] = [];
  const controller = new AbortController();
  const timeoutMs = step.timeoutMs ?? ctx.options.defaultStepTimeoutMs;
  const timer = setTimeout(
    () => controller.abort(new Error(`Step timed out after ${timeoutMs} ms`)),
    timeoutMs,
  );
  const release = ctx.aborts.track(job.runId, controller);
  // The lease: while this worker lives it keeps updated_at fresh; a worker killed mid-step stops, and another
  // worker's claim takes the step over once leaseMs passed.
  const renew = setInterval(
    () => {
      void withTenant(ctx.db, job.organizationId, (tx) =>
        tx
          .update(runSteps)
          .set({ updatedAt: sql`now()` })
          .where(
            and(eq(runSteps.id, row.id), eq(runSteps.status, 'running'), eq(runSteps.attempts, attempt)),
          ),
      ).catch((err) =>
        ctx.log.warn({ err, runId: job.runId, stepId: job.stepId }, 'could not renew step lease'),
      );
    },
    Math.max(1000, Math.floor(ctx.options.leaseMs / 3)),
  );
  let progress = Promise.resolve();
  const stepCtx: TStepContext = {
    organizationId: job.organizationId,
    runId: job.runId,
    stepId: job.stepId,
    attempt,
    userId: claim.userId,
    scope,
    signal: controller.signal,
    log(level, message) {
      logs.push({ at: new Date().toISOString(), level, message: String(message).slice(0, 4000) });
    },
    progress(event) {
      // Ordered and off the executor's path: a slow insert never stalls the stream of tokens.
      progress = progress
        .then(() =>
          engineTx(ctx, job.organizationId, (tx, log) =>
            log.append(tx, job.runId, 'step.tokens', job.stepId, { delta: event.delta }),
          ),
        )
        .catch((err) => ctx.log.warn({ err, runId: job.runId }, 'could not record step progress'));
    },
  };
  let outcome: TStepOutcome;
  try {
    const executor = ctx.executors[step.type];
    outcome = executor
      ? await executor(stepCtx, step)
      : { status: 'failed', error: `No executor for step type ${step.type}`, retryable: false };
  } catch (err) {
    // Executors answer failures as values; a throw is a bug in one, recorded and not retried.
    outcome = { status: 'failed', error: `Executor error: ${(err as Error).message}`, retryable: false };
  } finally {
    clearTimeout(timer);
    clearInterval(renew);
    release();
  }
  if (outcome.status === 'succeeded') {
    const tooLarge = oversizedOutput(outcome.output, ctx.options.maxStepOutputBytes);
    // Not retried: the same step would most likely produce the same output again.
    if (tooLarge) outcome = { status: 'failed', error: tooLarge, retryable: false };
  }
  if (controller.signal.aborted && outcome.status === 'failed') {
    const reason = controller.signal.reason;
    outcome = {
      status: 'failed',
      error: reason instanceof Error ? reason.message : outcome.error,
      retryable: true,
    };
  }
  await progress;
  return { attempt, step, outcome, logs };
}
