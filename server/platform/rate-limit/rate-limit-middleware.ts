import type { Context, Env, MiddlewareHandler } from 'hono';
import { AppError } from '../http/index.ts';
import type { Limiter, TRateDecision } from './create-limiter.ts';
import { RateLimitStoreError } from './flexible.ts';

export interface TRateLimitOptions<E extends Env> {
  limiter: Limiter;
  /** Whom the request counts against; undefined lets it through uncounted and without headers. */
  key: (c: Context<E>) => string | undefined;
  /** Points this request costs (default 1). */
  cost?: (c: Context<E>) => number;
  /**
   * Whether a request over the limit is refused (default: always). False lets a request through anyway,
   * counted and with the headers: the few calls a person needs to see their plan or sign out.
   */
  refuse?: (c: Context<E>) => boolean;
}

/** A wait as people read it: seconds under a minute, else whole minutes (rounded up). */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** The SPEC §2 headers for a decision; `X-RateLimit-Reset` is in unix seconds. */
export function rateLimitHeaders(d: TRateDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(d.limit),
    'X-RateLimit-Remaining': String(d.remaining),
    'X-RateLimit-Reset': String(Math.ceil(d.resetAt.getTime() / 1000)),
  };
}

/**
 * Counts each request it covers against `limiter` and sets the X-RateLimit headers on its response,
 * whatever the status; a refusal throws RATE_LIMIT_EXCEEDED carrying the same headers plus Retry-After.
 */
export function rateLimit<E extends Env = Env>(opts: TRateLimitOptions<E>): MiddlewareHandler<E> {
  return async function rateLimitMiddleware(c, next) {
    const key = opts.key(c);
    if (key === undefined) return next();
    let decision: TRateDecision;
    try {
      decision = await opts.limiter.consume(key, opts.cost?.(c) ?? 1);
    } catch (err) {
      if (!(err instanceof RateLimitStoreError)) throw err;
      // Without its store the limit cannot be enforced; 503 tells clients and balancers to come back.
      throw new AppError('INTERNAL_ERROR', 'Rate limiting is temporarily unavailable', {
        status: 503,
        cause: err,
      });
    }
    const headers = rateLimitHeaders(decision);
    if (!decision.allowed && (opts.refuse?.(c) ?? true)) {
      const wait = decision.retryAfterSec ?? 1;
      throw new AppError('RATE_LIMIT_EXCEEDED', `Too many requests; retry in ${waitText(wait)}`, {
        headers: { 'Retry-After': String(wait), ...headers },
      });
    }
    // Set before next() too: a refusal downstream (e.g. authentication) that becomes the response through
    // onError keeps them.
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    await next();
    // After next(): errors thrown downstream have already become c.res through onError, so they get them too.
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  };
}
