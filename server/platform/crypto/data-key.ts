import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TExecutor } from '../db/index.ts';
import { open, seal } from './aes-gcm.ts';
import { DecryptionError, MasterKeyNotFoundError } from './errors.ts';
import type { Keyring, MasterKey } from './master-key.ts';
import { organizationKeys } from './schema.ts';

const DATA_KEY_BYTES = 32;

// The wrap is bound to its organization, so a wrapped key copied onto another organization's row is refused.
const wrapAad = (organizationId: string) => Buffer.from(`organization-key:${organizationId}`);

/** Wraps an organization's data key under a master key. */
export function wrapDataKey(masterKey: MasterKey, organizationId: string, dataKey: Buffer): string {
  return seal(masterKey.key, dataKey, wrapAad(organizationId));
}

/** Unwraps a stored data key with the master key its row names. */
export function unwrapDataKey(
  keyring: Keyring,
  row: { organizationId: string; wrappedKey: string; masterKeyId: string },
): Buffer {
  const masterKey = keyring.byId(row.masterKeyId);
  if (!masterKey) throw new MasterKeyNotFoundError(row.masterKeyId);
  try {
    return open(masterKey.key, row.wrappedKey, wrapAad(row.organizationId));
  } catch (cause) {
    throw new DecryptionError(`data key of organization ${row.organizationId} could not be unwrapped`, {
      cause,
    });
  }
}

/** The organization's data key, or undefined when it has none yet. */
export async function readDataKey(
  on: TExecutor,
  keyring: Keyring,
  organizationId: string,
): Promise<Buffer | undefined> {
  const [row] = await on
    .select()
    .from(organizationKeys)
    .where(eq(organizationKeys.organizationId, organizationId));
  return row ? unwrapDataKey(keyring, row) : undefined;
}

/**
 * The organization's data key, created on first use. Processes racing to create it each insert a
 * candidate; the primary key lets exactly one land and everybody then reads back that one.
 */
export async function ensureDataKey(
  on: TExecutor,
  keyring: Keyring,
  organizationId: string,
): Promise<Buffer> {
  const existing = await readDataKey(on, keyring, organizationId);
  if (existing) return existing;
  const candidate = randomBytes(DATA_KEY_BYTES);
  await on
    .insert(organizationKeys)
    .values({
      organizationId,
      wrappedKey: wrapDataKey(keyring.current, organizationId, candidate),
      masterKeyId: keyring.current.id,
    })
    .onConflictDoNothing({ target: organizationKeys.organizationId });
  const stored = await readDataKey(on, keyring, organizationId);
  if (!stored) throw new Error(`data key of organization ${organizationId} vanished while being created`);
  return stored;
}
