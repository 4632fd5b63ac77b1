import { decodeProtectedHeader, errors, jwtVerify, type ProtectedHeaderParameters } from 'jose';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { type TAccessTokenClaims, ZAccessTokenClaimsSchema } from './access-token-claims.ts';
import { SIGNING_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './constants.ts';
import { type SigningKeyCache, signingKeyCacheFor } from './signing-key-cache.ts';

const fail = (message: string, cause?: unknown) => new AppError('AUTHENTICATION_FAILED', message, { cause });

/**
 * Verifies a JWT access token and returns its claims, or throws AUTHENTICATION_FAILED saying why: malformed,
 * wrong algorithm (only EdDSA; `none` and HS* are refused before any key lookup), unknown or retired key, bad
 * signature, expired, wrong issuer or audience, claims not of the SPEC shape.
 */
export async function verifyAccessToken({
  db,
  token,
  keys = signingKeyCacheFor(db),
  now,
}: {
  db: Database;
  token: string;
  keys?: SigningKeyCache;
  /** The time to check `exp` against (tests); defaults to the clock. */
  now?: Date;
}): Promise<TAccessTokenClaims> {
  let header: ProtectedHeaderParameters;
  try {
    if (typeof token !== 'string' || token.split('.').length !== 3) throw new TypeError('not a compact JWS');
    header = decodeProtectedHeader(token);
  } catch (cause) {
    throw fail('access token is malformed', cause);
  }
  if (header.alg !== SIGNING_ALGORITHM) {
    throw fail(`access token algorithm ${String(header.alg)} is not accepted`);
  }
  const key = typeof header.kid === 'string' ? await keys.verificationKey(header.kid) : undefined;
  if (!key) throw fail('access token was signed by an unknown or retired key');

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [SIGNING_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
      currentDate: now,
    }));
  } catch (cause) {
    throw fail(describe(cause), cause);
  }
  const claims = ZAccessTokenClaimsSchema.safeParse(payload);
  if (!claims.success) throw fail('access token claims are malformed', claims.error);
  return claims.data;
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'access token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'access token signature is invalid';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `access token claim ${error.claim} is invalid: ${error.reason}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'access token algorithm is not accepted';
  return 'access token is malformed';
}
