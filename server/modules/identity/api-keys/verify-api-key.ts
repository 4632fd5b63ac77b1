import { and, eq } from 'drizzle-orm';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { apiKeys } from '../access-schema.ts';
import type { TApiKeyScope, TOrgRole } from '../permissions/index.ts';
import { organizationMembers } from '../schema.ts';
import { apiKeyCacheKey, hashApiKey, isWellFormedApiKey } from './api-key-secret.ts';
import { touchLastUsed } from './touch-last-used.ts';

/** How long a verified key's row stays cached; revocation deletes the entry at once, this only bounds staleness. */
export const API_KEY_CACHE_TTL_MS = 60_000;
/** How long a member's role stays cached for key checks; membership changes should call `forgetMemberRole`. */
export const MEMBER_ROLE_CACHE_TTL_MS = 30_000;

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

/** The cache entry holding a member's current role (null: not a member). */
export function memberRoleCacheKey(organizationId: string, userId: string): string {
  return `identity:member-role:${organizationId}:${userId}`;
}

/** Drops a member's cached role in every process: call after a role change or removal. */
export function forgetMemberRole({
  cache,
  organizationId,
  userId,
}: {
  cache: Cache;
  organizationId: string;
  userId: string;
}) {
  return cache.delete(memberRoleCacheKey(organizationId, userId));
}

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
  const orgRole = await cache.wrap<TOrgRole | null>(
    memberRoleCacheKey(organizationId, userId),
    MEMBER_ROLE_CACHE_TTL_MS,
    async () => {
      const [member] = await db.orm
        .select({ role: organizationMembers.role })
        .from(organizationMembers)
        .where(
          and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
        );
      return member?.role ?? null;
    },
  );
  if (!orgRole) throw refused();

  await touchLastUsed({ db, apiKeyId: record.id, now });
  return { apiKeyId: record.id, userId, organizationId, scopes: record.scopes, orgRole };
}
