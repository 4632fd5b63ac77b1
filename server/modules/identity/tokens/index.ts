// JWT access tokens (EdDSA, kid-named keys rotated without logging anyone out) and rotating refresh tokens
// with reuse detection.

export type { TAccessTokenClaims, TTokenGrant } from './access-token-claims.ts';
export { ZAccessTokenClaimsSchema } from './access-token-claims.ts';
export { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from './constants.ts';
export { ensureSigningKey } from './ensure-signing-key.ts';
export type { TTokenOptions, TTokenPair } from './issue-tokens.ts';
export { issueTokens } from './issue-tokens.ts';
export type { TResolveMembership } from './refresh-tokens.ts';
export { refreshTokens } from './refresh-tokens.ts';
export { permissionsOfRole, resolveMembershipFromDb } from './resolve-membership-from-db.ts';
export {
  RETIRE_SIGNING_KEYS_CRON,
  RETIRE_SIGNING_KEYS_JOB,
  retireSigningKeysJob,
  scheduleSigningKeyRetirement,
} from './retire-signing-keys-job.ts';
export { revokeAllForUser, revokeFamily } from './revoke-tokens.ts';
export { retireSigningKeys, rotateSigningKey } from './rotate-signing-key.ts';
export { issueTokenRoute } from './routes/issue-token.ts';
export { refreshTokenRoute } from './routes/refresh-token.ts';
export { revokeTokenRoute } from './routes/revoke-token.ts';
export type { SigningKeyCache } from './signing-key-cache.ts';
export { createSigningKeyCache, signingKeyCacheFor } from './signing-key-cache.ts';
export { verifyAccessToken } from './verify-access-token.ts';
