import { and, eq, lt, sql } from 'drizzle-orm';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { signingKeys } from '../access-schema.ts';
import { ACCESS_TOKEN_TTL_SECONDS, KEY_CACHE_TTL_MS } from './constants.ts';
import { signingKeyCacheFor } from './signing-key-cache.ts';
import { insertSigningKey, lockSigningKeys } from './signing-key-row.ts';

/**
 * Makes a new key the active one; the previous active key becomes `retiring`: it signs nothing more but still
 * verifies the tokens it signed, so nobody is logged out. Returns the new kid.
 */
export async function rotateSigningKey({ db, keyring }: { db: Database; keyring: Keyring }): Promise<string> {
  // Owner path: signing keys belong to the instance, not to a tenant.
  const kid = await db.orm.transaction(async (tx) => {
    await lockSigningKeys(tx);
    await tx.update(signingKeys).set({ status: 'retiring' }).where(eq(signingKeys.status, 'active'));
    return insertSigningKey(tx, keyring);
  });
  signingKeyCacheFor(db).invalidate();
  return kid;
}

/**
 * Marks `retiring` keys `retired` (they verify nothing more) once no token they signed can still be valid:
 * the active key must be older than the access-token TTL plus a grace covering other processes' key caches,
 * which may have signed with the old key for that long after the rotation. Returns the kids retired.
 */
export async function retireSigningKeys({
  db,
  accessTokenTtlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  graceMs = 2 * KEY_CACHE_TTL_MS,
  now = new Date(),
}: {
  db: Database;
  accessTokenTtlSeconds?: number;
  graceMs?: number;
  now?: Date;
}): Promise<string[]> {
  const cutoff = new Date(now.getTime() - accessTokenTtlSeconds * 1000 - graceMs);
  const retired = await db.orm.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const activeSince = tx
      .select({ id: signingKeys.id })
      .from(signingKeys)
      .where(and(eq(signingKeys.status, 'active'), lt(signingKeys.createdAt, cutoff)));
    return tx
      .update(signingKeys)
      .set({ status: 'retired', retiredAt: now })
      .where(and(eq(signingKeys.status, 'retiring'), sql`exists (${activeSince})`))
      .returning({ id: signingKeys.id });
  });
  if (retired.length > 0) signingKeyCacheFor(db).invalidate();
  return retired.map((r) => r.id);
}
