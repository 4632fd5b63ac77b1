import { and, eq, isNull } from 'drizzle-orm';
import type { Database, TExecutor } from '../../../platform/db/index.ts';
import { refreshTokens } from '../access-schema.ts';

/** Revokes every not-yet-revoked token of a family (used ones too: they are the evidence); returns how many. */
export async function revokeFamilyIn(on: TExecutor, familyId: string, now = new Date()): Promise<number> {
  const rows = await on
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

/** Revokes one sign-in (a refresh-token family). Access tokens already issued live out their short TTL. */
export function revokeFamily({ db, familyId }: { db: Database; familyId: string }): Promise<number> {
  // Owner path: token families are revoked from sign-out and reuse detection, across tenants.
  return revokeFamilyIn(db.orm, familyId);
}

/**
 * Signs a user out everywhere: revokes all their refresh tokens, in one organization when organizationId is
 * given, else in all. Returns how many tokens were revoked.
 */
export async function revokeAllForUser({
  db,
  userId,
  organizationId,
}: {
  db: Database;
  userId: string;
  organizationId?: string;
}): Promise<number> {
  const rows = await db.orm
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(refreshTokens.userId, userId),
        organizationId ? eq(refreshTokens.organizationId, organizationId) : undefined,
        isNull(refreshTokens.revokedAt),
      ),
    )
    .returning({ id: refreshTokens.id });
  return rows.length;
}
