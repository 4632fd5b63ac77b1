import { and, eq } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { TTx } from '../../../platform/db/index.ts';
import type { TEmit } from '../../../platform/events/index.ts';
import { AppError, notFound } from '../../../platform/http/index.ts';
import { runSteps, type TRIGGER_KINDS, workflowRuns, workflows, workflowVersions } from '../schema.ts';
import type { TWorkflowDefinition } from '../types.ts';
import { advanceIn } from './advance-run.ts';
import type { TEngineCtx } from './engine-jobs.ts';
import { engineTx } from './engine-tx.ts';
import { loadRun } from './load-run.ts';
import { workflowRunStarted } from './run-domain-events.ts';
import type { TEventLog } from './run-events.ts';
import { resolveRunInput } from './validate-input.ts';

export interface TStartRunArgs {
  organizationId: string;
  workflowId: string;
  input: unknown;
  trigger: (typeof TRIGGER_KINDS)[number];
  createdBy: string | null;
  /** A sub-workflow: the run and step waiting for this one. */
  parent?: { runId: string; stepId: string };
}

/** Starts a run of the workflow's current version: run + pending step rows + first steps enqueued, atomically. */
export function startRun(ctx: TEngineCtx, args: TStartRunArgs): Promise<{ runId: string }> {
  return engineTx(ctx, args.organizationId, (tx, log, emit) => startRunIn(ctx, tx, log, emit, args));
}

/** startRun inside a transaction in progress (a workflow step starting its child run). */
export async function startRunIn(
  ctx: TEngineCtx,
  tx: TTx,
  log: TEventLog,
  emit: TEmit,
  args: TStartRunArgs,
): Promise<{ runId: string }> {
  const { organizationId, workflowId } = args;
  // A malformed id would be a SQL error, which aborts the surrounding transaction (a workflow step's).
  if (!isUuid(workflowId)) throw notFound('Workflow');
  const [wf] = await tx
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.organizationId, organizationId)));
  if (!wf) throw notFound('Workflow');
  if (wf.status !== 'active')
    throw new AppError('CONFLICT', 'The workflow is archived; restore it to run it');
  const [version] = await tx
    .select()
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, wf.id), eq(workflowVersions.version, wf.currentVersion)));
  if (!version) throw new Error(`Workflow ${wf.id} has no version ${wf.currentVersion}`);
  const definition = version.definition as unknown as TWorkflowDefinition;
  const input = resolveRunInput(definition.input, args.input ?? {});

  const [run] = await tx
    .insert(workflowRuns)
    .values({
      organizationId,
      workflowId: wf.id,
      version: wf.currentVersion,
      status: 'queued',
      trigger: args.trigger,
      input,
      createdBy: args.createdBy,
      parentRunId: args.parent?.runId ?? null,
      parentStepId: args.parent?.stepId ?? null,
    })
    .returning();
  if (!run) throw new Error('insert returned no run');
  await tx
    .insert(runSteps)
    .values(definition.steps.map((s) => ({ organizationId, runId: run.id, stepId: s.id, type: s.type })));
  await log.append(tx, run.id, 'run.queued', null, { version: run.version, trigger: run.trigger });
  await emit(workflowRunStarted, {
    aggregateId: run.id,
    organizationId,
    userId: args.createdBy,
    payload: {
      runId: run.id,
      workflowId: wf.id,
      status: 'queued',
      trigger: run.trigger,
      error: null,
      parentRunId: run.parentRunId,
    },
  });
  // The first advance happens here, in the run's own transaction: its ready steps are enqueued as it commits.
  const loaded = await loadRun(tx, run.id);
  if (loaded) await advanceIn(ctx, tx, log, emit, loaded);
  return { runId: run.id };
}
