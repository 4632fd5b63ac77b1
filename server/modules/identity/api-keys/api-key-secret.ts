import { createHash, randomBytes } from 'node:crypto';

/** Every FlashFusion API key starts with this, so it is recognisable in configs and by secret scanners. */
export const API_KEY_PREFIX = 'ff_';
/** Characters of the key kept in clear for lists (`ff_` + 7), enough to tell keys apart, useless to guess. */
export const DISPLAY_PREFIX_LENGTH = 10;
/** `ff_` + 32 random bytes in base64url (43 characters, no padding). */
const KEY_PATTERN = /^ff_[A-Za-z0-9_-]{43}$/;
const KEY_LENGTH = API_KEY_PREFIX.length + 43;

/** A new plaintext key: 256 bits from the OS CSPRNG. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Whether a presented string can be a key at all; checked before any lookup, length first (cheap). */
export function isWellFormedApiKey(key: string): boolean {
  return key.length === KEY_LENGTH && KEY_PATTERN.test(key);
}

/**
 * The stored form of a key. A fast SHA-256 is right here, unlike for passwords: the key holds 256 random
 * bits, so there is no dictionary to try and brute force is hopeless however fast each guess is; a slow
 * (memory-hard) hash would only make every authenticated request slow. It also makes the hash usable as a
 * unique lookup index.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}

/** The verification cache entry of a key, by hash: revocation deletes exactly this. */
export function apiKeyCacheKey(keyHash: string): string {
  return `identity:api-key:${keyHash}`;
}
