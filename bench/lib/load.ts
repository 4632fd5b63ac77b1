import autocannon from 'autocannon';

export interface LoadResult {
  reqPerSec: number;
  latencyMs: number;
  /** Which percentile latencyMs is: p99, or p97.5 when autocannon did not report p99. */
  percentile: 'p99' | 'p97.5';
}

/** A request to load-test: a URL to GET, or a method, headers and body. */
export type LoadTarget =
  | string
  | { url: string; method: 'POST'; headers: Record<string, string>; body: string };

const options = (target: LoadTarget) => (typeof target === 'string' ? { url: target } : target);

/** Runs autocannon with 10 connections; throws if any request failed, since the numbers would be meaningless. */
export async function runLoad(target: LoadTarget, durationSec: number): Promise<LoadResult> {
  const url = options(target).url;
  const r = await autocannon({ ...options(target), connections: 10, duration: durationSec });
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed > 0) {
    throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`);
  }
  const p99 = r.latency.p99;
  if (p99 !== undefined) return { reqPerSec: r.requests.average, latencyMs: p99, percentile: 'p99' };
  return { reqPerSec: r.requests.average, latencyMs: r.latency.p97_5 ?? Number.NaN, percentile: 'p97.5' };
}

/** A short unmeasured run first (JIT, connection pools, caches), then the measured one. */
export async function warmThenLoad(
  target: LoadTarget,
  durationSec: number,
  warmupSec = 2,
): Promise<LoadResult> {
  await autocannon({ ...options(target), connections: 10, duration: warmupSec });
  return runLoad(target, durationSec);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
