import { eq } from 'drizzle-orm';
import type { TPlan } from '../../../../contracts/plans.ts';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { organizations } from '../schema.ts';

/** How long a plan read stays cached: a plan change takes effect on every process within this time. */
export const PLAN_CACHE_TTL_MS = 60_000;

/** The cache key of an organization's plan; delete it to make a plan change take effect at once. */
export const planCacheKey = (organizationId: string) => `identity:limits:plan:${organizationId}`;

/**
 * The organization's plan through the platform cache (short TTL), so rate limiting does not query the
 * database on every request. An unknown organization counts as starter, the smallest plan.
 */
export async function getOrganizationPlan({
  db,
  cache,
  organizationId,
  ttlMs = PLAN_CACHE_TTL_MS,
}: {
  db: Database;
  cache: Cache;
  organizationId: string;
  ttlMs?: number;
}): Promise<TPlan> {
  return cache.wrap(planCacheKey(organizationId), ttlMs, async () => {
    // Owner path: the rate-limit middleware reads the plan before the route runs; cached, read-only.
    const [org] = await db.orm
      .select({ plan: organizations.plan })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return (org?.plan ?? 'starter') as TPlan;
  });
}
