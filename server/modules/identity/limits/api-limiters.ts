import { PLAN_LIMITS, PLANS, type TPlan, type TPlanLimitsTable } from '../../../../contracts/plans.ts';
import { createLimiter, type Limiter } from '../../../platform/rate-limit/index.ts';
import type { Redis } from '../../../platform/redis/index.ts';
import type { TActorContext } from '../actor.ts';

/**
 * Requests per hour for callers without an organization: anonymous clients (per IP) and signed-in users who
 * belong to no organization yet (per user). Not in SPEC §3, which only sets the plans' limits; 300 leaves
 * room for sign-up and onboarding while bounding scripted abuse from one address.
 */
export const ANONYMOUS_REQUESTS_PER_HOUR = 300;

/**
 * Requests per minute per web session (and per API key or token whose plan has no hourly API limit), by
 * default: the abuse limit (env ABUSE_REQUESTS_PER_MINUTE). A person clicking through the web app makes a few
 * dozen a minute at most; 600 only stops a runaway script.
 */
export const ABUSE_REQUESTS_PER_MINUTE = 600;

/** A plan's hourly budget, the anonymous one, or the per-minute abuse limit. */
export type TApiBucket = TPlan | 'anonymous' | 'abuse';

export type TApiLimitersOptions = {
  /** Shared counters for every process; absent, counts live in this process. */
  redis?: Redis | undefined;
  /** Overrides of the points per window (tests use tiny ones); `null` means unlimited. */
  points?: Partial<Record<TApiBucket, number | null>> | undefined;
  /** The abuse limit per minute (env ABUSE_REQUESTS_PER_MINUTE); 0 turns it off. */
  abusePerMinute?: number | undefined;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  /** Window length of the hourly budgets (default an hour; the abuse limit's is always a minute). */
  durationSec?: number | undefined;
  /** Limiter names are `<prefix>-<bucket>` (default `api`): Redis keys `ff:rl:api-pro:key:<id>`. */
  namePrefix?: string | undefined;
};

/** One limiter per plan (plus anonymous); `null` for an unlimited one. */
export type TApiLimiters = { get(bucket: TApiBucket): Limiter | null };

export function createApiLimiters(opts: TApiLimitersOptions = {}): TApiLimiters {
  const durationSec = opts.durationSec ?? 3600;
  const prefix = opts.namePrefix ?? 'api';
  const limiters = new Map<TApiBucket, Limiter | null>();
  const planLimits = opts.planLimits ?? PLAN_LIMITS;
  const abusePerMinute = opts.abusePerMinute ?? ABUSE_REQUESTS_PER_MINUTE;
  for (const bucket of [...PLANS, 'anonymous', 'abuse'] as const) {
    const fallback =
      bucket === 'anonymous'
        ? ANONYMOUS_REQUESTS_PER_HOUR
        : bucket === 'abuse'
          ? abusePerMinute || null
          : planLimits[bucket].apiRequestsPerHour;
    const override = opts.points?.[bucket];
    const points = override !== undefined ? override : fallback;
    const window = bucket === 'abuse' ? 60 : durationSec;
    const limiter =
      points === null
        ? null
        : createLimiter({ redis: opts.redis, name: `${prefix}-${bucket}`, points, durationSec: window });
    limiters.set(bucket, limiter);
  }
  return { get: (bucket) => limiters.get(bucket) ?? null };
}

/** Whom a web session's requests count against under the abuse limit: the session, else its user. */
export function sessionRateKey(user: { id: string; sessionId?: string | undefined }): string {
  return user.sessionId ? `session:${user.sessionId}` : `user:${user.id}`;
}

/** Whom an authenticated request counts against: its API key, else its user. */
export function actorRateKey(actor: Pick<TActorContext, 'apiKeyId' | 'userId'>): string {
  return actor.apiKeyId ? `key:${actor.apiKeyId}` : `user:${actor.userId}`;
}
