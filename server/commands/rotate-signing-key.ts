import type { TEnv } from '../env.ts';
import { ensureSigningKey, rotateSigningKey } from '../modules/identity/tokens/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { withDatabaseAndKeyring } from './with-keyring.ts';

/**
 * Makes a new access-token signing key the active one. The previous key keeps verifying the tokens it signed
 * until the hourly retirement job (identity.retire-signing-keys) retires it, so nobody is signed out.
 * Running servers pick the new key up within their key-cache TTL.
 */
export function rotateSigningKeyCommand(env: TEnv, log: Logger): Promise<number> {
  // The new private key is sealed with the current master key, the one the server opens it with.
  return withDatabaseAndKeyring(env, log, async (db, keyring) => {
    const previous = await ensureSigningKey({ db, keyring });
    const kid = await rotateSigningKey({ db, keyring });
    console.log(
      `Signing key ${kid} is now active; ${previous} is retiring and still verifies its tokens until retired.`,
    );
    return 0;
  });
}
