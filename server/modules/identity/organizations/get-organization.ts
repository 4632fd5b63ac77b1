import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import type { TActor } from '../permissions/index.ts';
import { organizations } from '../schema.ts';
import { findMember } from './locking.ts';
import { type TOrganizationView, toOrganizationView } from './organization-view.ts';

/** The actor's organization, with their current role in it. */
export async function getOrganization({
  db,
  actor,
}: {
  db: Database;
  actor: TActor;
}): Promise<TOrganizationView> {
  return withTenant(db, actor.organizationId, async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
    const me = org && (await findMember(tx, org.id, actor.userId));
    if (!org || !me) throw notFound('Organization');
    return toOrganizationView(org, me.role);
  });
}
