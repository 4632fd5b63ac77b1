import { Hono, type MiddlewareHandler } from 'hono';
import { authenticateThenLimit, identifyThenLimit } from '../access/authenticate-then-limit.ts';
import { isPublicAuthEndpoint } from './auth-access.ts';
import { authErrorFrom } from './auth-error.ts';
import { AUTH_BASE_PATH, type TAuth } from './create-auth.ts';
import { stripSessionToken } from './strip-session-token.ts';

/**
 * better-auth's endpoints (sign-up/email, sign-in/email, sign-out, get-session, verify-email,
 * request-password-reset, reset-password, …) under `/auth/*`. Mount it inside the `/api/v1` router
 * (`api.route('/', authRoutes(auth))`): better-auth matches the full URL against its basePath `/api/v1/auth`,
 * so the handler gets the untouched request. Endpoints that are not public (auth-access.ts) first need a
 * signed-in user (`asUser`). Every one is rate-limited like the rest of the API (`rateLimit`): a signed-in
 * caller against their session, others by address.
 */
export function authRoutes(auth: TAuth, asUser: MiddlewareHandler, rateLimit: MiddlewareHandler): Hono {
  const router = new Hono();
  const signedIn = authenticateThenLimit(asUser, rateLimit);
  const anyone = identifyThenLimit(asUser, rateLimit);
  router.on(['GET', 'POST'], '/auth/*', async function requireUserUnlessPublic(c, next) {
    const path = new URL(c.req.url).pathname.slice(AUTH_BASE_PATH.length);
    if (isPublicAuthEndpoint(c.req.method, path)) return anyone(c, next);
    return signedIn(c, next);
  });
  router.on(['GET', 'POST'], '/auth/*', async (c) => {
    const res = await auth.handler(c.req.raw);
    if (res.status < 400) return stripSessionToken(res);
    throw await authErrorFrom(res);
  });
  return router;
}

export type TAuthSession = NonNullable<Awaited<ReturnType<TAuth['api']['getSession']>>>;

/** The signed-in user and session named by the request's session cookie, or null (missing, forged, expired). */
export async function getSession(auth: TAuth, headers: Headers): Promise<TAuthSession | null> {
  return auth.api.getSession({ headers });
}
