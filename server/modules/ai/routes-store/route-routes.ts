import { type OpenAPIHono, createRoute as openApiRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/actor.ts';
import { json, type TAiDataDeps } from '../providers/deps.ts';
import { ZIdParamsSchema } from '../providers/schemas.ts';
import { createRoute } from './create-route.ts';
import { deleteRoute } from './delete-route.ts';
import { getRoute } from './get-route.ts';
import { listRoutes } from './list-routes.ts';
import { ZCreateRouteBodySchema, ZRouteSchema, ZUpdateRouteBodySchema } from './schemas.ts';
import { updateRoute } from './update-route.ts';

const list = openApiRoute({
  method: 'get',
  path: '/ai/routes',
  tags: ['ai'],
  summary: 'The organization’s named AI routes',
  'x-permission': 'ai_provider:read',
  responses: {
    200: { description: 'Routes', ...json(z.object({ data: z.array(ZRouteSchema) })) },
    ...errorResponses([401, 403]),
  },
});

const create = openApiRoute({
  method: 'post',
  path: '/ai/routes',
  tags: ['ai'],
  summary: 'Create a named route: targets, strategy, fallback chain, timeout and retries',
  'x-permission': 'ai_provider:manage',
  request: { body: { required: true, ...json(ZCreateRouteBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZRouteSchema) },
    ...errorResponses([400, 401, 403, 409]),
  },
});

const get = openApiRoute({
  method: 'get',
  path: '/ai/routes/{id}',
  tags: ['ai'],
  summary: 'One route',
  'x-permission': 'ai_provider:read',
  request: { params: ZIdParamsSchema },
  responses: {
    200: { description: 'The route', ...json(ZRouteSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const update = openApiRoute({
  method: 'patch',
  path: '/ai/routes/{id}',
  tags: ['ai'],
  summary: 'Change some fields of a route',
  'x-permission': 'ai_provider:manage',
  request: { params: ZIdParamsSchema, body: { required: true, ...json(ZUpdateRouteBodySchema) } },
  responses: {
    200: { description: 'The updated route', ...json(ZRouteSchema) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});

const remove = openApiRoute({
  method: 'delete',
  path: '/ai/routes/{id}',
  tags: ['ai'],
  summary: 'Delete a route',
  'x-permission': 'ai_provider:manage',
  request: { params: ZIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});

/** GET/POST /ai/routes, GET/PATCH/DELETE /ai/routes/{id}. */
export function routeStoreRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return createRouter<TIdentityEnv>()
    .openapi(list, async (c) =>
      c.json({ data: await listRoutes({ db: deps.db, actor: c.get('actor') }) }, 200),
    )
    .openapi(create, async (c) =>
      c.json(await createRoute({ db: deps.db, actor: c.get('actor'), input: c.req.valid('json') }), 201),
    )
    .openapi(get, async (c) =>
      c.json(await getRoute({ db: deps.db, actor: c.get('actor'), routeId: c.req.valid('param').id }), 200),
    )
    .openapi(update, async (c) => {
      const route = await updateRoute({
        db: deps.db,
        actor: c.get('actor'),
        routeId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(route, 200);
    })
    .openapi(remove, async (c) => {
      await deleteRoute({ db: deps.db, actor: c.get('actor'), routeId: c.req.valid('param').id });
      return c.body(null, 204);
    });
}
