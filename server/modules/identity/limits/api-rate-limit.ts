import type { Context, MiddlewareHandler } from 'hono';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { rateLimit } from '../../../platform/rate-limit/index.ts';
import type { TActorContext, TUser } from '../actor.ts';
import {
  actorRateKey,
  createApiLimiters,
  type TApiBucket,
  type TApiLimiters,
  type TApiLimitersOptions,
} from './api-limiters.ts';
import { clientIp } from './client-ip.ts';
import { getOrganizationPlan, PLAN_CACHE_TTL_MS } from './org-plan.ts';

export type TApiRateLimitOptions = TApiLimitersOptions & {
  db: Database;
  cache: Cache;
  /** Believe X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy?: boolean;
  /** How long a plan read stays cached (default PLAN_CACHE_TTL_MS). */
  planTtlMs?: number;
  /** Limiters to count on (share them with the usage route); built from the options when absent. */
  limiters?: TApiLimiters;
};

export type TApiRateLimit = MiddlewareHandler & { readonly limiters: TApiLimiters };

type TMaybeAuthed = { Variables: { actor?: TActorContext; user?: TUser } };

/**
 * Rate limit of every /api/v1 request: per API key when authenticated by key, else per user, else per client
 * IP; the allowance per hour is the organization's plan's (PLAN_LIMITS.apiRequestsPerHour), callers without
 * an organization get ANONYMOUS_REQUESTS_PER_HOUR. Sets X-RateLimit-Limit/Remaining/Reset on every response
 * it covers and refuses with 429 RATE_LIMIT_EXCEEDED and Retry-After. Mount it after authentication so
 * `actor`/`user` are known; before it, every request counts by IP.
 */
export function createApiRateLimit(opts: TApiRateLimitOptions): TApiRateLimit {
  const { db, cache } = opts;
  const limiters = opts.limiters ?? createApiLimiters(opts);
  const ttlMs = opts.planTtlMs ?? PLAN_CACHE_TTL_MS;

  const whoAndBucket = async (c: Context<TMaybeAuthed>): Promise<[string, TApiBucket]> => {
    const actor = c.get('actor');
    if (actor) {
      const plan = await getOrganizationPlan({ db, cache, organizationId: actor.organizationId, ttlMs });
      return [actorRateKey(actor), plan];
    }
    const user = c.get('user');
    if (user) return [`user:${user.id}`, 'anonymous'];
    return [`ip:${clientIp(c, opts.trustProxy)}`, 'anonymous'];
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const [key, bucket] = await whoAndBucket(c as Context<TMaybeAuthed>);
    const limiter = limiters.get(bucket);
    if (!limiter) return next(); // an unlimited plan
    return rateLimit({ limiter, key: () => key })(c, next);
  };
  return Object.assign(middleware, { limiters });
}
