import { type CryptoKey, SignJWT } from 'jose';
import type { TTokenGrant } from './access-token-claims.ts';
import { SIGNING_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './constants.ts';

/** Signs an access token with exactly the SPEC claims plus iss/aud; the header names the key (kid). */
export async function signAccessToken({
  signer,
  userId,
  organizationId,
  grant,
  ttlSeconds,
  now = new Date(),
}: {
  signer: { kid: string; privateKey: CryptoKey };
  userId: string;
  organizationId: string;
  grant: TTokenGrant;
  ttlSeconds: number;
  now?: Date;
}): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    org: organizationId,
    role: grant.orgRole,
    permissions: [...grant.permissions],
    scope: [...grant.scope],
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT', kid: signer.kid })
    .setSubject(userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(signer.privateKey);
}
