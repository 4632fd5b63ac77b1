import { desc, inArray } from 'drizzle-orm';
import type { CryptoKey } from 'jose';
import type { Keyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { signingKeys } from '../access-schema.ts';
import { KEY_CACHE_TTL_MS } from './constants.ts';
import { ensureSigningKey } from './ensure-signing-key.ts';
import { importPublicKey, isWellFormedKid, openPrivateKey } from './signing-key-row.ts';

type TCachedKey = { kid: string; status: string; publicKey: CryptoKey; sealed: string };
type TSnapshot = { loadedAt: number; byKid: Map<string, TCachedKey>; active?: TCachedKey };

/** This process's copy of the signing keys, read from the database at most every `ttlMs` or on an unknown kid. */
export interface SigningKeyCache {
  /** The public key for kid, or undefined when no active or retiring key has it (after one fresh read). */
  verificationKey(kid: string): Promise<CryptoKey | undefined>;
  /** The active key for signing, created when the database has none. */
  signingKey(keyring: Keyring): Promise<{ kid: string; privateKey: CryptoKey }>;
  /** Forgets everything; the next call reads the database. */
  invalidate(): void;
}

export function createSigningKeyCache({
  db,
  ttlMs = KEY_CACHE_TTL_MS,
  now = Date.now,
}: {
  db: Database;
  ttlMs?: number;
  now?: () => number;
}): SigningKeyCache {
  let snapshot: TSnapshot | undefined;
  let loading: Promise<TSnapshot> | undefined;
  const privateKeys = new Map<string, Promise<CryptoKey>>();

  // Single flight: concurrent misses share one query.
  const reload = (): Promise<TSnapshot> => {
    loading ??= load(db, now).then(
      (s) => {
        snapshot = s;
        loading = undefined;
        return s;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const current = async () => (snapshot && now() - snapshot.loadedAt < ttlMs ? snapshot : reload());

  return {
    async verificationKey(kid) {
      if (!isWellFormedKid(kid)) return undefined;
      // A kid we have not seen may come from a key another process just made: read once more.
      const key = (await current()).byKid.get(kid) ?? (await reload()).byKid.get(kid);
      return key?.publicKey;
    },
    async signingKey(keyring) {
      let active = (await current()).active;
      if (!active) {
        await ensureSigningKey({ db, keyring });
        active = (await reload()).active;
      }
      if (!active) throw new Error('no active signing key after ensureSigningKey');
      const { kid, sealed } = active;
      let privateKey = privateKeys.get(kid);
      if (!privateKey) {
        privateKey = openPrivateKey(keyring, kid, sealed);
        privateKey.catch(() => privateKeys.delete(kid));
        privateKeys.set(kid, privateKey);
      }
      return { kid, privateKey: await privateKey };
    },
    invalidate() {
      snapshot = undefined;
    },
  };
}

async function load(db: Database, now: () => number): Promise<TSnapshot> {
  // Owner path: signing keys belong to the instance, not to a tenant.
  const rows = await db.orm
    .select()
    .from(signingKeys)
    .where(inArray(signingKeys.status, ['active', 'retiring']))
    .orderBy(desc(signingKeys.createdAt));
  const byKid = new Map<string, TCachedKey>();
  let active: TCachedKey | undefined;
  for (const row of rows) {
    const key = {
      kid: row.id,
      status: row.status,
      publicKey: await importPublicKey(row.publicJwk),
      sealed: row.privateKeySealed,
    };
    byKid.set(row.id, key);
    // Rows come newest first: should two ever be active, the newest signs.
    if (row.status === 'active' && !active) active = key;
  }
  return { loadedAt: now(), byKid, active };
}

const perDatabase = new WeakMap<Database, SigningKeyCache>();

/** The shared cache of this process for db (operations use it unless handed another). */
export function signingKeyCacheFor(db: Database): SigningKeyCache {
  let cache = perDatabase.get(db);
  if (!cache) {
    cache = createSigningKeyCache({ db });
    perDatabase.set(db, cache);
  }
  return cache;
}
