import { and, eq } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import { renderTemplate } from '../definition/index.ts';
import { runSteps, workflowRuns } from '../schema.ts';
import type { TScope, TStep } from '../types.ts';
import { enqueueAdvance, enqueueStep, type TEngineCtx, type TStepJob } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { TERMINAL_RUN, TERMINAL_STEP } from './engine-types.ts';
import { buildScope } from './graph.ts';
import { loadRun, parseChildId, stepDefinition, type TLoadedRun, type TStepRow } from './load-run.ts';
import { startNativeStep } from './native-steps.ts';
import type { TEventLog } from './run-events.ts';
import { applyOutcome } from './store-outcome.ts';

/** What the step job does after its claim committed. */
export type TClaim =
  | { kind: 'none' }
  | { kind: 'execute'; row: TStepRow; step: TStep; scope: TScope; userId: string | null };

/**
 * Claims a step for this worker inside one transaction (run row locked): pending → running, a due waiting step
 * (retry backoff, delay) → running, or a running step whose lease lapsed (its worker died) → running again.
 * A finished step is never claimed again: that is the checkpoint. Early or duplicate jobs re-enqueue
 * themselves for when the step becomes due instead of sleeping.
 */
export function claimStep(ctx: TEngineCtx, job: TStepJob): Promise<TClaim> {
  return engineTx(ctx, job.organizationId, async (tx, log, emit) => {
    const loaded = await loadRun(tx, job.runId, { lock: true });
    const row = loaded?.steps.find((s) => s.stepId === job.stepId);
    if (!loaded || !row) return { kind: 'none' };
    return claimIn(ctx, tx, log, emit, loaded, row);
  });
}

/** claimStep inside a transaction holding the run's row lock (also used to continue a run in the same job). */
export async function claimIn(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  emit: TEmit,
  loaded: TLoadedRun,
  row: TStepRow,
): Promise<TClaim> {
  if (TERMINAL_STEP.has(row.status)) return { kind: 'none' };
  const { run } = loaded;
  const now = Date.now();
  const later = (at: number) => enqueueStep(ctx, tx, run.organizationId, run.id, row.stepId, new Date(at));
  if (TERMINAL_RUN.has(run.status) || run.cancelRequested) {
    await tx
      .update(runSteps)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(eq(runSteps.id, row.id));
    return { kind: 'none' };
  }
  const wake = row.wakeAt?.getTime();
  let recovered = false;
  if (row.status === 'running') {
    const leaseEnd = row.updatedAt.getTime() + ctx.options.leaseMs;
    if (leaseEnd > now) {
      await later(leaseEnd + 50);
      return { kind: 'none' };
    }
    recovered = true;
  } else if (row.status === 'waiting') {
    // No wake time: an approval, sub-workflow or map waits to be woken by someone else.
    if (wake === undefined) return { kind: 'none' };
    if (wake > now) {
      await later(wake);
      return { kind: 'none' };
    }
    if (row.type === 'delay') {
      await finishDelay(ctx, tx, log, row);
      return { kind: 'none' };
    }
  } else if (wake !== undefined && wake > now) {
    await later(wake);
    return { kind: 'none' };
  }

  const step = stepDefinition(loaded.definition, row.stepId);
  if (!step) throw new Error(`Run ${run.id}: step ${row.stepId} is not in its definition`);
  const scope = scopeFor(loaded, row);
  const claimed = await tx
    .update(runSteps)
    .set({
      status: 'running',
      attempts: row.attempts + 1,
      wakeAt: null,
      startedAt: row.startedAt ?? new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(runSteps.id, row.id), eq(runSteps.status, row.status), eq(runSteps.attempts, row.attempts)))
    .returning();
  const mine = claimed[0];
  if (!mine) return { kind: 'none' };
  await log.append(tx, run.id, 'step.started', row.stepId, {
    attempt: mine.attempts,
    type: step.type,
    recovered,
  });
  if (run.status === 'queued' || run.status === 'waiting') {
    // Shown as running as soon as any step is (here, rather than through another advance job).
    const at = new Date();
    await tx
      .update(workflowRuns)
      .set({ status: 'running', startedAt: run.startedAt ?? at, updatedAt: at })
      .where(eq(workflowRuns.id, run.id));
    await log.append(tx, run.id, 'run.running');
  }
  return startNative(ctx, tx, log, emit, loaded, mine, step, scope);
}

async function startNative(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  emit: TEmit,
  loaded: TLoadedRun,
  row: TStepRow,
  step: TStep,
  scope: TScope,
): Promise<TClaim> {
  let rendered: TStep;
  try {
    rendered = renderStep(step, scope);
  } catch (err) {
    const outcome = { status: 'failed' as const, error: (err as Error).message, retryable: false };
    await applyOutcome(ctx, tx, log, { run: loaded.run, row, step, outcome, logs: [] });
    return { kind: 'none' };
  }
  await tx.update(runSteps).set({ input: rendered }).where(eq(runSteps.id, row.id));
  const handled = await startNativeStep(
    ctx,
    tx,
    log,
    emit,
    loaded.run,
    { ...row, input: rendered },
    rendered,
    scope,
  );
  if (handled) return { kind: 'none' };
  return { kind: 'execute', row, step: rendered, scope, userId: loaded.run.createdBy };
}

/** Input and finished steps, plus `item`/`index` for a map's item (read from the map row's rendered items). */
function scopeFor(loaded: TLoadedRun, row: TStepRow): TScope {
  const scope = buildScope(loaded.definition, loaded.steps, loaded.run.input);
  const child = parseChildId(row.stepId);
  if (!child) return scope;
  const parent = loaded.steps.find((s) => s.stepId === child.mapId);
  const items = (parent?.input as { items?: unknown[] } | null)?.items ?? [];
  return { ...scope, item: items[child.index], index: child.index };
}

async function finishDelay(ctx: TEngineCtx, tx: TTx, log: TEventLog, row: TStepRow): Promise<void> {
  const now = new Date();
  await tx
    .update(runSteps)
    .set({
      status: 'succeeded',
      output: { resumedAt: now.toISOString() },
      wakeAt: null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(eq(runSteps.id, row.id));
  await log.append(tx, row.runId, 'step.finished', row.stepId, { status: 'succeeded' });
  await enqueueAdvance(ctx, tx, row.organizationId, row.runId);
}

/** Renders the step's templates (a map's inner step is rendered per item, not here). */
export function renderStep(step: TStep, scope: TScope): TStep {
  if (step.type === 'map') return { ...step, items: renderTemplate(step.items, scope) as string };
  const { id, type, dependsOn, retry, onError, timeoutMs, ...rest } = step as TStep & Record<string, unknown>;
  // Code and expressions are not templates: the sandbox reads `input` and `steps` itself.
  const keep: Record<string, unknown> = {};
  for (const k of ['code', 'if', 'then', 'else', 'responseSchema'] as const) {
    if (k in rest) keep[k] = rest[k];
    delete rest[k];
  }
  const rendered = renderTemplate(rest, scope) as Record<string, unknown>;
  return { ...rendered, ...keep, id, type, dependsOn, retry, onError, timeoutMs } as unknown as TStep;
}
