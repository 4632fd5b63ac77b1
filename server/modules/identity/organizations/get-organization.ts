import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/index.ts';
import { assertCan, type TActor } from '../permissions/index.ts';
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
  assertCan(actor, 'organization:read');
  const [org] = await db.orm.select().from(organizations).where(eq(organizations.id, actor.organizationId));
  const me = org && (await findMember(db.orm, org.id, actor.userId));
  if (!org || !me) throw notFound('Organization');
  return toOrganizationView(org, me.role);
}
