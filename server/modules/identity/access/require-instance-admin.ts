import { createMiddleware } from 'hono/factory';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { TUserEnv } from '../actor.ts';
import { isInstanceAdmin } from '../admin/instance-admins.ts';

/**
 * Lets only instance admins (the instance's operators) through, checked against the database on every
 * request so a revoke applies at once. An API key or token acts for its user but must carry the `admin`
 * scope: a read-only key of an admin cannot change plans.
 */
export function requireInstanceAdmin(db: Database) {
  return createMiddleware<TUserEnv>(async function requireInstanceAdminMiddleware(c, next) {
    const user = c.get('user');
    const scopes = c.get('actor')?.apiKeyScopes;
    const scoped = scopes === undefined || scopes.includes('admin');
    if (!scoped || !(await isInstanceAdmin(db, user.id))) {
      throw new AppError('INSUFFICIENT_PERMISSIONS', 'Only an instance admin (the operator) may do this', {
        details: [{ message: 'instance_admin required' }],
      });
    }
    await next();
  });
}
