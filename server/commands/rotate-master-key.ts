import type { TEnv } from '../env.ts';
import { createSecrets } from '../platform/crypto/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { withDatabaseAndKeyring } from './with-keyring.ts';

/**
 * Re-wraps every organization's data key with the current master key (MASTER_KEY), unwrapping with
 * MASTER_KEY_PREVIOUS. Data ciphertexts are untouched; running processes keep working throughout.
 */
export async function rotateMasterKey(env: TEnv, log: Logger): Promise<number> {
  if (!env.MASTER_KEY || !env.MASTER_KEY_PREVIOUS) {
    console.error(
      'rotate-master-key needs MASTER_KEY (the new key) and MASTER_KEY_PREVIOUS (the key in use until now).',
    );
    return 1;
  }
  return withDatabaseAndKeyring(env, log, async (db, keyring) => {
    const { rewrapped } = await createSecrets({ db, keyring }).rotateMasterKey();
    console.log(`Re-wrapped ${rewrapped} organization data key(s) with master key ${keyring.current.id}.`);
    return 0;
  });
}
