import { randomUUID } from 'node:crypto';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { TTokenGrant } from './access-token-claims.ts';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from './constants.ts';
import { insertRefreshToken } from './refresh-token-value.ts';
import { signAccessToken } from './sign-access-token.ts';
import { type SigningKeyCache, signingKeyCacheFor } from './signing-key-cache.ts';

export type TTokenPair = { accessToken: string; expiresIn: number; refreshToken: string };

/** Lifetimes and the key cache, overridable by tests. */
export type TTokenOptions = {
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  keys?: SigningKeyCache;
  now?: Date;
};

/**
 * Issues a fresh pair for a user acting in one organization: a short-lived signed access token and a refresh
 * token starting a new family. The caller has already authenticated the user and resolved the membership.
 */
export async function issueTokens({
  db,
  keyring,
  user,
  organizationId,
  orgRole,
  permissions,
  scope,
  accessTokenTtlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  refreshTokenTtlSeconds = REFRESH_TOKEN_TTL_SECONDS,
  keys = signingKeyCacheFor(db),
  now = new Date(),
}: {
  db: Database;
  keyring: Keyring;
  user: { id: string };
  organizationId: string;
} & TTokenGrant &
  TTokenOptions): Promise<TTokenPair> {
  const signer = await keys.signingKey(keyring);
  // Owner path: issuing runs in authentication flows that discover the tenant (refresh, sign-in).
  const refreshToken = await insertRefreshToken(db.orm, {
    userId: user.id,
    organizationId,
    familyId: randomUUID(),
    parentId: null,
    ttlSeconds: refreshTokenTtlSeconds,
    now,
  });
  const accessToken = await signAccessToken({
    signer,
    userId: user.id,
    organizationId,
    grant: { orgRole, permissions, scope },
    ttlSeconds: accessTokenTtlSeconds,
    now,
  });
  return { accessToken, expiresIn: accessTokenTtlSeconds, refreshToken };
}
