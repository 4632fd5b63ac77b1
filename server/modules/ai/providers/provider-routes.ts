import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listResponseSchema, pageOf, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/index.ts';
import { createProvider } from './create-provider.ts';
import { deleteProvider } from './delete-provider.ts';
import { json, type TAiDataDeps } from './deps.ts';
import { getProvider } from './get-provider.ts';
import { listProviders } from './list-providers.ts';
import {
  ZConnectionResultSchema,
  ZCreateProviderBodySchema,
  ZIdParamsSchema,
  ZProviderSchema,
} from './schemas.ts';
import { testProviderConnection } from './test-provider-connection.ts';

const list = createRoute({
  method: 'get',
  path: '/ai/providers',
  tags: ['ai'],
  summary: 'The organization’s AI provider credentials (keys shown only as hints)',
  'x-permission': 'ai_provider:read',
  request: { query: ZListQuerySchema },
  responses: {
    200: { description: 'Providers', ...json(listResponseSchema(ZProviderSchema)) },
    ...errorResponses([400, 401, 403]),
  },
});

const create = createRoute({
  method: 'post',
  path: '/ai/providers',
  tags: ['ai'],
  summary: 'Store a provider credential, its key encrypted at rest',
  'x-permission': 'ai_provider:manage',
  request: { body: { required: true, ...json(ZCreateProviderBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZProviderSchema) },
    ...errorResponses([400, 401, 403, 409]),
  },
});

const get = createRoute({
  method: 'get',
  path: '/ai/providers/{id}',
  tags: ['ai'],
  summary: 'One provider',
  'x-permission': 'ai_provider:read',
  request: { params: ZIdParamsSchema },
  responses: {
    200: { description: 'The provider', ...json(ZProviderSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/ai/providers/{id}',
  tags: ['ai'],
  summary: 'Delete a provider, its key and its custom models',
  'x-permission': 'ai_provider:manage',
  request: { params: ZIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});

const test = createRoute({
  method: 'post',
  path: '/ai/providers/{id}/test',
  tags: ['ai'],
  summary: 'Call the provider with its key: ok and latency, or the upstream’s error',
  'x-permission': 'ai_provider:manage',
  request: { params: ZIdParamsSchema },
  responses: {
    200: {
      description: 'The outcome (ok false when the upstream refused or failed)',
      ...json(ZConnectionResultSchema),
    },
    ...errorResponses([400, 401, 403, 404]),
  },
});

/** GET/POST /ai/providers, GET/DELETE /ai/providers/{id}, POST /ai/providers/{id}/test. */
export function providerRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(list, async (c) =>
      c.json(pageOf(await listProviders({ db: deps.db, actor: c.get('actor') }), c.req.valid('query')), 200),
    )
    .openapi(create, async (c) => {
      const provider = await createProvider({
        db: deps.db,
        secrets: deps.secrets,
        actor: c.get('actor'),
        input: c.req.valid('json'),
        network: deps.network,
      });
      return c.json(provider, 201);
    })
    .openapi(get, async (c) =>
      c.json(
        await getProvider({ db: deps.db, actor: c.get('actor'), providerId: c.req.valid('param').id }),
        200,
      ),
    )
    .openapi(remove, async (c) => {
      await deleteProvider({ db: deps.db, actor: c.get('actor'), providerId: c.req.valid('param').id });
      return c.body(null, 204);
    })
    .openapi(test, async (c) => {
      const result = await testProviderConnection({
        db: deps.db,
        secrets: deps.secrets,
        actor: c.get('actor'),
        providerId: c.req.valid('param').id,
        network: deps.network,
      });
      return c.json(result, 200);
    });
}
