import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../../platform/http/index.ts';
import type { TActorContext, TUser } from '../actor.ts';

/** Turns a bearer token (API key or JWT) into a user and actor, or null when it is not one this resolver reads. */
export type TBearerResolver = (token: string) => Promise<{ user: TUser; actor: TActorContext } | null>;
export type TSessionResolver = (headers: Headers) => Promise<{ user: TUser; actor?: TActorContext } | null>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookies ride along on cross-site requests; bearer tokens do not. So a write authenticated by the session
 * cookie must come from a trusted origin (CSRF protection), while bearer requests need no such check.
 */
function assertTrustedOrigin(c: Context, trustedOrigins: Set<string>): void {
  if (!WRITES.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin && trustedOrigins.has(origin)) return;
  throw new AppError('INSUFFICIENT_PERMISSIONS', 'Cross-site request refused: missing or untrusted Origin', {
    details: [
      { field: 'header.origin', message: origin ? `untrusted origin ${origin}` : 'no Origin header' },
    ],
  });
}

/**
 * Authenticates by `Authorization: Bearer <API key | JWT>` or the web session cookie and sets `user` (and
 * `actor` when the user acts in an organization). With requireOrganization, a user without one is refused.
 */
export function authenticate(opts: {
  resolveSession: TSessionResolver;
  resolveBearer: TBearerResolver[];
  trustedOrigins: string[];
  requireOrganization: boolean;
}): MiddlewareHandler {
  const trusted = new Set(opts.trustedOrigins.map((o) => new URL(o).origin));
  return async function authenticateMiddleware(c, next) {
    const header = c.req.header('authorization');
    let found: { user: TUser; actor?: TActorContext } | null = null;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S{1,4096})$/i.exec(header);
      if (!match?.[1]) throw new AppError('AUTHENTICATION_FAILED', 'Authorization must be "Bearer <token>"');
      for (const resolve of opts.resolveBearer) {
        found = await resolve(match[1]);
        if (found) break;
      }
      if (!found) throw new AppError('AUTHENTICATION_FAILED', 'Invalid or expired token');
    } else {
      found = await opts.resolveSession(c.req.raw.headers);
      if (!found) throw new AppError('AUTHENTICATION_FAILED', 'Sign in, or send an API key or access token');
      assertTrustedOrigin(c, trusted);
    }
    // Known before the organization check, so even that refusal counts against the user's own limit.
    c.set('user', found.user);
    if (opts.requireOrganization && !found.actor) {
      throw new AppError(
        'INSUFFICIENT_PERMISSIONS',
        'You are not a member of any organization: create or join one',
      );
    }
    if (found.actor) c.set('actor', found.actor);
    await next();
  };
}
