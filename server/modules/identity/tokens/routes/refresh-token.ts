import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ZErrorEnvelopeSchema } from '../../../../../contracts/errors.ts';
import type { Keyring } from '../../../../platform/crypto/index.ts';
import type { Database } from '../../../../platform/db/index.ts';
import type { TAppEnv } from '../../../../platform/http/index.ts';
import { json, jsonBody, jsonResponse } from '../../../../platform/http/index.ts';
import type { TRouters } from '../../access/create-routers.ts';
import { refreshTokens, type TResolveMembership } from '../refresh-tokens.ts';

export const ZRefreshTokenRequestSchema = z.object({ refreshToken: z.string().min(1).max(200) }).strict();
export const ZTokenPairSchema = z
  .object({
    accessToken: z.string().openapi({ description: 'JWT (EdDSA) for `Authorization: Bearer`' }),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the access token expires' }),
    refreshToken: z
      .string()
      .openapi({ description: 'The next refresh token (`ffr_…`); the one sent is spent' }),
  })
  .openapi('TokenPair');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ZErrorEnvelopeSchema } },
});

const route = createRoute({
  method: 'post',
  path: '/tokens/refresh',
  tags: ['auth'],
  summary: 'Exchange a refresh token for a new access token and refresh token',
  'x-permission': 'public',
  description:
    'Public: the refresh token is the credential. Each refresh token works once; presenting a spent one ' +
    'revokes every token of that sign-in. The access token carries the role the user holds now.',
  request: {
    body: jsonBody(ZRefreshTokenRequestSchema),
  },
  responses: {
    200: jsonResponse(ZTokenPairSchema, 'A new token pair'),
    400: errorResponse('Invalid body'),
    401: errorResponse('Refresh token unknown, expired, revoked, reused, or the user left the organization'),
  },
});

/** POST /tokens/refresh, mounted under /api/v1; no actor needed. */
export function refreshTokenRoute(deps: {
  db: Database;
  keyring: Keyring;
  resolveMembership: TResolveMembership;
  routers: TRouters;
}): OpenAPIHono<TAppEnv> {
  return deps.routers.public().openapi(route, async (c) => {
    const { refreshToken } = c.req.valid('json');
    const { db, keyring, resolveMembership } = deps;
    return c.json(await refreshTokens({ db, keyring, resolveMembership, refreshToken }), 200);
  });
}
