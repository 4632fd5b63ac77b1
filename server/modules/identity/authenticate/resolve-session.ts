import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import type { TActorContext, TUser } from '../actor.ts';
import { getSession } from '../auth/auth-routes.ts';
import type { TAuth } from '../auth/create-auth.ts';
import { sessions } from '../schema.ts';
import { firstMembership, resolveMembership } from './resolve-membership.ts';

/**
 * The user behind a web session cookie, and their actor in the session's active organization. The role is read
 * on every request, so a removal or demotion takes effect at once. With no active organization chosen, the
 * oldest membership becomes the active one.
 */
export async function resolveSession(
  deps: { db: Database; auth: TAuth },
  headers: Headers,
): Promise<{ user: TUser; actor?: TActorContext } | null> {
  const found = await getSession(deps.auth, headers);
  if (!found) return null;
  const user: TUser = {
    id: found.user.id,
    email: found.user.email,
    authMethod: 'session',
    sessionId: found.session.id,
  };
  // Owner path: authentication discovers the tenant from the session.
  const [row] = await deps.db.orm
    .select({ active: sessions.activeOrganizationId })
    .from(sessions)
    .where(eq(sessions.id, found.session.id));
  let organizationId = row?.active ?? null;
  let role = organizationId ? await resolveMembership(deps.db, user.id, organizationId) : null;
  if (!role) {
    const first = await firstMembership(deps.db, user.id);
    if (!first) return { user };
    ({ organizationId, role } = first);
    await deps.db.orm
      .update(sessions)
      .set({ activeOrganizationId: organizationId })
      .where(eq(sessions.id, found.session.id));
  }
  return {
    user,
    actor: { userId: user.id, organizationId: organizationId!, orgRole: role, authMethod: 'session' },
  };
}
