// Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and Jitter"): the wait
// is uniform in [0, min(max, base·2^n)), which spreads retries of many callers better than equal jitter.
import { randomInt } from 'node:crypto';
import type { TRandom, TSleep } from './types.ts';

/** Crypto-backed uniform [0, 1): no Math.random anywhere in the gateway. */
export const cryptoRandom: TRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

/** The wait before retry number `retry` (0 for the first retry), or null to give up on this target. */
export function backoffDelay(opts: {
  retry: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryAfterMs?: number;
  random: TRandom;
}): number | null {
  if (opts.retryAfterMs !== undefined) {
    // Waiting less than the upstream asked for would just earn another 429; waiting longer than our cap
    // would hold the caller: move on to the next target instead.
    return opts.retryAfterMs > opts.maxDelayMs ? null : opts.retryAfterMs;
  }
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** opts.retry);
  return Math.floor(opts.random() * ceiling);
}

/** Real timers; rejects with the signal's reason when it aborts so a gone caller stops waiting at once. */
export const sleep: TSleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
