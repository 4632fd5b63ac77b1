import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ZErrorEnvelopeSchema } from '../../../../../contracts/errors.ts';
import type { Keyring } from '../../../../platform/crypto/index.ts';
import type { Database } from '../../../../platform/db/index.ts';
import { AppError, json, jsonResponse } from '../../../../platform/http/index.ts';
import type { TRouters } from '../../access/create-routers.ts';
import type { TIdentityEnv } from '../../actor.ts';
import { issueTokens } from '../issue-tokens.ts';
import type { TResolveMembership } from '../refresh-tokens.ts';
import { ZTokenPairSchema } from './refresh-token.ts';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ZErrorEnvelopeSchema } },
});

const route = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['auth'],
  summary: 'Issue an access token and refresh token for the session’s active organization',
  'x-permission': 'member',
  description:
    'For clients that prefer bearer tokens (mobile, CLI, other services): a signed-in web session exchanges ' +
    'itself for a short-lived JWT carrying sub, org, role, permissions and scope, plus a rotating refresh token.',
  responses: {
    200: jsonResponse(ZTokenPairSchema, 'A token pair'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Only a web session may mint tokens, and only for an organization it belongs to'),
  },
});

/** POST /tokens: a web session (not a key or a token) exchanges itself for a JWT + refresh token pair. */
export function issueTokenRoute(deps: {
  db: Database;
  keyring: Keyring;
  resolveMembership: TResolveMembership;
  routers: TRouters;
}): OpenAPIHono<TIdentityEnv> {
  return deps.routers.member().openapi(route, async (c) => {
    const actor = c.get('actor');
    if (actor.authMethod !== 'session') {
      throw new AppError('INSUFFICIENT_PERMISSIONS', 'Tokens are issued to web sessions only');
    }
    const grant = await deps.resolveMembership(actor.userId, actor.organizationId);
    if (!grant) throw new AppError('INSUFFICIENT_PERMISSIONS', 'Not a member of this organization');
    const pair = await issueTokens({
      db: deps.db,
      keyring: deps.keyring,
      user: { id: actor.userId },
      organizationId: actor.organizationId,
      ...grant,
    });
    return c.json(pair, 200);
  });
}
