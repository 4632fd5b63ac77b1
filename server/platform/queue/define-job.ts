import type { Logger } from 'pino';
import type { z } from 'zod';

/** What a handler learns about the run it is part of. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
  /** Carries the job's name and id on every line. */
  log: Logger;
  /** Aborted when pg-boss gives up on the run (expiry, shutdown); long handlers should honour it. */
  signal: AbortSignal;
}

/** How a failed run is retried: `limit` retries after the first attempt, pg-boss `retryBackoff` doubling. */
export interface JobRetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/** pg-boss queue policies that make `singletonKey` deduplicate; 'standard' only orders and defers. */
export type TJobPolicy = 'standard' | 'short' | 'singleton' | 'stately' | 'exclusive';

/** A kind of background job: its queue name, the shape of its payload and what runs it. */
export interface JobDefinition<TPayload> {
  /** Also the pg-boss queue name, e.g. 'platform.ping'. */
  name: string;
  schema: z.ZodType<TPayload>;
  handler: (payload: TPayload, ctx: JobContext) => Promise<void>;
  retry?: JobRetryPolicy;
  expireInSeconds?: number;
  /** How many runs of this job one worker process handles at once. */
  concurrency?: number;
  /** Fixed when the queue is first created; pg-boss cannot change it afterwards. */
  policy?: TJobPolicy;
  /**
   * At most this many active jobs of one group (EnqueueOptions.group, e.g. an organization) across every
   * worker process: one tenant's backlog waits in its own line while other groups' jobs proceed.
   * pg-boss checks the limit inside each fetch statement, so on PostgreSQL fetches running at the same
   * instant (one per free worker slot) can each pass it once: a burst may start up to `concurrency` jobs of a
   * group per process, after which no further job of that group starts until the group is under its limit.
   */
  groupConcurrency?: number;
  /**
   * Workers refresh a heartbeat this often (halved) while a job runs; a job whose worker died (kill -9) is
   * failed and retried once its heartbeat is this many seconds old, instead of after expireInSeconds. >= 10.
   */
  heartbeatSeconds?: number;
}

// pg-boss stores the name as a Postgres identifier-ish value and rejects most punctuation; saying so
// at definition time beats a failure at the first enqueue.
const JOB_NAME = /^[A-Za-z0-9_.\-/]+$/;

/** Declares a job; checks the parts pg-boss would otherwise reject only at runtime. */
export function defineJob<T>(def: JobDefinition<T>): JobDefinition<T> {
  if (!JOB_NAME.test(def.name))
    throw new Error(`Job name "${def.name}" may use only letters, digits, _ . - /`);
  if (def.retry && (!Number.isInteger(def.retry.limit) || !Number.isInteger(def.retry.delaySeconds))) {
    // pg-boss casts both to int in SQL, so a fractional delay would silently round.
    throw new Error(`Job ${def.name}: retry.limit and retry.delaySeconds must be integers`);
  }
  return def;
}
