import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { TAppEnv } from '../../../platform/http/index.ts';
import type { TIdentityEnv, TUserEnv } from '../actor.ts';
import { authenticateThenLimit, identifyThenLimit } from './authenticate-then-limit.ts';
import { guardedRouter } from './guarded-router.ts';
import { requireAction } from './require-action.ts';

/** Routers that authenticate and authorize every route from its own declaration; modules build on these. */
export interface TRouters {
  /** Routes for members of an organization: `x-permission` is an action or `member`. */
  member(): OpenAPIHono<TIdentityEnv>;
  /** Routes for any signed-in user, with or without an organization: `x-permission: 'authenticated'`. */
  user(): OpenAPIHono<TUserEnv>;
  /** Routes that take no credentials (they check a secret of their own or need none): `'public'`. */
  public(): OpenAPIHono<TAppEnv>;
  /** Routes for the instance's operators: `x-permission: 'instance_admin'`. */
  admin(): OpenAPIHono<TUserEnv>;
}

export function createRouters(guards: {
  asMember: MiddlewareHandler;
  asUser: MiddlewareHandler;
  /** The rate limit per session, API key, user or IP; after authentication so the caller is known. */
  rateLimit: MiddlewareHandler;
  /** Refuses a user who is not an instance admin; after authentication. */
  instanceAdmin: MiddlewareHandler;
}): TRouters {
  const { rateLimit, instanceAdmin } = guards;
  // Authentication and the limit as one step: a refused authentication still gets the rate-limit headers.
  const asMember = authenticateThenLimit(guards.asMember, rateLimit);
  const asUser = authenticateThenLimit(guards.asUser, rateLimit);
  // Public routes take no credentials, but a signed-in caller counts against their own session, not the
  // anonymous allowance of their address.
  const anyone = identifyThenLimit(guards.asUser, rateLimit);
  const actionGuards = new Map<string, MiddlewareHandler[]>();
  return {
    member: () =>
      guardedRouter<TIdentityEnv>('member', (access) => {
        if (access === 'member') return [asMember];
        if (access === 'authenticated' || access === 'public' || access === 'instance_admin') return null;
        const chain = actionGuards.get(access) ?? [asMember, requireAction(access)];
        actionGuards.set(access, chain);
        return chain;
      }),
    user: () => guardedRouter<TUserEnv>('user', (a) => (a === 'authenticated' ? [asUser] : null)),
    public: () => guardedRouter<TAppEnv>('public', (a) => (a === 'public' ? [anyone] : null)),
    admin: () =>
      guardedRouter<TUserEnv>('admin', (a) => (a === 'instance_admin' ? [asUser, instanceAdmin] : null)),
  };
}
