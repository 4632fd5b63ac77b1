import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { refreshTokens } from '../access-schema.ts';
import { hashRefreshToken, isWellFormedRefreshToken } from './refresh-token-value.ts';
import { revokeFamilyIn } from './revoke-tokens.ts';

/**
 * Ends the sign-in a refresh token belongs to: every token of its family is revoked (a client logging out, or
 * a leaked token reported). Whoever holds the token may do it, as with refresh. Unknown, malformed or already
 * revoked tokens are a no-op, as OAuth's revocation endpoint (RFC 7009) answers them: there is nothing to end.
 */
export async function revokeRefreshToken({ db, refreshToken }: { db: Database; refreshToken: string }) {
  if (!isWellFormedRefreshToken(refreshToken)) return;
  // Owner path: the refresh token, looked up by hash, is what discovers the tenant.
  const [row] = await db.orm
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
  if (row) await revokeFamilyIn(db.orm, row.familyId);
}
