import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from '../redis/index.ts';
import { assertPositiveInteger, newFlexibleLimiter, storeFailure } from './flexible.ts';

/** What one call to a limiter decided, as a value: a refusal is an expected outcome, not an exception. */
export interface TRateDecision {
  /** consume: whether this request may go ahead. get/penalty/reward: whether one more point would be. */
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window (or block) ends and the key starts afresh. */
  resetAt: Date;
  /** Whole seconds to wait; set only when not allowed. */
  retryAfterSec?: number;
}

/** A named count of points per key over a fixed window; one count for all processes when it lives in Redis. */
export interface Limiter {
  readonly name: string;
  readonly points: number;
  readonly durationSec: number;
  /** Takes `cost` points (default 1), or refuses when they are not left. Throws only if the store fails. */
  consume(key: string, cost?: number): Promise<TRateDecision>;
  /** Adds points without ever refusing (e.g. a failed attempt that should count extra). */
  penalty(key: string, points?: number): Promise<TRateDecision>;
  /** Gives points back (e.g. a request that turned out to be free). */
  reward(key: string, points?: number): Promise<TRateDecision>;
  /** The key's state without consuming; a key never seen has its full allowance. */
  get(key: string): Promise<TRateDecision>;
  /** Forgets the key (its count and any block); true if there was something to forget. */
  delete(key: string): Promise<boolean>;
}

export interface TLimiterOptions {
  /** Redis in scale-out, so that all processes share one count; absent, counts live in this process. */
  redis?: Redis;
  /** Unique per limiter (letters, digits, `_ . : -`): keys are stored under `ff:rl:<name>:`. */
  name: string;
  points: number;
  durationSec: number;
  /** Once the limit is exceeded, refuse the key for this long rather than until the window ends. */
  blockDurationSec?: number;
}

/** Builds a limiter on rate-limiter-flexible: Redis store when `redis` is given, process memory otherwise. */
export function createLimiter(opts: TLimiterOptions): Limiter {
  const { name, points, durationSec } = opts;
  assertPositiveInteger('points', points);
  // Redis keeps whole-second TTLs, and a duration of 0 would mean "never expires".
  assertPositiveInteger('durationSec', durationSec);
  if (opts.blockDurationSec !== undefined) assertPositiveInteger('blockDurationSec', opts.blockDurationSec);
  const flexible = newFlexibleLimiter(opts);
  const failed = storeFailure(name);

  const toDecision = (res: RateLimiterRes | null, allowed: boolean): TRateDecision => {
    const now = Date.now();
    if (res === null) return { allowed: true, limit: points, remaining: points, resetAt: new Date(now) };
    const msBeforeNext = Math.max(res.msBeforeNext, 0);
    const decision: TRateDecision = {
      allowed,
      limit: points,
      // Rewards can take the count below zero; the remaining allowance shown never exceeds the limit.
      remaining: Math.min(Math.max(points - res.consumedPoints, 0), points),
      resetAt: new Date(now + msBeforeNext),
    };
    if (!allowed) decision.retryAfterSec = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return decision;
  };
  const stateOf = (res: RateLimiterRes | null) =>
    toDecision(res, res === null || res.consumedPoints < points);

  return {
    name,
    points,
    durationSec,
    async consume(key, cost = 1) {
      assertPositiveInteger('cost', cost);
      try {
        return toDecision(await flexible.consume(key, cost), true);
      } catch (err) {
        if (err instanceof RateLimiterRes) return toDecision(err, false);
        return failed(err);
      }
    },
    async penalty(key, amount = 1) {
      assertPositiveInteger('penalty points', amount);
      return stateOf(await flexible.penalty(key, amount).catch(failed));
    },
    async reward(key, amount = 1) {
      assertPositiveInteger('reward points', amount);
      return stateOf(await flexible.reward(key, amount).catch(failed));
    },
    async get(key) {
      return stateOf(await flexible.get(key).catch(failed));
    },
    async delete(key) {
      return Boolean(await flexible.delete(key).catch(failed));
    },
  };
}
