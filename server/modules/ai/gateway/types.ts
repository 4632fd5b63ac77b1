// The gateway's own vocabulary on top of ../types.ts: clocks, planned attempts and the options of one call.
import type { TResolvedTarget } from '../types.ts';

/** Milliseconds since an arbitrary origin; injectable so tests control time. */
export type TClock = () => number;

/** A number in [0, 1); injectable so backoff jitter is reproducible in tests. */
export type TRandom = () => number;

/** Waits ms or rejects when signal aborts; injectable so tests do not sleep. */
export type TSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A route target made callable, with its share for the weighted strategy. */
export interface TWeightedTarget {
  target: TResolvedTarget;
  /** Relative share (default 1); ignored by other strategies. */
  weight: number;
}

/** The ordered attempts for one call, plus targets left out because their circuit is open. */
export interface TPlan {
  /** Route name for answers (null for a direct model call). */
  route: string | null;
  attempts: TResolvedTarget[];
  skipped: TResolvedTarget[];
}

/** How hard to try each target. */
export interface TRetryPolicy {
  /** Retries per target after the first attempt. */
  maxRetries: number;
  /** Per-attempt timeout; for streams, the limit up to the first content, then on each wait for the next part. */
  timeoutMs: number;
  /** First backoff ceiling; doubled per retry (full jitter picks in [0, ceiling)). */
  baseDelayMs: number;
  /** No single wait exceeds this; a Retry-After beyond it sends the call to the next target instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: TRetryPolicy = {
  maxRetries: 2,
  timeoutMs: 30_000,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};
