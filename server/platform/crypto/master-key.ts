import { createHash } from 'node:crypto';
import type { Logger } from '../logger/index.ts';
import { readOrCreateMasterKeyFile } from './master-key-file.ts';

/** A master key and the id stored beside everything it wraps. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The master key new data keys are wrapped with, plus older ones still able to unwrap. */
export interface Keyring {
  readonly current: MasterKey;
  readonly previous: readonly MasterKey[];
  byId(id: string): MasterKey | undefined;
}

/** Id of a master key: first 16 hex characters of its SHA-256, safe to store and log. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function toMasterKey(key: Buffer): MasterKey {
  const masterKey = { id: masterKeyId(key) } as { id: string; key: Buffer };
  // Not enumerable, so a keyring that reaches a log line or an inspect() shows ids, never key bytes.
  Object.defineProperty(masterKey, 'key', { value: key, enumerable: false });
  return masterKey;
}

function decodeKey(name: string, base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes encoded as base64`);
  return key;
}

/** Builds a keyring from raw keys; the first is current. */
export function createKeyring(current: Buffer, previous: readonly Buffer[] = []): Keyring {
  const currentKey = toMasterKey(current);
  const previousKeys = previous.map(toMasterKey).filter((k) => k.id !== currentKey.id);
  const byId = new Map([currentKey, ...previousKeys].map((k) => [k.id, k]));
  return { current: currentKey, previous: previousKeys, byId: (id) => byId.get(id) };
}

/**
 * The keyring from MASTER_KEY (or DATA_DIR/master.key when unset) and MASTER_KEY_PREVIOUS, the key being
 * rotated away from: keeping it lets every process read old wraps until `rotateMasterKey` has run.
 */
export function loadKeyring(opts: {
  masterKey?: string;
  previousMasterKey?: string;
  dataDir: string;
  log: Logger;
}): Keyring {
  const current = opts.masterKey
    ? decodeKey('MASTER_KEY', opts.masterKey)
    : readOrCreateMasterKeyFile(opts.dataDir, opts.log);
  const previous = opts.previousMasterKey ? [decodeKey('MASTER_KEY_PREVIOUS', opts.previousMasterKey)] : [];
  const keyring = createKeyring(current, previous);
  opts.log.info(
    { masterKeyId: keyring.current.id, previousMasterKeyIds: keyring.previous.map((k) => k.id) },
    'master keys loaded',
  );
  return keyring;
}
