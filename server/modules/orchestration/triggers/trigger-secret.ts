import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new webhook secret: shown once, stored only as its SHA-256. */
export function newWebhookSecret(): { secret: string; hash: string } {
  const secret = `whs_${randomBytes(24).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of a presented secret with the stored hash (equal-length digests). */
export function secretMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
