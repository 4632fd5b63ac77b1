import { LRUCache } from 'lru-cache';
import type { Database } from '../db/index.ts';
import { open, seal } from './aes-gcm.ts';
import { ensureDataKey, readDataKey } from './data-key.ts';
import { DecryptionError } from './errors.ts';
import type { Keyring } from './master-key.ts';
import { rotateMasterKey } from './rotate-master-key.ts';

/** Encrypts organizations' secrets at rest under their own data keys. */
export interface Secrets {
  /** Seals plaintext for the organization, creating its data key on first use. */
  encrypt(organizationId: string, plaintext: string): Promise<string>;
  /** Opens a value sealed for this organization; throws DecryptionError otherwise. */
  decrypt(organizationId: string, sealed: string): Promise<string>;
  /** Re-wraps data keys under the keyring's current master key. */
  rotateMasterKey(): Promise<{ rewrapped: number }>;
}

// Unwrapped data keys kept in memory: a hot path decrypts with no database round trip. Entries never go
// stale, since a data key never changes (rotation only re-wraps it).
const DATA_KEY_CACHE_SIZE = 10_000;

/** Envelope encryption: per-organization data keys, stored wrapped by the keyring's master key. */
export function createSecrets({ db, keyring }: { db: Database; keyring: Keyring }): Secrets {
  const cache = new LRUCache<string, Buffer>({ max: DATA_KEY_CACHE_SIZE });
  // One creation in flight per organization, so a burst of first writes costs one insert, not many.
  const creating = new Map<string, Promise<Buffer>>();

  async function dataKeyForWrite(organizationId: string): Promise<Buffer> {
    const cached = cache.get(organizationId);
    if (cached) return cached;
    let pending = creating.get(organizationId);
    if (!pending) {
      pending = ensureDataKey(db.orm, keyring, organizationId).finally(() => creating.delete(organizationId));
      creating.set(organizationId, pending);
    }
    const dataKey = await pending;
    cache.set(organizationId, dataKey);
    return dataKey;
  }

  // Reading never creates a key: a value for an organization without one cannot be genuine.
  async function dataKeyForRead(organizationId: string): Promise<Buffer> {
    const dataKey = cache.get(organizationId) ?? (await readDataKey(db.orm, keyring, organizationId));
    if (!dataKey) throw new DecryptionError(`organization ${organizationId} has no data key`);
    cache.set(organizationId, dataKey);
    return dataKey;
  }

  // The organization id is the AAD, so a value copied into another organization's record fails to open.
  const aad = (organizationId: string) => Buffer.from(organizationId);
  // PostgreSQL reads a uuid in any case; the AAD must not depend on how the caller spelled it.
  const canonical = (organizationId: string) => organizationId.toLowerCase();

  return {
    async encrypt(organizationId, plaintext) {
      const id = canonical(organizationId);
      const dataKey = await dataKeyForWrite(id);
      return seal(dataKey, Buffer.from(plaintext, 'utf8'), aad(id));
    },
    async decrypt(organizationId, sealed) {
      const id = canonical(organizationId);
      const dataKey = await dataKeyForRead(id);
      return open(dataKey, sealed, aad(id)).toString('utf8');
    },
    rotateMasterKey: () => rotateMasterKey({ db, keyring }),
  };
}
