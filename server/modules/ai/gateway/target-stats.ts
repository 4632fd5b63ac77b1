// Load and latency bookkeeping per target key, for the least-connections and latency strategies.
// Per process on purpose: in-flight counts change on every call, and a Redis round trip per call would cost
// more than the balancing gains; each replica balances its own share, which evens out across replicas.
import type { TClock } from './types.ts';

export interface TargetStats {
  /** Marks one call in flight; the returned function ends it (idempotent). */
  begin(key: string): () => void;
  inFlight(key: string): number;
  /** Feeds one observed latency into the target's moving average. */
  recordLatency(key: string, ms: number): void;
  /** Exponentially weighted mean latency, or undefined when never observed. */
  latency(key: string): number | undefined;
  /** Elapsed ms since start, on the stats' clock. */
  since(start: number): number;
  now: TClock;
}

/** alpha is the weight of the newest sample (0.3: a change shows within a few calls, one outlier fades fast). */
export function createTargetStats(options: { alpha?: number; now?: TClock } = {}): TargetStats {
  const alpha = options.alpha ?? 0.3;
  const now = options.now ?? (() => performance.now());
  const inFlight = new Map<string, number>();
  const ewma = new Map<string, number>();
  return {
    begin(key) {
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left <= 0) inFlight.delete(key);
        else inFlight.set(key, left);
      };
    },
    inFlight: (key) => inFlight.get(key) ?? 0,
    recordLatency(key, ms) {
      const prev = ewma.get(key);
      ewma.set(key, prev === undefined ? ms : alpha * ms + (1 - alpha) * prev);
    },
    latency: (key) => ewma.get(key),
    since: (start) => now() - start,
    now,
  };
}
