import type { TEnv } from '../env.ts';
import { setInstanceAdmin } from '../modules/identity/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { withDatabase } from './with-database.ts';

/**
 * `flashfusion admin grant|revoke <email>`: makes an account an instance admin (the operator: changes plans
 * through the admin API, reads instance internals) or takes that away. The last admin cannot be revoked.
 */
export function adminCommand(
  env: TEnv,
  log: Logger,
  action: 'grant' | 'revoke',
  email: string,
): Promise<number> {
  return withDatabase(env, log, async (db) => {
    const admin = action === 'grant';
    const result = await setInstanceAdmin({ db, email, admin });
    const state = admin ? 'is an instance admin' : 'is no longer an instance admin';
    console.log(`${result.email} ${result.changed ? state : `already ${state.replace('is ', '')}`}.`);
    return 0;
  });
}
