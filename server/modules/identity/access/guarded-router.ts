import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import { createRouter } from '../../../platform/http/index.ts';
import { isRouteAccess, type TRouteAccess } from './route-access.ts';

const asArray = (m: RouteConfig['middleware']): MiddlewareHandler[] =>
  m === undefined ? [] : Array.isArray(m) ? (m as MiddlewareHandler[]) : [m as MiddlewareHandler];

/**
 * An OpenAPI router whose every route is guarded by what it declares in `x-permission`: `guardsFor` gives the
 * middleware that enforce it (authentication, rate limit, the action), run before validation and the
 * handler. A route whose declaration this kind of router does not take fails at registration, so a mistake
 * stops the server at start instead of leaving a route open.
 */
export function guardedRouter<E extends Env>(
  kind: string,
  guardsFor: (access: TRouteAccess) => MiddlewareHandler[] | null,
): OpenAPIHono<E> {
  const router = createRouter<E>();
  const register = router.openapi;
  router.openapi = ((route: RouteConfig, handler: never, hook?: never) => {
    const access: unknown = (route as { 'x-permission'?: unknown })['x-permission'];
    const guards = isRouteAccess(access) ? guardsFor(access) : null;
    if (!guards) {
      throw new Error(
        `${route.method.toUpperCase()} ${route.path}: a ${kind} router does not take x-permission ${JSON.stringify(access)}`,
      );
    }
    return register(
      { ...route, middleware: [...guards, ...asArray(route.middleware)] } as never,
      handler,
      hook,
    );
  }) as typeof register;
  return router;
}
