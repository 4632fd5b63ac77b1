import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses } from '../../../platform/http/index.ts';
import type { TIdentityEnv } from '../../identity/index.ts';
import { json, type TAiDataDeps } from '../providers/deps.ts';
import { getUsageSummary, ZUsageSummarySchema } from './get-usage-summary.ts';

/** `?from&to` (ISO 8601); the current calendar month (UTC, the budget's month) by default. */
const ZSummaryQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });

const summary = createRoute({
  method: 'get',
  path: '/ai/usage',
  tags: ['ai'],
  summary: 'The organization’s AI calls, tokens, cost, cached and failed calls, in total and per model',
  'x-permission': 'ai:generate',
  request: { query: ZSummaryQuerySchema },
  responses: {
    200: { description: 'Usage summary', ...json(ZUsageSummarySchema) },
    ...errorResponses([400, 401, 403]),
  },
});

/** GET /ai/usage — what the dashboard shows as "AI usage this month". */
export function usageSummaryRoutes(deps: TAiDataDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers.member().openapi(summary, async (c) => {
    const q = c.req.valid('query');
    const now = new Date();
    const from = q.from ? new Date(q.from) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const to = q.to ? new Date(q.to) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    return c.json(await getUsageSummary({ db: deps.db, actor: c.get('actor'), from, to }), 200);
  });
}
