import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listResponseSchema, pageOf, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/index.ts';
import { json, type TAiDataDeps } from '../providers/deps.ts';
import { ZIdParamsSchema } from '../providers/schemas.ts';
import { createModelRoute } from './create-model-route.ts';
import { deleteModelRoute } from './delete-model-route.ts';
import { getModelRoute } from './get-model-route.ts';
import { listModelRoutes } from './list-model-routes.ts';
import { ZCreateModelRouteBodySchema, ZModelRouteSchema, ZUpdateModelRouteBodySchema } from './schemas.ts';
import { updateModelRoute } from './update-model-route.ts';

const list = createRoute({
  method: 'get',
  path: '/ai/routes',
  tags: ['ai'],
  summary: 'The organization’s named AI routes',
  'x-permission': 'ai_provider:read',
  request: { query: ZListQuerySchema },
  responses: {
    200: { description: 'Routes', ...json(listResponseSchema(ZModelRouteSchema)) },
    ...errorResponses([400, 401, 403]),
  },
});

const create = createRoute({
  method: 'post',
  path: '/ai/routes',
  tags: ['ai'],
  summary: 'Create a named route: targets, strategy, fallback chain, timeout and retries',
  'x-permission': 'ai_provider:manage',
  request: { body: { required: true, ...json(ZCreateModelRouteBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZModelRouteSchema) },
    ...errorResponses([400, 401, 403, 409]),
  },
});

const get = createRoute({
  method: 'get',
  path: '/ai/routes/{id}',
  tags: ['ai'],
  summary: 'One route',
  'x-permission': 'ai_provider:read',
  request: { params: ZIdParamsSchema },
  responses: {
    200: { description: 'The route', ...json(ZModelRouteSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/ai/routes/{id}',
  tags: ['ai'],
  summary: 'Change some fields of a route',
  'x-permission': 'ai_provider:manage',
  request: { params: ZIdParamsSchema, body: { required: true, ...json(ZUpdateModelRouteBodySchema) } },
  responses: {
    200: { description: 'The updated route', ...json(ZModelRouteSchema) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/ai/routes/{id}',
  tags: ['ai'],
  summary: 'Delete a route',
  'x-permission': 'ai_provider:manage',
  request: { params: ZIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});

/** GET/POST /ai/routes, GET/PATCH/DELETE /ai/routes/{id}. */
export function modelRouteRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(list, async (c) =>
      c.json(
        pageOf(await listModelRoutes({ db: deps.db, actor: c.get('actor') }), c.req.valid('query')),
        200,
      ),
    )
    .openapi(create, async (c) =>
      c.json(await createModelRoute({ db: deps.db, actor: c.get('actor'), input: c.req.valid('json') }), 201),
    )
    .openapi(get, async (c) =>
      c.json(
        await getModelRoute({ db: deps.db, actor: c.get('actor'), routeId: c.req.valid('param').id }),
        200,
      ),
    )
    .openapi(update, async (c) => {
      const route = await updateModelRoute({
        db: deps.db,
        actor: c.get('actor'),
        routeId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(route, 200);
    })
    .openapi(remove, async (c) => {
      await deleteModelRoute({ db: deps.db, actor: c.get('actor'), routeId: c.req.valid('param').id });
      return c.body(null, 204);
    });
}
