/** Issuer and audience of every FlashFusion access token. */
export const TOKEN_ISSUER = 'flashfusion';
export const TOKEN_AUDIENCE = 'flashfusion';
/** The one JWS algorithm accepted: Ed25519 signatures. `none` and HS* are refused before any key lookup. */
export const SIGNING_ALGORITHM = 'EdDSA';
/** Access tokens are short-lived: a demotion or sign-out reaches them within this many seconds. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
export const REFRESH_TOKEN_PREFIX = 'ffr_';
/** How long a process trusts its in-memory copy of the signing keys before reading them again. */
export const KEY_CACHE_TTL_MS = 30_000;
/** Arbitrary constant naming the signing-key lock among PostgreSQL advisory locks (migrations use 7_245_001). */
export const SIGNING_KEY_LOCK = 7_245_101;
