import type { Redis } from '../redis/index.ts';
import { assertPositiveInteger, newFlexibleLimiter, storeFailure } from './flexible.ts';

/** Whether a key (an account, an address) may try again, and if not, for how long it must wait. */
export interface TLockoutState {
  locked: boolean;
  retryAfterSec?: number;
}

/** Progressive lockout against password guessing: free attempts, then blocks that double up to a cap. */
export interface Lockout {
  /** Call before verifying a password: a locked key should be refused without trying it. */
  check(key: string): Promise<TLockoutState>;
  /** Records a failed attempt; says whether the key is now locked and how many failures it has. */
  fail(key: string): Promise<TLockoutState & { failures: number }>;
  /** A successful sign-in forgets the failures and lifts any block. */
  succeed(key: string): Promise<void>;
}

export interface TLockoutOptions {
  redis?: Redis;
  /** Unique per lockout: keys are stored under `ff:rl:<name>:fail:` and `ff:rl:<name>:block:`. */
  name: string;
  /** Failures allowed before the first block. */
  freeAttempts: number;
  /** The first block; each further failure doubles it. */
  baseBlockSec: number;
  maxBlockSec: number;
  /** Failures are counted over a window this long from the first one (default: a day, or 2 × maxBlockSec). */
  forgetAfterSec?: number;
}

const DAY_SEC = 24 * 60 * 60;

/** The block after `failures` failures: none within the free attempts, then base, 2×base, 4×base … capped. */
export function blockSecFor(
  failures: number,
  opts: Pick<TLockoutOptions, 'freeAttempts' | 'baseBlockSec' | 'maxBlockSec'>,
): number {
  const over = failures - opts.freeAttempts;
  if (over <= 0) return 0;
  // The exponent is capped so that a long run of failures cannot overflow to Infinity.
  return Math.min(opts.baseBlockSec * 2 ** Math.min(over - 1, 40), opts.maxBlockSec);
}

/** Builds a lockout on rate-limiter-flexible, in Redis when given one so that every process sees it. */
export function createLockout(opts: TLockoutOptions): Lockout {
  if (!Number.isInteger(opts.freeAttempts) || opts.freeAttempts < 0) {
    throw new TypeError('freeAttempts must be a non-negative integer');
  }
  assertPositiveInteger('baseBlockSec', opts.baseBlockSec);
  assertPositiveInteger('maxBlockSec', opts.maxBlockSec);
  if (opts.maxBlockSec < opts.baseBlockSec) throw new TypeError('maxBlockSec must be at least baseBlockSec');
  const forgetAfterSec = opts.forgetAfterSec ?? Math.max(DAY_SEC, opts.maxBlockSec * 2);
  assertPositiveInteger('forgetAfterSec', forgetAfterSec);

  // Failures: an atomic counter (penalty never refuses) that outlives the blocks, so each one can double.
  const failures = newFlexibleLimiter({
    redis: opts.redis,
    name: `${opts.name}:fail`,
    points: Math.max(opts.freeAttempts, 1),
    durationSec: forgetAfterSec,
  });
  // Blocks: a key present here is locked until it expires; its TTL is the remaining block.
  const blocks = newFlexibleLimiter({
    redis: opts.redis,
    name: `${opts.name}:block`,
    points: 1,
    durationSec: 1,
  });
  const failed = storeFailure(opts.name);

  return {
    async check(key) {
      const res = await blocks.get(key).catch(failed);
      if (res === null || res.msBeforeNext <= 0) return { locked: false };
      return { locked: true, retryAfterSec: Math.ceil(res.msBeforeNext / 1000) };
    },
    async fail(key) {
      const count = (await failures.penalty(key, 1).catch(failed)).consumedPoints;
      const blockSec = blockSecFor(count, opts);
      if (blockSec === 0) return { locked: false, failures: count };
      await blocks.block(key, blockSec).catch(failed);
      return { locked: true, retryAfterSec: blockSec, failures: count };
    },
    async succeed(key) {
      await Promise.all([failures.delete(key).catch(failed), blocks.delete(key).catch(failed)]);
    },
  };
}
