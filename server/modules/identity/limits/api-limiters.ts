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

export type TApiBucket = TPlan | 'anonymous';

export type TApiLimitersOptions = {
  /** Shared counters for every process; absent, counts live in this process. */
  redis?: Redis | undefined;
  /** Overrides of the points per window (tests use tiny ones); `null` means unlimited. */
  points?: Partial<Record<TApiBucket, number | null>> | undefined;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable | undefined;
  /** Window length (default an hour). */
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
  for (const bucket of [...PLANS, 'anonymous'] as const) {
    const fallback =
      bucket === 'anonymous' ? ANONYMOUS_REQUESTS_PER_HOUR : planLimits[bucket].apiRequestsPerHour;
    const override = opts.points?.[bucket];
    const points = override !== undefined ? override : fallback;
    const limiter =
      points === null
        ? null
        : createLimiter({ redis: opts.redis, name: `${prefix}-${bucket}`, points, durationSec });
    limiters.set(bucket, limiter);
  }
  return { get: (bucket) => limiters.get(bucket) ?? null };
}

/** Whom an authenticated request counts against: its API key, else its user. */
export function actorRateKey(actor: Pick<TActorContext, 'apiKeyId' | 'userId'>): string {
  return actor.apiKeyId ? `key:${actor.apiKeyId}` : `user:${actor.userId}`;
}
