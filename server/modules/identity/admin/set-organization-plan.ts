import { eq, or } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { TPlan } from '../../../../contracts/plans.ts';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { planCacheKey } from '../limits/org-plan.ts';
import { OrganizationUpdated } from '../organizations/events.ts';
import { lockOrganization, type TOrganizationRow } from '../organizations/locking.ts';
import { organizations } from '../schema.ts';

/** The organization named by its id or its slug, on the owner path (the operator spans tenants). */
export async function findOrganization(db: Database, idOrSlug: string): Promise<TOrganizationRow> {
  const key = idOrSlug.trim();
  // Owner path: the instance operator names any organization.
  const [org] = await db.orm
    .select()
    .from(organizations)
    .where(
      isUuid(key) ? or(eq(organizations.id, key), eq(organizations.slug, key)) : eq(organizations.slug, key),
    );
  if (!org) throw notFound(`Organization "${key}"`);
  return org;
}

/**
 * The instance operator puts an organization on a plan (admin API or `flashfusion org set-plan`). Emits
 * organization.updated (the audit trail) and drops the cached plan so rate limits and quotas follow at once
 * in every process that shares `cache` (other processes within the plan cache's TTL).
 */
export async function setOrganizationPlan({
  db,
  events,
  cache,
  organization,
  plan,
  byUserId = null,
}: {
  db: Database;
  events: EventBus;
  cache: Cache;
  /** The organization's id or slug. */
  organization: string;
  plan: TPlan;
  /** The admin who asked; null from the CLI (the operator at the console). */
  byUserId?: string | null;
}): Promise<{ organization: TOrganizationRow; previousPlan: TPlan }> {
  const found = await findOrganization(db, organization);
  const result = await events.transaction(
    async (tx, emit) => {
      const org = await lockOrganization(tx, found.id);
      if (org.plan === plan) return { organization: org, previousPlan: org.plan };
      const [updated] = await tx
        .update(organizations)
        .set({ plan, updatedAt: new Date() })
        .where(eq(organizations.id, org.id))
        .returning();
      if (!updated) throw new Error('update of organizations returned no row');
      await emit(OrganizationUpdated, {
        aggregateId: org.id,
        organizationId: org.id,
        userId: byUserId,
        payload: { organizationId: org.id, changed: ['plan'], plan },
      });
      return { organization: updated, previousPlan: org.plan };
    },
    { organizationId: found.id },
  );
  // After commit, so no process re-reads the old plan into the cache; the delete reaches every process.
  await cache.delete(planCacheKey(found.id));
  return result;
}
