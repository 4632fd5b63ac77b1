import { createHash, randomBytes } from 'node:crypto';

/** Seven days (SPEC §3). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The stored form of an invitation token: its SHA-256, hex. The token itself lives only in the mail. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url, and the hash to store. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}
