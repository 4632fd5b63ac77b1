import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listResponseSchema, pageOf, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/index.ts';
import { json, type TAiDataDeps } from '../providers/deps.ts';
import { addModel } from './add-model.ts';
import { deleteModel } from './delete-model.ts';
import { listModels } from './list-models.ts';
import { ZAddModelBodySchema, ZModelSchema, ZUpdateModelBodySchema } from './schemas.ts';
import { updateModel } from './update-model.ts';

/** A catalogue row id; PATCH and DELETE only ever touch the organization's own rows, found by id. */
export const ZModelIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const list = createRoute({
  method: 'get',
  path: '/ai/models',
  tags: ['ai'],
  summary: 'The model catalogue: the instance’s models and the organization’s own',
  'x-permission': 'ai:generate',
  request: { query: ZListQuerySchema },
  responses: {
    200: { description: 'Models', ...json(listResponseSchema(ZModelSchema)) },
    ...errorResponses([400, 401, 403]),
  },
});

const add = createRoute({
  method: 'post',
  path: '/ai/models',
  tags: ['ai'],
  summary: 'Add a model served by one of the organization’s providers, with its prices',
  'x-permission': 'ai_provider:manage',
  request: { body: { required: true, ...json(ZAddModelBodySchema) } },
  responses: {
    201: { description: 'Added', ...json(ZModelSchema) },
    ...errorResponses([400, 401, 403, 409]),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/ai/models/{id}',
  tags: ['ai'],
  summary: 'Change the status or prices of one of the organization’s models',
  'x-permission': 'ai_provider:manage',
  request: { params: ZModelIdParamsSchema, body: { required: true, ...json(ZUpdateModelBodySchema) } },
  responses: {
    200: { description: 'Updated', ...json(ZModelSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/ai/models/{id}',
  tags: ['ai'],
  summary: 'Delete one of the organization’s models',
  'x-permission': 'ai_provider:manage',
  request: { params: ZModelIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});

/** GET/POST /ai/models, PATCH/DELETE /ai/models/{id}. */
export function modelRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(list, async (c) =>
      c.json(pageOf(await listModels({ db: deps.db, actor: c.get('actor') }), c.req.valid('query')), 200),
    )
    .openapi(add, async (c) =>
      c.json(await addModel({ db: deps.db, actor: c.get('actor'), input: c.req.valid('json') }), 201),
    )
    .openapi(update, async (c) => {
      const model = await updateModel({
        db: deps.db,
        actor: c.get('actor'),
        modelId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(model, 200);
    })
    .openapi(remove, async (c) => {
      await deleteModel({ db: deps.db, actor: c.get('actor'), modelId: c.req.valid('param').id });
      return c.body(null, 204);
    });
}
