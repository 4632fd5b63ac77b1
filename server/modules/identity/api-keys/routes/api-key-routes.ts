import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../../contracts/pagination.ts';
import type { Cache } from '../../../../platform/cache/index.ts';
import type { Database } from '../../../../platform/db/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import { json, jsonBody, jsonResponse } from '../../../../platform/http/index.ts';
import type { TRouters } from '../../access/create-routers.ts';
import type { TIdentityEnv } from '../../actor.ts';
import { createApiKey } from '../create-api-key.ts';
import { listApiKeys } from '../list-api-keys.ts';
import { revokeApiKey } from '../revoke-api-key.ts';
import {
  errorResponses,
  ZApiKeyIdParamsSchema,
  ZApiKeyResponseSchema,
  ZCreateApiKeyRequestSchema,
  ZCreateApiKeyResponseSchema,
} from './schemas.ts';

const createKey = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'Create an API key for yourself; the key is in this response only',
  'x-permission': 'api_key:create',
  request: {
    body: jsonBody(ZCreateApiKeyRequestSchema),
  },
  responses: {
    201: jsonResponse(ZCreateApiKeyResponseSchema, 'Created'),
    ...errorResponses([400, 401, 403]),
  },
});

const listKeys = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['api-keys'],
  summary: 'API keys, masked: all of the organization for admins, your own otherwise',
  'x-permission': 'api_key:read',
  request: { query: ZListQuerySchema },
  responses: {
    200: {
      description: 'Keys',
      content: { 'application/json': { schema: listResponseSchema(ZApiKeyResponseSchema) } },
    },
    ...errorResponses([400, 401, 403]),
  },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['api-keys'],
  summary: 'Revoke an API key; it stops working in every process at once',
  'x-permission': 'api_key:revoke',
  request: { params: ZApiKeyIdParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...errorResponses([400, 401, 403, 404]) },
});

/** POST/GET /api-keys and DELETE /api-keys/{id}, to mount under /api/v1 behind authentication. */
export function apiKeyRoutes({
  db,
  events,
  cache,
  routers,
}: {
  db: Database;
  events: EventBus;
  cache: Cache;
  routers: TRouters;
}): OpenAPIHono<TIdentityEnv> {
  return routers
    .member()
    .openapi(createKey, async (c) => {
      const actor = c.get('actor');
      const body = c.req.valid('json');
      const input = { ...body, expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined };
      return c.json(await createApiKey({ events, actor, input }), 201);
    })
    .openapi(listKeys, async (c) => {
      const actor = c.get('actor');
      // Everyone may read at least their own keys; the operation widens this to all for admins.
      const query = c.req.valid('query');
      const { rows, total } = await listApiKeys({ db, actor, query });
      return c.json({ data: rows, pagination: paginate(total, query) }, 200);
    })
    .openapi(revokeKey, async (c) => {
      // The operation checks the key's actual owner once it has loaded it.
      await revokeApiKey({ events, cache, actor: c.get('actor'), id: c.req.valid('param').id });
      return c.body(null, 204);
    });
}
