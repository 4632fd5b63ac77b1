import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import type { Queue } from '../../../platform/queue/index.ts';
import type { SandboxPool } from '../sandbox/index.ts';
import { createAbortRegistry } from './abort-registry.ts';
import { advanceRun } from './advance-run.ts';
import { cancelRun } from './cancel-run.ts';
import { evaluateCondition } from './condition-executor.ts';
import { engineJobs, type TEngineCtx } from './engine-jobs.ts';
import { DEFAULT_ENGINE_OPTIONS, type TEngineOptions, type TExecutors } from './engine-types.ts';
import { executeStep } from './execute-step.ts';
import { startRecovery } from './recover-stale-steps.ts';
import { startRun, type TStartRunArgs } from './start-run.ts';

export interface TEngine {
  /** Engine internals for the approval and trigger operations built on it. */
  readonly ctx: TEngineCtx;
  startRun(args: TStartRunArgs): Promise<{ runId: string }>;
  cancelRun(args: { organizationId: string; runId: string }): Promise<{ runId: string; status: 'cancelled' }>;
  /** In worker processes: take over steps of killed workers (lease sweep). */
  startRecovery(): void;
  close(): Promise<void>;
}

/**
 * The durable workflow engine: registers its two jobs with the queue (every process that enqueues needs the
 * definitions; only processes that start workers run them) and answers run operations.
 */
export async function createEngine(deps: {
  db: Database;
  events: EventBus;
  queue: Queue;
  pubsub: PubSub;
  log: Logger;
  executors: TExecutors;
  /** Worker threads for condition expressions (default: the process's shared pool). */
  sandbox?: SandboxPool;
  options?: TEngineOptions;
}): Promise<TEngine> {
  const options = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const aborts = await createAbortRegistry(deps.pubsub);
  // Conditions are the engine's own (they decide the graph); an injected one (tests) takes precedence.
  const executors: TExecutors = {
    condition: (ctx, step) => evaluateCondition(ctx, step, deps.sandbox),
    ...deps.executors,
  };
  const base = { ...deps, executors, log: deps.log.child({ module: 'orchestration' }), options };
  const jobs = engineJobs(base, {
    advance: (p) => advanceRun(ctx, p),
    step: (p) => executeStep(ctx, p),
  });
  const ctx: TEngineCtx = { ...base, jobs, aborts };
  await deps.queue.register(jobs.advance, jobs.step);
  let stopRecovery: (() => void) | undefined;
  return {
    ctx,
    startRun: (args) => startRun(ctx, args),
    cancelRun: (args) => cancelRun(ctx, args),
    startRecovery() {
      stopRecovery ??= startRecovery(ctx);
    },
    async close() {
      stopRecovery?.();
      await aborts.close();
    },
  };
}
