import { eq } from 'drizzle-orm';
import type { TPlan } from '../../../../contracts/plans.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { organizationMembers, organizations } from '../schema.ts';
import { OrganizationCreated } from './events.ts';
import { type TOrganizationView, toOrganizationView } from './organization-view.ts';
import type { TCreateOrganizationInput } from './schemas.ts';
import { slugify } from './slug.ts';
import { isUniqueViolation } from './unique-violation.ts';

/**
 * Creates an organization on the instance's default plan (DEFAULT_PLAN) with `userId` as its owner. A taken
 * slug is a CONFLICT.
 */
export async function createOrganization({
  events,
  userId,
  input,
  plan,
}: {
  events: EventBus;
  userId: string;
  input: TCreateOrganizationInput;
  /** The instance's default plan; only the instance operator changes it afterwards. */
  plan: TPlan;
}): Promise<TOrganizationView> {
  const slug = input.slug ?? slugify(input.name);
  if (!slug) {
    throw new AppError('VALIDATION_ERROR', 'No slug can be made from this name; give one', {
      details: [{ field: 'slug', message: 'Required when the name has no letters or digits' }],
    });
  }
  try {
    // Owner path: the organization (the tenant) does not exist until this transaction makes it.
    return await events.transaction(async (tx, emit) => {
      const [taken] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, slug));
      if (taken) throw slugTaken(slug);
      const [org] = await tx.insert(organizations).values({ name: input.name, slug, plan }).returning();
      if (!org) throw new Error('insert into organizations returned no row');
      await tx.insert(organizationMembers).values({ organizationId: org.id, userId, role: 'owner' });
      await emit(OrganizationCreated, {
        aggregateId: org.id,
        organizationId: org.id,
        userId,
        payload: { organizationId: org.id, name: org.name, slug: org.slug, plan: org.plan },
      });
      return toOrganizationView(org, 'owner');
    });
  } catch (err) {
    // Two creations racing for one slug: the unique index decides, and the loser gets the same answer.
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
}

export const slugTaken = (slug: string) =>
  new AppError('CONFLICT', `The slug "${slug}" is already taken`, {
    details: [{ field: 'slug', message: 'Already taken' }],
  });
