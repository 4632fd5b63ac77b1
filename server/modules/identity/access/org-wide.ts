import type { Context } from 'hono';
import type { TIdentityEnv } from '../actor.ts';
import type { TResource } from '../permissions/index.ts';

/**
 * The caller's organization as the resource, for routes that act on the organization's collection as a whole
 * (lists, runs not yet checked against their workflow): ownership and project roles cannot grant there, so
 * the organization role decides.
 */
export function orgWide(c: Context<TIdentityEnv>): TResource {
  return { organizationId: c.get('actor').organizationId };
}
