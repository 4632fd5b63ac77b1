import { eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { unwrapDataKey, wrapDataKey } from './data-key.ts';
import type { Keyring } from './master-key.ts';
import { organizationKeys } from './schema.ts';

/**
 * Re-wraps every data key not yet under the current master key. Only the small wrapped keys change:
 * data keys stay the same, so no secret's ciphertext is touched and everything keeps decrypting. All or
 * nothing: one key that cannot be unwrapped (its master key missing) leaves every row as it was.
 */
export async function rotateMasterKey({
  db,
  keyring,
}: {
  db: Database;
  keyring: Keyring;
}): Promise<{ rewrapped: number }> {
  const { current } = keyring;
  return db.orm.transaction(async (tx) => {
    // FOR UPDATE makes a concurrent rotation wait, then skip the rows this one has already moved.
    const rows = await tx
      .select()
      .from(organizationKeys)
      .where(ne(organizationKeys.masterKeyId, current.id))
      .for('update');
    for (const row of rows) {
      const dataKey = unwrapDataKey(keyring, row);
      await tx
        .update(organizationKeys)
        .set({
          wrappedKey: wrapDataKey(current, row.organizationId, dataKey),
          masterKeyId: current.id,
          rewrappedAt: sql`now()`,
        })
        .where(eq(organizationKeys.organizationId, row.organizationId));
    }
    return { rewrapped: rows.length };
  });
}
