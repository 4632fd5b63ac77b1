import { and, eq, ne } from 'drizzle-orm';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { assertCan, type TActor } from '../permissions/index.ts';
import { organizations } from '../schema.ts';
import { slugTaken } from './create-organization.ts';
import { OrganizationUpdated } from './events.ts';
import { currentActor, lockOrganization } from './locking.ts';
import { type TOrganizationView, toOrganizationView } from './organization-view.ts';
import type { TOrganizationSettings, TUpdateOrganizationInput } from './schemas.ts';
import { isUniqueViolation } from './unique-violation.ts';

/**
 * Renames, re-slugs or merges settings into the actor's organization. Each part needs its own permission:
 * name and slug `organization:update`, settings `settings:update`. The plan is the instance operator's to
 * change (setOrganizationPlan): asking for it here is refused, for owners too.
 */
export async function updateOrganization({
  events,
  actor,
  input,
}: {
  events: EventBus;
  actor: TActor;
  input: TUpdateOrganizationInput;
}): Promise<TOrganizationView> {
  if (input.plan !== undefined) throw planIsTheOperators();
  try {
    const view = await events.transaction(
      async (tx, emit) => {
        const org = await lockOrganization(tx, actor.organizationId);
        const me = await currentActor(tx, actor);
        if (input.name !== undefined || input.slug !== undefined) assertCan(me, 'organization:update');
        if (input.settings !== undefined) assertCan(me, 'settings:update');

        const changes: Partial<typeof organizations.$inferInsert> = {};
        if (input.name !== undefined && input.name !== org.name) changes.name = input.name;
        if (input.slug !== undefined && input.slug !== org.slug) {
          // As the tenant this sees only its own organization; another's slug surfaces as the unique
          // violation caught below, with the same answer.
          const [taken] = await tx
            .select({ id: organizations.id })
            .from(organizations)
            .where(and(eq(organizations.slug, input.slug), ne(organizations.id, org.id)));
          if (taken) throw slugTaken(input.slug);
          changes.slug = input.slug;
        }
        if (input.settings !== undefined) changes.settings = mergeSettings(org.settings, input.settings);
        const changed = Object.keys(changes);
        if (changed.length === 0) return toOrganizationView(org, me.orgRole);

        const [updated] = await tx
          .update(organizations)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(organizations.id, org.id))
          .returning();
        if (!updated) throw new Error('update of organizations returned no row');
        await emit(OrganizationUpdated, {
          aggregateId: org.id,
          organizationId: org.id,
          userId: actor.userId,
          payload: {
            organizationId: org.id,
            changed,
            name: changes.name,
            slug: changes.slug,
          },
        });
        return toOrganizationView(updated, me.orgRole);
      },
      { organizationId: actor.organizationId },
    );
    return view;
  } catch (err) {
    if (input.slug !== undefined && isUniqueViolation(err)) throw slugTaken(input.slug);
    throw err;
  }
}

/** Given settings replace stored ones key by key; feature flags merge flag by flag. */
function mergeSettings(
  stored: Record<string, unknown>,
  patch: TOrganizationSettings,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  if (patch.allowGuestAccess !== undefined) merged.allowGuestAccess = patch.allowGuestAccess;
  if (patch.dataRetentionDays !== undefined) merged.dataRetentionDays = patch.dataRetentionDays;
  if (patch.featureFlags !== undefined) {
    const previous = stored.featureFlags;
    const base = previous && typeof previous === 'object' ? (previous as Record<string, boolean>) : {};
    merged.featureFlags = { ...base, ...patch.featureFlags };
  }
  return merged;
}

/** Owners cannot pick their own plan: on a self-hosted instance or a paid one, the operator decides. */
const planIsTheOperators = () =>
  new AppError(
    'INSUFFICIENT_PERMISSIONS',
    "Only the instance operator changes an organization's plan (flashfusion org set-plan, or the admin API)",
    { details: [{ field: 'plan', message: 'Set by the instance operator' }] },
  );
