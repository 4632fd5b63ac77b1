import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { TAppEnv } from '../../../platform/http/index.ts';
import type { TIdentityEnv, TUserEnv } from '../actor.ts';
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
}

export function createRouters(guards: {
  asMember: MiddlewareHandler;
  asUser: MiddlewareHandler;
  /** The hourly budget per API key, user or IP; after authentication so the key or user is known. */
  rateLimit: MiddlewareHandler;
}): TRouters {
  const { asMember, asUser, rateLimit } = guards;
  const actionGuards = new Map<string, MiddlewareHandler[]>();
  return {
    member: () =>
      guardedRouter<TIdentityEnv>('member', (access) => {
        if (access === 'member') return [asMember, rateLimit];
        if (access === 'authenticated' || access === 'public') return null;
        const chain = actionGuards.get(access) ?? [asMember, rateLimit, requireAction(access)];
        actionGuards.set(access, chain);
        return chain;
      }),
    user: () => guardedRouter<TUserEnv>('user', (a) => (a === 'authenticated' ? [asUser, rateLimit] : null)),
    public: () => guardedRouter<TAppEnv>('public', (a) => (a === 'public' ? [rateLimit] : null)),
  };
}
