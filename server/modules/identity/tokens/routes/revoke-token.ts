import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../../../platform/db/index.ts';
import type { TAppEnv } from '../../../../platform/http/index.ts';
import { errorResponses, jsonBody } from '../../../../platform/http/index.ts';
import type { TRouters } from '../../access/create-routers.ts';
import { revokeRefreshToken } from '../revoke-refresh-token.ts';
import { ZRefreshTokenRequestSchema } from './refresh-token.ts';

const route = createRoute({
  method: 'post',
  path: '/tokens/revoke',
  tags: ['auth'],
  summary: 'Revoke a refresh token and every token of its sign-in',
  'x-permission': 'public',
  description:
    'Public: the refresh token is the credential. Every refresh token of the same sign-in (family) stops ' +
    'working at once; access tokens already issued live out their short TTL. An unknown or already revoked ' +
    'token is answered the same way (RFC 7009).',
  request: { body: jsonBody(ZRefreshTokenRequestSchema) },
  responses: { 204: { description: 'Revoked (or nothing to revoke)' }, ...errorResponses([400]) },
});

/** POST /tokens/revoke, mounted under /api/v1; no actor needed. */
export function revokeTokenRoute(deps: { db: Database; routers: TRouters }): OpenAPIHono<TAppEnv> {
  return deps.routers.public().openapi(route, async (c) => {
    await revokeRefreshToken({ db: deps.db, refreshToken: c.req.valid('json').refreshToken });
    return c.body(null, 204);
  });
}
