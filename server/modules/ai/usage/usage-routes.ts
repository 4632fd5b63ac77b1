import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/index.ts';
import { ZModelIdParamsSchema } from '../catalogue/model-routes.ts';
import { json, type TAiDataDeps } from '../providers/deps.ts';
import { getModelUsage, ZModelUsageSchema } from './get-model-usage.ts';

const DEFAULT_WINDOW_MS = 30 * 86_400_000;

/** `?from&to` (ISO 8601); the last 30 days by default; from must come before to. */
const ZUsageQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });

const usage = createRoute({
  method: 'get',
  path: '/ai/models/{id}/usage',
  tags: ['ai'],
  summary: 'One model’s calls, tokens, cost, cached and failed calls and latency percentiles',
  'x-permission': 'ai:generate',
  request: { params: ZModelIdParamsSchema, query: ZUsageQuerySchema },
  responses: {
    200: { description: 'Usage', ...json(ZModelUsageSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

/** GET /ai/models/{id}/usage. */
export function usageRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers.member().openapi(usage, async (c) => {
    const q = c.req.valid('query');
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_WINDOW_MS);
    const result = await getModelUsage({
      db: deps.db,
      actor: c.get('actor'),
      modelId: c.req.valid('param').id,
      from,
      to,
    });
    return c.json(result, 200);
  });
}
