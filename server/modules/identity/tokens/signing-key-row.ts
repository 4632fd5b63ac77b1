import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { open, seal } from '../../../platform/crypto/aes-gcm.ts';
import type { Keyring } from '../../../platform/crypto/index.ts';
import { MasterKeyNotFoundError } from '../../../platform/crypto/index.ts';
import type { TExecutor } from '../../../platform/db/index.ts';
import { signingKeys } from '../access-schema.ts';
import { SIGNING_ALGORITHM, SIGNING_KEY_LOCK } from './constants.ts';

const KID = /^[A-Za-z0-9_-]{16,64}$/;

/** True for strings shaped like the kids this module makes; anything else is refused without a query. */
export const isWellFormedKid = (kid: unknown): kid is string => typeof kid === 'string' && KID.test(kid);

const aadFor = (kid: string) => Buffer.from(`signing-key:${kid}`);

/** Serialises signing-key changes across processes for the rest of the transaction. */
export async function lockSigningKeys(tx: TExecutor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SIGNING_KEY_LOCK})`);
}

/**
 * Generates an Ed25519 key pair and stores it as `status`. The private JWK is sealed under the current
 * master key, prefixed with that key's id (`<masterKeyId>:<sealed>`) so it opens after a master-key rotation.
 */
export async function insertSigningKey(
  tx: TExecutor,
  keyring: Keyring,
  status: 'active' | 'retiring' = 'active',
): Promise<string> {
  const kid = randomBytes(16).toString('base64url');
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  const privateJwk = await exportJWK(privateKey);
  const sealed = seal(keyring.current.key, Buffer.from(JSON.stringify(privateJwk)), aadFor(kid));
  await tx.insert(signingKeys).values({
    id: kid,
    algorithm: SIGNING_ALGORITHM,
    publicJwk,
    privateKeySealed: `${keyring.current.id}:${sealed}`,
    status,
  });
  return kid;
}

/** Opens a sealed private key with the master key named in its prefix; the result cannot be exported. */
export async function openPrivateKey(keyring: Keyring, kid: string, stored: string): Promise<CryptoKey> {
  const separator = stored.indexOf(':');
  const masterKeyId = stored.slice(0, separator);
  const masterKey = keyring.byId(masterKeyId);
  if (separator < 0 || !masterKey) throw new MasterKeyNotFoundError(masterKeyId);
  const jwk = JSON.parse(open(masterKey.key, stored.slice(separator + 1), aadFor(kid)).toString()) as JWK;
  return (await importJWK(jwk, SIGNING_ALGORITHM, { extractable: false })) as CryptoKey;
}

/** Imports a stored public JWK for verification. */
export async function importPublicKey(jwk: Record<string, unknown>): Promise<CryptoKey> {
  return (await importJWK(jwk as JWK, SIGNING_ALGORITHM)) as CryptoKey;
}
