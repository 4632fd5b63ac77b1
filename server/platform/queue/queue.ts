import type { TTx } from '../db/index.ts';
import type { JobDefinition } from './define-job.ts';

/** Per-queue counts for the doctor command. */
export interface QueueStatus {
  queues: { name: string; queued: number; active: number; failed?: number }[];
}

export interface EnqueueOptions {
  /** Earliest start, counted from now. */
  startAfterSeconds?: number;
  /** Earliest start as an instant (sub-second precision, e.g. retry backoff in ms); wins over startAfterSeconds. */
  startAt?: Date;
  /**
   * The job's id (a UUID). A second enqueue with the same id creates nothing and returns it, so producers in
   * several processes reacting to the same thing (one domain event) create one job.
   */
  id?: string;
  /** Higher runs first (pg-boss fetches by priority, then age); default 0. */
  priority?: number;
  /** The group the job counts against for its definition's groupConcurrency (e.g. an organization id). */
  group?: string;
  /** Deduplicates under a policy that enforces it (see `JobDefinition.policy`); the existing job's id is returned. */
  singletonKey?: string;
  /**
   * Stores the job in this transaction, so it exists only if the transaction commits. Required when
   * enqueueing inside a transaction on PGlite: its one connection is held by the transaction, so an
   * enqueue outside it would wait for the commit forever.
   */
  tx?: TTx;
}

export interface ScheduleOptions {
  /** IANA time zone the cron expression is read in; UTC by default. */
  tz?: string;
  /** Distinguishes several schedules of one job (e.g. one per organization). */
  key?: string;
}

/** The platform job queue: durable jobs in Postgres, run by whichever process started workers. */
export interface Queue {
  /** Creates (or updates the retry policy of) each job's queue; call before enqueue or startWorkers. */
  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload type are registered together.
  register(...defs: JobDefinition<any>[]): Promise<void>;
  /** Validates the payload with the job's schema, then stores the job; resolves to its id. */
  enqueue<T>(def: JobDefinition<T>, payload: T, opts?: EnqueueOptions): Promise<string>;
  /** Enqueues the job on a cron expression; one schedule per job name and key, replaced when set again. */
  schedule<T>(def: JobDefinition<T>, cron: string, payload: T, opts?: ScheduleOptions): Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: only the name is used.
  unschedule(def: JobDefinition<any>, key?: string): Promise<void>;
  /** Begins processing every registered job (and any registered later) in this process. */
  startWorkers(): Promise<void>;
  status(): Promise<QueueStatus>;
  /** Stops polling; graceful (the default) first waits up to timeoutMs for running handlers. */
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}
