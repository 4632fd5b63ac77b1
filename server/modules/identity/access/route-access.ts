import { isAction, type TAction } from '../permissions/index.ts';

/**
 * What a route needs, declared once in its OpenAPI definition as `x-permission` (the document shows it, and the
 * guarded router enforces it from the same value):
 * - an action of the permissions catalogue: a member of an organization whose role (or, for actions that
 *   ownership or a project role can grant, possibly the resource) allows it;
 * - `member`: any member of an organization, no action applies (e.g. issuing a token for oneself);
 * - `authenticated`: any signed-in user, with or without an organization (onboarding);
 * - `public`: no credentials (the route authenticates otherwise, e.g. a webhook secret, or needs none);
 * - `instance_admin`: a signed-in instance admin, the instance's operator (plans, instance internals).
 */
export type TRouteAccess = TAction | 'member' | 'authenticated' | 'public' | 'instance_admin';

/** The accesses each kind of guarded router takes. */
export type TMemberAccess = TAction | 'member';

/** Narrows an untrusted `x-permission` value (a route definition read at registration). */
export function isRouteAccess(value: unknown): value is TRouteAccess {
  return (
    value === 'member' ||
    value === 'authenticated' ||
    value === 'public' ||
    value === 'instance_admin' ||
    (typeof value === 'string' && isAction(value))
  );
}
