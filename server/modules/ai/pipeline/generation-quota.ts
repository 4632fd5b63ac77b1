// The plan's "AI generations per hour" (SPEC §3): one count per organization, in Redis when scaled out, so
// every process draws from the same allowance. Cached answers do not count: they cost nothing.
import { AppError } from '../../../platform/http/index.ts';
import { createLimiter, type Limiter, waitText } from '../../../platform/rate-limit/index.ts';
import type { Redis } from '../../../platform/redis/index.ts';
import type { TQuotaState } from '../types.ts';

/** Headers that tell a caller where it stands against the hourly AI generation quota (X-RateLimit-* style). */
export function generationQuotaHeaders(q: TQuotaState): Record<string, string> {
  return {
    'X-AI-Generations-Limit': String(q.limit),
    'X-AI-Generations-Remaining': String(q.remaining),
    'X-AI-Generations-Reset': String(Math.ceil(q.resetAt.getTime() / 1000)),
  };
}

/**
 * Takes one generation from the organization's hourly quota and answers where it stands (null: the plan has
 * no quota), or throws QUOTA_EXCEEDED saying when the next one is allowed, with Retry-After and the headers.
 */
export function createGenerationQuota(opts: {
  redis?: Redis | undefined;
  /** The organization's hourly limit by its plan; null = unlimited. */
  limitFor: (organizationId: string) => Promise<number | null>;
  namePrefix?: string;
}): (organizationId: string) => Promise<TQuotaState | null> {
  // One limiter per distinct limit: rate-limiter-flexible fixes the points per limiter.
  const limiters = new Map<number, Limiter>();
  const limiterFor = (points: number) => {
    let limiter = limiters.get(points);
    if (!limiter) {
      limiter = createLimiter({
        ...(opts.redis ? { redis: opts.redis } : {}),
        name: `${opts.namePrefix ?? ''}ai-gen-${points}`,
        points,
        durationSec: 3600,
      });
      limiters.set(points, limiter);
    }
    return limiter;
  };
  return async (organizationId) => {
    const limit = await opts.limitFor(organizationId);
    if (limit === null) return null;
    // A limit of 0 switches generation off for the plan: refused without counting.
    const decision = limit > 0 ? await limiterFor(limit).consume(`org:${organizationId}`) : undefined;
    if (decision?.allowed) return decision;
    const wait = decision?.retryAfterSec;
    throw new AppError(
      'QUOTA_EXCEEDED',
      wait
        ? `The plan allows ${limit} AI generations per hour; the next one in ${waitText(wait)}`
        : `The plan allows ${limit} AI generations per hour`,
      {
        details: [{ message: 'Hourly AI generation quota used up', quota: 'aiGenerationsPerHour', limit }],
        ...(decision && wait
          ? { headers: { 'Retry-After': String(wait), ...generationQuotaHeaders(decision) } }
          : {}),
      },
    );
  };
}
