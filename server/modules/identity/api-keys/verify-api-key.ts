import { eq } from 'drizzle-orm';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { apiKeys } from '../access-schema.ts';
import { currentMemberRole } from '../authenticate/current-member-role.ts';
import type { TApiKeyScope, TOrgRole } from '../permissions/index.ts';
import { apiKeyCacheKey, hashApiKey, isWellFormedApiKey } from './api-key-secret.ts';

export {
  forgetMemberRole,
  MEMBER_ROLE_CACHE_TTL_MS,
  memberRoleCacheKey,
} from '../authenticate/current-member-role.ts';

import { touchLastUsed } from './touch-last-used.ts';

/** How long a verified key's row stays cached; revocation deletes the entry at once, this only bounds staleness. */
export const API_KEY_CACHE_TTL_MS = 60_000;

export type TVerifiedApiKey = {
  apiKeyId: string;
  userId: string;
  organizationId: string;
  scopes: TApiKeyScope[];
  /** The creator's organization role now (not when the key was made): the key can do no more than this. */
  orgRole: TOrgRole;
};

type TCachedKey = {
  id: string;
  userId: string;
  organizationId: string;
  scopes: TApiKeyScope[];
  expiresAt: string | null;
  revokedAt: string | null;
} | null;

// One answer for unknown, malformed, revoked, expired keys and departed creators: no oracle for guessers.
const refused = () => new AppError('AUTHENTICATION_FAILED', 'Invalid or expired API key');

/**
 * Checks a presented key and says who it acts for. Both lookups (the key by its hash, the creator's role) go
 * through the cache, so a steady stream of requests does not reach the database; unknown hashes are cached
 * too (as null), which also keeps floods of made-up keys off the database.
 */
export async function verifyApiKey({
  db,
  cache,
  key,
  now = new Date(),
}: {
  db: Database;
  cache: Cache;
  key: string;
  now?: Date;
}): Promise<TVerifiedApiKey> {
  if (typeof key !== 'string' || !isWellFormedApiKey(key)) throw refused();
  const keyHash = hashApiKey(key);
  const record = await cache.wrap<TCachedKey>(apiKeyCacheKey(keyHash), API_KEY_CACHE_TTL_MS, async () => {
    // Owner path: the key, found by its hash, is what discovers the tenant.
    const [row] = await db.orm.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
    if (!row) return null;
    return {
      id: row.id,
      userId: row.userId,
      organizationId: row.organizationId,
      scopes: row.scopes,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    };
  });
  // Expiry is checked on every call, so a cached key still stops on the dot.
  if (!record || record.revokedAt !== null) throw refused();
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime()) throw refused();

  const { organizationId, userId } = record;
  const orgRole = await currentMemberRole({ db, cache, organizationId, userId });
  if (!orgRole) throw refused();

  await touchLastUsed({ db, apiKeyId: record.id, now });
  return { apiKeyId: record.id, userId, organizationId, scopes: record.scopes, orgRole };
}
