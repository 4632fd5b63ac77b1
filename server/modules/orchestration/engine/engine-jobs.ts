import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type TTx } from '../../../platform/db/index.ts';
import { defineJob, type JobDefinition } from '../../../platform/queue/index.ts';
import type { TAbortRegistry } from './abort-registry.ts';
import type { TEngineDeps } from './engine-types.ts';

// Jobs carry only ids: the run and its steps live in the database, so any worker can pick them up.
export const ZAdvanceJobSchema = z.strictObject({ organizationId: z.uuid(), runId: z.uuid() });
export const ZStepJobSchema = ZAdvanceJobSchema.extend({ stepId: z.string().min(1).max(200) });
export type TAdvanceJob = z.infer<typeof ZAdvanceJobSchema>;
export type TStepJob = z.infer<typeof ZStepJobSchema>;

export interface TEngineJobs {
  advance: JobDefinition<TAdvanceJob>;
  step: JobDefinition<TStepJob>;
}

// Handlers are idempotent (they re-read the run and claim rows conditionally), so a retried job is harmless;
// retries cover a database hiccup, not step failures (those follow the step's own retry policy).
const RETRY = { limit: 20, delaySeconds: 1, backoff: true };

/** The engine's two queues; both grouped by organization so one tenant's backlog cannot starve another. */
export function engineJobs(
  deps: Pick<TEngineDeps, 'options'>,
  handlers: { advance: (p: TAdvanceJob) => Promise<void>; step: (p: TStepJob) => Promise<void> },
): TEngineJobs {
  const { orgConcurrency, workerConcurrency } = deps.options;
  return {
    advance: defineJob({
      name: 'orchestration.advance',
      schema: ZAdvanceJobSchema,
      // 'short' lets a duplicate queued advance of the same run collapse into the one already waiting.
      policy: 'short',
      retry: RETRY,
      concurrency: workerConcurrency,
      groupConcurrency: orgConcurrency,
      heartbeatSeconds: 10,
      expireInSeconds: 300,
      handler: handlers.advance,
    }),
    step: defineJob({
      name: 'orchestration.step',
      schema: ZStepJobSchema,
      policy: 'short',
      retry: RETRY,
      concurrency: workerConcurrency,
      groupConcurrency: orgConcurrency,
      // A worker killed mid-step stops heartbeating; pg-boss fails the job after this and retries it elsewhere.
      heartbeatSeconds: 10,
      expireInSeconds: 3600,
      handler: handlers.step,
    }),
  };
}

/**
 * The run's place in its organization's line: how many of the organization's unfinished runs are older.
 * Jobs are enqueued with priority -place, so the queue serves every organization's first run, then every
 * organization's second, and so on (fair share), instead of first-come-first-served across tenants; with
 * groupConcurrency capping each organization's active jobs, a tenant's backlog waits in its own line.
 */
async function lineRank(tx: TTx, organizationId: string, runId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from workflow_runs r
        where r.organization_id = ${organizationId} and r.status in ('queued', 'running', 'waiting')
          and r.created_at < (select created_at from workflow_runs where id = ${runId})`,
  );
  return Math.min(rows[0]?.n ?? 0, 1_000_000);
}

/** Enqueues the run's advance inside tx (kept only if it commits); duplicates collapse. */
export async function enqueueAdvance(
  deps: TEngineCtx,
  tx: TTx,
  organizationId: string,
  runId: string,
): Promise<string> {
  const rank = await lineRank(tx, organizationId, runId);
  return deps.queue.enqueue(
    deps.jobs.advance,
    { organizationId, runId },
    { tx, singletonKey: `advance:${runId}`, group: organizationId, priority: -rank },
  );
}

/** Enqueues one step's job inside tx, optionally not before `startAt`; duplicates collapse per run+step. */
export async function enqueueStep(
  deps: TEngineCtx,
  tx: TTx,
  organizationId: string,
  runId: string,
  stepId: string,
  startAt?: Date,
): Promise<string> {
  const rank = await lineRank(tx, organizationId, runId);
  return deps.queue.enqueue(
    deps.jobs.step,
    { organizationId, runId, stepId },
    {
      tx,
      priority: -rank,
      singletonKey: `step:${runId}:${stepId}`,
      group: organizationId,
      ...(startAt && startAt.getTime() > Date.now() ? { startAt } : {}),
    },
  );
}

/** Everything engine operations are handed: platform deps, executors, options and the job definitions. */
export type TEngineCtx = TEngineDeps & { jobs: TEngineJobs; aborts: TAbortRegistry };
