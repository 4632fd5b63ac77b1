import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../../platform/http/index.ts';
import { createLockout, type TLockoutOptions } from '../../../platform/rate-limit/index.ts';
import type { Redis } from '../../../platform/redis/index.ts';
import { clientIp } from './client-ip.ts';

type TPolicy = Pick<TLockoutOptions, 'freeAttempts' | 'baseBlockSec' | 'maxBlockSec' | 'forgetAfterSec'>;

/**
 * Per account: 5 attempts; the 5th failure locks for 30 s, each further failure doubles the block up to
 * 15 min. (`freeAttempts` counts the failures that do not lock, hence 4.)
 */
export const ACCOUNT_LOCKOUT: TPolicy = { freeAttempts: 4, baseBlockSec: 30, maxBlockSec: 900 };
/** Per IP: 20 attempts (several people may share one NAT), then 30 s doubling to 15 min. */
export const IP_LOCKOUT: TPolicy = { freeAttempts: 19, baseBlockSec: 30, maxBlockSec: 900 };

export type TSignInLockoutOptions = {
  redis?: Redis;
  trustProxy?: boolean;
  account?: TPolicy;
  ip?: TPolicy;
  /** Lockout names are `<name>-account` and `<name>-ip` (default `sign-in`). */
  name?: string;
};

/** The lowercased email of a sign-in body, read from a clone so the next handler still gets the body. */
async function emailOf(req: Request): Promise<string | undefined> {
  try {
    const body = (await req.clone().json()) as { email?: unknown };
    return typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Progressive lockout for `POST /auth/sign-in/email`, per account (lowercased email) and per client IP.
 * A locked account or IP is refused before the password is tried (429 RATE_LIMIT_EXCEEDED, Retry-After,
 * the same message whether or not the account exists); afterwards a 401 counts as a failure for both, and
 * a 200 clears the account's lockout.
 */
export function createSignInLockout(opts: TSignInLockoutOptions = {}): MiddlewareHandler {
  const name = opts.name ?? 'sign-in';
  const accounts = createLockout({
    redis: opts.redis,
    name: `${name}-account`,
    ...(opts.account ?? ACCOUNT_LOCKOUT),
  });
  const ips = createLockout({ redis: opts.redis, name: `${name}-ip`, ...(opts.ip ?? IP_LOCKOUT) });

  return async function signInLockout(c, next) {
    if (c.req.method !== 'POST') return next();
    const email = await emailOf(c.req.raw);
    const ipKey = `ip:${clientIp(c, opts.trustProxy)}`;
    const accountKey = email ? `acct:${email}` : undefined;
    const [ipState, accountState] = await Promise.all([
      ips.check(ipKey),
      accountKey ? accounts.check(accountKey) : { locked: false, retryAfterSec: undefined },
    ]);
    if (ipState.locked || accountState.locked) {
      const wait = Math.max(ipState.retryAfterSec ?? 0, accountState.retryAfterSec ?? 0, 1);
      throw new AppError('RATE_LIMIT_EXCEEDED', `Too many sign-in attempts; retry in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    await next();
    if (c.res.status === 401) {
      await Promise.all([ips.fail(ipKey), accountKey ? accounts.fail(accountKey) : undefined]);
    } else if (c.res.status === 200 && accountKey) {
      await accounts.succeed(accountKey);
    }
  };
}
