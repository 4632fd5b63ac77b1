import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import type { Queue } from '../../../platform/queue/index.ts';
import type { TStep, TStepContext, TStepOutcome, TStepType } from '../types.ts';
import { DEFAULT_MAX_STEP_OUTPUT_BYTES } from './output-limit.ts';

/** Runs one attempt of one step; the engine handles delay, approval, map and workflow steps itself. */
export type TStepExecutor = (ctx: TStepContext, step: TStep) => Promise<TStepOutcome>;
export type TExecutors = Partial<Record<TStepType, TStepExecutor>>;

export interface TEngineOptions {
  /** At most this many step jobs of one organization run at once across all workers (fairness). */
  orgConcurrency?: number;
  /** Step jobs one worker process runs at once (all organizations together). */
  workerConcurrency?: number;
  /** A running step whose worker stopped renewing it for this long is taken over by another worker. */
  leaseMs?: number;
  /** Per-attempt timeout of steps that name none. */
  defaultStepTimeoutMs?: number;
  /**
   * A step job keeps executing the run's next ready step itself (no queue round trip) while it is younger
   * than this; 0 sends every step through the queue.
   */
  continueForMs?: number;
  /** A step (or run) output larger than this as JSON fails the step (or run) instead of being stored. */
  maxStepOutputBytes?: number;
}

export interface TEngineDeps {
  db: Database;
  events: EventBus;
  queue: Queue;
  pubsub: PubSub;
  log: Logger;
  executors: TExecutors;
  options: Required<TEngineOptions>;
}

export const DEFAULT_ENGINE_OPTIONS: Required<TEngineOptions> = {
  orgConcurrency: 4,
  workerConcurrency: 8,
  leaseMs: 15_000,
  defaultStepTimeoutMs: 300_000,
  continueForMs: 2_000,
  maxStepOutputBytes: DEFAULT_MAX_STEP_OUTPUT_BYTES,
};

export { TERMINAL_RUN, TERMINAL_STEP } from '../../../../contracts/orchestration/statuses.ts';
