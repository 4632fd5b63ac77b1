import type { Context, MiddlewareHandler } from 'hono';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { type Limiter, rateLimit } from '../../../platform/rate-limit/index.ts';
import type { TActorContext, TUser } from '../actor.ts';
import {
  actorRateKey,
  createApiLimiters,
  sessionRateKey,
  type TApiLimiters,
  type TApiLimitersOptions,
} from './api-limiters.ts';
import { clientIp } from './client-ip.ts';
import { isEssentialRequest } from './essential-requests.ts';
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
 * Rate limit of every /api/v1 request, by how the caller authenticated:
 * - a web session (the web app itself): only the abuse limit, per session per minute; the plan's "API
 *   requests per hour" is for API keys and tokens, so a person using the app is never locked out by it;
 * - an API key or JWT: the organization's plan (PLAN_LIMITS.apiRequestsPerHour), per key, else per user; a
 *   plan without an hourly limit falls back to the abuse limit;
 * - nobody (or a refused credential): ANONYMOUS_REQUESTS_PER_HOUR per client IP.
 * Sets X-RateLimit-Limit/Remaining/Reset on every response it covers and refuses with 429
 * RATE_LIMIT_EXCEEDED and Retry-After; a person's essential requests (isEssentialRequest) are counted but
 * always answered. Mount it after authentication so `actor`/`user` are known.
 */
export function createApiRateLimit(opts: TApiRateLimitOptions): TApiRateLimit {
  const { db, cache } = opts;
  const limiters = opts.limiters ?? createApiLimiters(opts);
  const ttlMs = opts.planTtlMs ?? PLAN_CACHE_TTL_MS;

  const whoAndLimiter = async (c: Context<TMaybeAuthed>): Promise<[string, Limiter | null]> => {
    const actor = c.get('actor');
    const user = c.get('user');
    if (user?.authMethod === 'session') return [sessionRateKey(user), limiters.get('abuse')];
    if (actor) {
      const plan = await getOrganizationPlan({ db, cache, organizationId: actor.organizationId, ttlMs });
      return [actorRateKey(actor), limiters.get(plan) ?? limiters.get('abuse')];
    }
    if (user) return [`user:${user.id}`, limiters.get('anonymous')];
    return [`ip:${clientIp(c, opts.trustProxy)}`, limiters.get('anonymous')];
  };

  // A person (web session, or nobody signed in yet) always gets the essential requests; a program holding an
  // API key or token keeps its budget strictly.
  const refuse = (c: Context<TMaybeAuthed>) => {
    const method = c.get('user')?.authMethod;
    return method === 'api_key' || method === 'jwt' || !isEssentialRequest(c);
  };
  const middleware: MiddlewareHandler = async (c, next) => {
    const [key, limiter] = await whoAndLimiter(c as Context<TMaybeAuthed>);
    if (!limiter) return next(); // limits switched off
    return rateLimit<TMaybeAuthed>({ limiter, key: () => key, refuse })(c, next);
  };
  return Object.assign(middleware, { limiters });
}
