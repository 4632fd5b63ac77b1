import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { ACTION_NAMES, API_KEY_SCOPES, roleGrants } from '../permissions/index.ts';
import { organizationMembers } from '../schema.ts';
import type { TTokenGrant } from './access-token-claims.ts';

/** The actions a role grants organization-wide: what a token's `permissions[]` lists. */
export const permissionsOfRole = (role: TTokenGrant['orgRole']): string[] =>
  ACTION_NAMES.filter((action) => roleGrants(role, action));

/**
 * A `resolveMembership` reading the membership table: the current role, the actions it grants, and the
 * given scope (all scopes by default: a token from a web sign-in acts with the user's full rights).
 */
export function resolveMembershipFromDb({
  db,
  scope = API_KEY_SCOPES,
}: {
  db: Database;
  scope?: readonly string[];
}) {
  return async (userId: string, organizationId: string): Promise<TTokenGrant | null> => {
    // Owner path: membership resolution is how token issuing finds the tenant.
    const [member] = await db.orm
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(
        and(eq(organizationMembers.userId, userId), eq(organizationMembers.organizationId, organizationId)),
      );
    return member ? { orgRole: member.role, permissions: permissionsOfRole(member.role), scope } : null;
  };
}
