import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import type { TOrgRole } from '../permissions/index.ts';
import { organizationMembers } from '../schema.ts';

/** The user's current role in an organization, or null when they are not (or no longer) a member. */
export async function resolveMembership(
  db: Database,
  userId: string,
  organizationId: string,
): Promise<TOrgRole | null> {
  // Owner path: membership resolution is how authentication finds the tenant.
  const [m] = await db.orm
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.userId, userId), eq(organizationMembers.organizationId, organizationId)),
    );
  return m?.role ?? null;
}

/** The user's oldest membership, used as the active organization when none is chosen. */
export async function firstMembership(
  db: Database,
  userId: string,
): Promise<{ organizationId: string; role: TOrgRole } | null> {
  const [m] = await db.orm
    .select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(eq(organizationMembers.userId, userId))
    .orderBy(asc(organizationMembers.createdAt))
    .limit(1);
  return m ?? null;
}
