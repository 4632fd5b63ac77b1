import { desc, eq } from 'drizzle-orm';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { signingKeys } from '../access-schema.ts';
import { insertSigningKey, lockSigningKeys } from './signing-key-row.ts';

/**
 * Returns the kid of the active signing key, creating the first one when there is none. Processes starting
 * together take turns on an advisory lock, so exactly one key is created.
 */
export async function ensureSigningKey({ db, keyring }: { db: Database; keyring: Keyring }): Promise<string> {
  // Owner path: signing keys belong to the instance, not to a tenant.
  return db.orm.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const [active] = await tx
      .select({ id: signingKeys.id })
      .from(signingKeys)
      .where(eq(signingKeys.status, 'active'))
      .orderBy(desc(signingKeys.createdAt))
      .limit(1);
    return active ? active.id : insertSigningKey(tx, keyring);
  });
}
