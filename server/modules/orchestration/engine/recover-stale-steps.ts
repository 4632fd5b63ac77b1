import { and, eq, lt, sql } from 'drizzle-orm';
import { runSteps } from '../schema.ts';
import { enqueueStep, type TEngineCtx } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';

/**
 * Finds running steps whose lease lapsed (their worker was killed: no renewals) and enqueues their step job,
 * whose claim then takes them over. pg-boss would also retry the dead worker's job once its heartbeat is
 * missed, but only at its supervise interval; this makes recovery a matter of leaseMs. Runs across
 * organizations as the owner role (a platform sweep, like job maintenance); each enqueue is in the tenant.
 */
export async function recoverStaleSteps(ctx: TEngineCtx, limit = 100): Promise<number> {
  const stale = await ctx.db.orm
    .select({ organizationId: runSteps.organizationId, runId: runSteps.runId, stepId: runSteps.stepId })
    .from(runSteps)
    .where(
      and(
        eq(runSteps.status, 'running'),
        lt(runSteps.updatedAt, sql`now() - make_interval(secs => ${ctx.options.leaseMs / 1000})`),
      ),
    )
    .limit(limit);
  for (const s of stale) {
    await engineTx(ctx, s.organizationId, (tx) => enqueueStep(ctx, tx, s.organizationId, s.runId, s.stepId));
  }
  return stale.length;
}

/** Sweeps every leaseMs / 2 in a worker process; returns the stop function. */
export function startRecovery(ctx: TEngineCtx): () => void {
  let busy = false;
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      recoverStaleSteps(ctx)
        .then((n) => {
          if (n > 0) ctx.log.warn({ steps: n }, 'took over steps whose worker stopped renewing their lease');
        })
        .catch((err) => ctx.log.error({ err }, 'stale step recovery failed'))
        .finally(() => {
          busy = false;
        });
    },
    Math.max(500, Math.floor(ctx.options.leaseMs / 2)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
