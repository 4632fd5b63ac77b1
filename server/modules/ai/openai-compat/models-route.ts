import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses } from '../../../platform/http/index.ts';
import { assertCan, type TIdentityEnv, type TRouters } from '../../identity/index.ts';

/** A model the organization can call through the gateway, as GET /v1/models lists it. */
export interface TListedModel {
  id: string;
  ownedBy: string;
  createdAt: Date;
}

const ZModelListSchema = z.object({
  object: z.literal('list'),
  data: z.array(
    z.object({ id: z.string(), object: z.literal('model'), created: z.number(), owned_by: z.string() }),
  ),
});

const models = createRoute({
  method: 'get',
  path: '/models',
  tags: ['openai-compatible'],
  summary:
    'OpenAI-compatible model list: the catalogue models and named routes (`route:<name>`) of the caller',
  'x-permission': 'ai:generate',
  responses: {
    200: { description: 'The models', content: { 'application/json': { schema: ZModelListSchema } } },
    ...errorResponses([401, 403]),
  },
});

/** GET /models of the OpenAI-compatible gateway (mounted at /v1). */
export function modelsRoute({
  listModels,
  routers,
}: {
  listModels: (organizationId: string) => Promise<TListedModel[]>;
  routers: TRouters;
}): OpenAPIHono<TIdentityEnv> {
  return routers.member().openapi(models, async (c) => {
    const actor = c.get('actor');
    assertCan(actor, 'ai:generate', { organizationId: actor.organizationId });
    const list = await listModels(actor.organizationId);
    return c.json(
      {
        object: 'list' as const,
        data: list.map((m) => ({
          id: m.id,
          object: 'model' as const,
          created: Math.floor(m.createdAt.getTime() / 1000),
          owned_by: m.ownedBy,
        })),
      },
      200,
    );
  });
}
