import { and, eq } from 'drizzle-orm';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { TOrgRole } from '../permissions/index.ts';
import { organizationMembers } from '../schema.ts';

/** How long a member's role stays cached for bearer checks; membership changes call `forgetMemberRole`. */
export const MEMBER_ROLE_CACHE_TTL_MS = 30_000;

/** The cache entry holding a member's current role (null: not a member). */
export function memberRoleCacheKey(organizationId: string, userId: string): string {
  return `identity:member-role:${organizationId}:${userId}`;
}

/** Drops a member's cached role in every process: call after a role change or removal. */
export function forgetMemberRole({
  cache,
  organizationId,
  userId,
}: {
  cache: Cache;
  organizationId: string;
  userId: string;
}) {
  return cache.delete(memberRoleCacheKey(organizationId, userId));
}

/**
 * The user's role in the organization now, or null when they are not a member. API keys and JWTs act with this,
 * never with the role they were issued under: a removed or demoted member loses the rights at their next
 * request, not when the credential expires. Cached (every process drops it on a change), so a steady stream of
 * bearer requests does not reach the database.
 */
export function currentMemberRole({
  db,
  cache,
  organizationId,
  userId,
}: {
  db: Database;
  cache: Cache;
  organizationId: string;
  userId: string;
}): Promise<TOrgRole | null> {
  return cache.wrap<TOrgRole | null>(
    memberRoleCacheKey(organizationId, userId),
    MEMBER_ROLE_CACHE_TTL_MS,
    async () => {
      // Owner path: the credential names the organization; its membership row says whether it still holds.
      const [member] = await db.orm
        .select({ role: organizationMembers.role })
        .from(organizationMembers)
        .where(
          and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
        );
      return member?.role ?? null;
    },
  );
}
