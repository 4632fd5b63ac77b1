// FlashFusion's own breaker policy per target key (`provider:model`). A small one rather than a library
// (cockatiel is not installed): the gateway needs to *ask* the state while planning, without making a call,
// and to hand out exactly one half-open probe across concurrent calls — both a few lines here.
// State is per process: each replica learns about a dead upstream from its own traffic, which costs at most
// `failureThreshold` failed calls per replica and needs no Redis round trip on the hot path.
import type { TClock } from './types.ts';

export type TCircuitState = 'closed' | 'open' | 'half-open';

export interface TCircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one probe through. */
  cooldownMs: number;
  /** Also open when, over the last windowMs, at least minimumCalls calls ran and this share failed. */
  failureRate: number;
  windowMs: number;
  minimumCalls: number;
  now: TClock;
}

export const DEFAULT_CIRCUIT_OPTIONS: TCircuitOptions = {
  failureThreshold: 5,
  cooldownMs: 30_000,
  failureRate: 0.5,
  windowMs: 60_000,
  minimumCalls: 20,
  now: () => performance.now(),
};

/** Permission to call a target; `probe` marks the single half-open trial. */
export interface TCircuitPermit {
  key: string;
  probe: boolean;
}

const BUCKETS = 10;

interface TCircuit {
  state: 'closed' | 'open';
  consecutiveFailures: number;
  openedAt: number;
  probeInFlight: boolean;
  // Rolling window as BUCKETS slots of windowMs / BUCKETS, so memory stays fixed under any load.
  bucketStart: number[];
  calls: number[];
  failures: number[];
}

export interface CircuitBreakers {
  state(key: string): TCircuitState;
  /** A permit, or null while open (or half-open with its probe already out). */
  tryAcquire(key: string): TCircuitPermit | null;
  /** The upstream answered (even a 400 proves it is alive): closes a half-open circuit. */
  recordSuccess(permit: TCircuitPermit): void;
  /** The upstream failed (5xx, 429, timeout, network, 401/403): may open the circuit. */
  recordFailure(permit: TCircuitPermit): void;
  /** No verdict (the caller went away): frees a probe slot without changing the state. */
  release(permit: TCircuitPermit): void;
  /** Milliseconds until an open circuit lets a probe through (0 when not open). */
  msUntilProbe(key: string): number;
  snapshot(): Array<{ key: string; state: TCircuitState; consecutiveFailures: number }>;
}

/** Creates the per-target breakers of one process. */
export function createCircuitBreakers(options: Partial<TCircuitOptions> = {}): CircuitBreakers {
  const o = { ...DEFAULT_CIRCUIT_OPTIONS, ...options };
  const circuits = new Map<string, TCircuit>();
  const slotMs = o.windowMs / BUCKETS;

  const get = (key: string): TCircuit => {
    let c = circuits.get(key);
    if (!c) {
      c = {
        state: 'closed',
        consecutiveFailures: 0,
        openedAt: 0,
        probeInFlight: false,
        bucketStart: new Array(BUCKETS).fill(Number.NEGATIVE_INFINITY),
        calls: new Array(BUCKETS).fill(0),
        failures: new Array(BUCKETS).fill(0),
      };
      circuits.set(key, c);
    }
    return c;
  };

  const stateOf = (c: TCircuit): TCircuitState =>
    c.state === 'closed' ? 'closed' : o.now() - c.openedAt >= o.cooldownMs ? 'half-open' : 'open';

  const count = (c: TCircuit, failed: boolean): void => {
    const now = o.now();
    const start = Math.floor(now / slotMs) * slotMs;
    const i = Math.floor(now / slotMs) % BUCKETS;
    if (c.bucketStart[i] !== start) {
      c.bucketStart[i] = start;
      c.calls[i] = 0;
      c.failures[i] = 0;
    }
    c.calls[i] = (c.calls[i] ?? 0) + 1;
    if (failed) c.failures[i] = (c.failures[i] ?? 0) + 1;
  };

  const windowRate = (c: TCircuit): { calls: number; rate: number } => {
    const oldest = o.now() - o.windowMs;
    let calls = 0;
    let failures = 0;
    for (let i = 0; i < BUCKETS; i++) {
      if ((c.bucketStart[i] ?? Number.NEGATIVE_INFINITY) + slotMs <= oldest) continue;
      calls += c.calls[i] ?? 0;
      failures += c.failures[i] ?? 0;
    }
    return { calls, rate: calls === 0 ? 0 : failures / calls };
  };

  const open = (c: TCircuit): void => {
    c.state = 'open';
    c.openedAt = o.now();
    c.probeInFlight = false;
  };

  const reset = (c: TCircuit): void => {
    c.state = 'closed';
    c.consecutiveFailures = 0;
    c.probeInFlight = false;
    c.calls.fill(0);
    c.failures.fill(0);
  };

  return {
    state: (key) => stateOf(get(key)),
    tryAcquire(key) {
      const c = get(key);
      const s = stateOf(c);
      if (s === 'closed') return { key, probe: false };
      if (s === 'half-open' && !c.probeInFlight) {
        c.probeInFlight = true;
        return { key, probe: true };
      }
      return null;
    },
    recordSuccess(permit) {
      const c = get(permit.key);
      if (permit.probe) return reset(c);
      if (c.state === 'open') return; // a call admitted before the circuit opened; the probe decides
      c.consecutiveFailures = 0;
      count(c, false);
    },
    recordFailure(permit) {
      const c = get(permit.key);
      if (permit.probe) return open(c);
      if (c.state === 'open') return;
      c.consecutiveFailures += 1;
      count(c, true);
      const w = windowRate(c);
      if (
        c.consecutiveFailures >= o.failureThreshold ||
        (w.calls >= o.minimumCalls && w.rate >= o.failureRate)
      ) {
        open(c);
      }
    },
    release(permit) {
      if (permit.probe) get(permit.key).probeInFlight = false;
    },
    msUntilProbe(key) {
      const c = get(key);
      return c.state === 'open' ? Math.max(0, c.openedAt + o.cooldownMs - o.now()) : 0;
    },
    snapshot: () =>
      [...circuits].map(([key, c]) => ({
        key,
        state: stateOf(c),
        consecutiveFailures: c.consecutiveFailures,
      })),
  };
}
