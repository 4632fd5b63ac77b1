import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from '../redis/index.ts';

/** Every key of this package lives under `ff:rl:<name>:<key>`, in Redis and in memory alike. */
export const KEY_PREFIX = 'ff:rl:';

export type TFlexibleLimiter = RateLimiterMemory | RateLimiterRedis;

/**
 * The limiter's store could not answer (Redis away or timing out). Deliberately not papered over with a
 * per-process fallback: N processes would then allow N times the limit without anyone noticing.
 */
export class RateLimitStoreError extends Error {
  readonly limiter: string;

  constructor(limiter: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Rate limiter "${limiter}" could not reach its store: ${reason}`, { cause });
    this.name = 'RateLimitStoreError';
    this.limiter = limiter;
  }
}

export function assertPositiveInteger(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${what} must be a positive integer`);
}

/** A rate-limiter-flexible limiter on Redis when given one, else in this process's memory. */
export function newFlexibleLimiter(opts: {
  redis?: Redis | undefined;
  name: string;
  points: number;
  durationSec: number;
  blockDurationSec?: number;
}): TFlexibleLimiter {
  if (!/^[\w.:-]+$/.test(opts.name)) throw new TypeError(`Invalid limiter name "${opts.name}"`);
  const common = {
    keyPrefix: `${KEY_PREFIX}${opts.name}`,
    points: opts.points,
    duration: opts.durationSec,
    blockDuration: opts.blockDurationSec ?? 0,
  };
  // No insuranceLimiter on purpose: a Redis outage must surface as an error (see RateLimitStoreError).
  // ioredis is the store client rate-limiter-flexible assumes by default (useRedisPackage: false).
  return opts.redis
    ? new RateLimiterRedis({ ...common, storeClient: opts.redis, useRedisPackage: false })
    : new RateLimiterMemory(common);
}

/**
 * rate-limiter-flexible rejects with a RateLimiterRes when it refuses and with anything else when the store
 * fails; only the operations that never refuse may use this, so any rejection is a store failure.
 */
export function storeFailure(name: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof RateLimiterRes)
      throw new Error(`Rate limiter "${name}" refused an operation that never refuses`);
    throw new RateLimitStoreError(name, err);
  };
}
