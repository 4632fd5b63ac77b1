// The secrets piece of the platform: envelope encryption with per-organization data keys.

export type { Secrets } from './create-secrets.ts';
export { createSecrets } from './create-secrets.ts';
export { DecryptionError, MasterKeyNotFoundError } from './errors.ts';
export type { Keyring, MasterKey } from './master-key.ts';
export { createKeyring, loadKeyring, masterKeyId } from './master-key.ts';
export { organizationKeys } from './schema.ts';
