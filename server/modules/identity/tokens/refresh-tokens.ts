import { eq } from 'drizzle-orm';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { refreshTokens as refreshTokenRows } from '../access-schema.ts';
import type { TTokenGrant } from './access-token-claims.ts';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from './constants.ts';
import type { TTokenOptions, TTokenPair } from './issue-tokens.ts';
import { hashRefreshToken, insertRefreshToken, isWellFormedRefreshToken } from './refresh-token-value.ts';
import { revokeFamilyIn } from './revoke-tokens.ts';
import { signAccessToken } from './sign-access-token.ts';
import { signingKeyCacheFor } from './signing-key-cache.ts';

/** The user's CURRENT grant in the organization, or null when they are no longer a member. */
export type TResolveMembership = (userId: string, organizationId: string) => Promise<TTokenGrant | null>;

const FAILURES = {
  unknown: 'refresh token is not valid',
  revoked: 'refresh token has been revoked',
  expired: 'refresh token has expired',
  reused: 'refresh token was already used: every token of this sign-in has been revoked',
  removed: 'user is no longer a member of this organization',
} as const;
type TOutcome = { ok: false; reason: keyof typeof FAILURES } | { ok: true; refreshToken: string };

/**
 * Rotates a refresh token: a valid unused one is marked used and replaced by a child in the same family, with
 * a new access token carrying the membership as it is NOW (a demotion shows, a removed member is refused).
 * Presenting a used token again is reuse: the whole family is revoked. The check-and-mark runs under a row
 * lock in one transaction, so of concurrent refreshes of one token exactly one succeeds.
 */
export async function refreshTokens({
  db,
  keyring,
  refreshToken,
  resolveMembership,
  accessTokenTtlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  refreshTokenTtlSeconds = REFRESH_TOKEN_TTL_SECONDS,
  keys = signingKeyCacheFor(db),
  now = new Date(),
}: {
  db: Database;
  keyring: Keyring;
  refreshToken: string;
  resolveMembership: TResolveMembership;
} & TTokenOptions): Promise<TTokenPair> {
  if (!isWellFormedRefreshToken(refreshToken)) throw failure('unknown');
  const tokenHash = hashRefreshToken(refreshToken);
  // Reads that may touch the database run before the transaction: on the embedded database a second query
  // waiting on the connection held by an open transaction would never run.
  // Owner path: the refresh token, looked up by hash, is what discovers the tenant.
  const [seen] = await db.orm
    .select({ userId: refreshTokenRows.userId, organizationId: refreshTokenRows.organizationId })
    .from(refreshTokenRows)
    .where(eq(refreshTokenRows.tokenHash, tokenHash));
  if (!seen) throw failure('unknown');
  const grant = await resolveMembership(seen.userId, seen.organizationId);
  const signer = await keys.signingKey(keyring);

  const outcome = await db.orm.transaction(async (tx): Promise<TOutcome> => {
    const [row] = await tx
      .select()
      .from(refreshTokenRows)
      .where(eq(refreshTokenRows.tokenHash, tokenHash))
      .for('update');
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revokedAt) return { ok: false, reason: 'revoked' };
    if (row.usedAt) {
      await revokeFamilyIn(tx, row.familyId, now);
      return { ok: false, reason: 'reused' };
    }
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (!grant) {
      await revokeFamilyIn(tx, row.familyId, now);
      return { ok: false, reason: 'removed' };
    }
    await tx.update(refreshTokenRows).set({ usedAt: now }).where(eq(refreshTokenRows.id, row.id));
    const child = await insertRefreshToken(tx, {
      userId: row.userId,
      organizationId: row.organizationId,
      familyId: row.familyId,
      parentId: row.id,
      ttlSeconds: refreshTokenTtlSeconds,
      now,
    });
    return { ok: true, refreshToken: child };
  });
  // Failures are returned, not thrown, inside the transaction so that a family revocation commits.
  if (!outcome.ok || !grant) throw failure(outcome.ok ? 'removed' : outcome.reason);

  const accessToken = await signAccessToken({
    signer,
    userId: seen.userId,
    organizationId: seen.organizationId,
    grant,
    ttlSeconds: accessTokenTtlSeconds,
    now,
  });
  return { accessToken, expiresIn: accessTokenTtlSeconds, refreshToken: outcome.refreshToken };
}

const failure = (reason: keyof typeof FAILURES) => new AppError('AUTHENTICATION_FAILED', FAILURES[reason]);
