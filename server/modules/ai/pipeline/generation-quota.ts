// The plan's "AI generations per hour" (SPEC §3): one count per organization, in Redis when scaled out, so
// every process draws from the same allowance. Cached answers do not count: they cost nothing.
import { AppError } from '../../../platform/http/index.ts';
import { createLimiter, type Limiter } from '../../../platform/rate-limit/index.ts';
import type { Redis } from '../../../platform/redis/index.ts';

export function createGenerationQuota(opts: {
  redis?: Redis | undefined;
  /** The organization's hourly limit by its plan; null = unlimited. */
  limitFor: (organizationId: string) => Promise<number | null>;
  namePrefix?: string;
}): (organizationId: string) => Promise<void> {
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
    if (limit === null) return;
    // A limit of 0 switches generation off for the plan: refused without counting.
    const decision = limit > 0 ? await limiterFor(limit).consume(`org:${organizationId}`) : undefined;
    if (decision?.allowed) return;
    throw new AppError('QUOTA_EXCEEDED', `The plan allows ${limit} AI generations per hour`, {
      details: [{ message: 'Hourly AI generation quota used up', quota: 'aiGenerationsPerHour', limit }],
      ...(decision?.retryAfterSec ? { headers: { 'Retry-After': String(decision.retryAfterSec) } } : {}),
    });
  };
}
