import { createMiddleware } from 'hono/factory';
import { AppError } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../actor.ts';
import { ACTIONS, assertCan, scopesSatisfy, type TAction } from '../permissions/index.ts';

/**
 * Enforces a route's declared action before its handler runs. When the organization role alone decides (no
 * owner or project-role grant exists for the action), the decision is final here. When ownership or a project
 * role could still grant it, only the API key scope is checked here, and the operation decides with the
 * resource it loads (`assertCan(actor, action, resource)`): a project editor may edit that project's
 * workflows while the same viewer role elsewhere may not.
 */
export function requireAction(action: TAction) {
  const rule = ACTIONS[action];
  const resourceDecides = rule.owner || rule.project !== null;
  return createMiddleware<TIdentityEnv>(async function requireActionMiddleware(c, next) {
    const actor = c.get('actor');
    if (!resourceDecides) assertCan(actor, action);
    else if (actor.apiKeyScopes && !scopesSatisfy(actor.apiKeyScopes, rule.scope)) {
      throw new AppError('INSUFFICIENT_PERMISSIONS', `Not allowed to ${action}`, {
        details: [{ message: 'insufficient_scope', action }],
      });
    }
    await next();
  });
}
