import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { TPlanLimitsTable } from '../../../../contracts/plans.ts';
import { PLANS } from '../../../../contracts/plans.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { TRouters } from '../access/create-routers.ts';
import type { TIdentityEnv } from '../actor.ts';
import { errors, json, ZOrgIdParamsSchema } from '../organizations/routes/common.ts';
import type { TApiLimiters } from './api-limiters.ts';
import { getUsage } from './get-usage.ts';

const ZUsedLimit = z.object({ used: z.number().int(), limit: z.number().int().nullable() });

export const ZUsageSchema = z
  .object({
    plan: z.enum(PLANS),
    members: ZUsedLimit,
    apiRequestsThisHour: z.object({
      used: z.number().int().nullable(),
      limit: z.number().int().nullable(),
      resetAt: z.string().datetime().nullable(),
      /** Present for a web session, which has no count of its own. */
      note: z.string().optional(),
    }),
    aiGenerationsThisHour: ZUsedLimit,
    deploymentsToday: z.object({ used: z.null(), limit: z.number().int().nullable(), note: z.string() }),
  })
  .openapi('OrganizationUsage');

const route = createRoute({
  method: 'get',
  path: '/organizations/{id}/usage',
  tags: ['organizations'],
  summary: "The organization's usage against its plan's limits (null limit: unlimited)",
  'x-permission': 'organization:read',
  request: { params: ZOrgIdParamsSchema },
  responses: { 200: json(ZUsageSchema, 'Usage'), ...errors(400, 401, 403, 404) },
});

/** `GET /organizations/{id}/usage`; give it the limiters the API rate limit counts on. */
export function usageRoutes({
  db,
  limiters,
  planLimits,
  routers,
}: {
  routers: TRouters;
  db: Database;
  limiters: TApiLimiters;
  /** The instance's plan limits (env PLAN_LIMITS over the defaults); the defaults when absent. */
  planLimits?: TPlanLimitsTable;
}): OpenAPIHono<TIdentityEnv> {
  return routers.member().openapi(route, async (c) => {
    const usage = await getUsage({
      db,
      limiters,
      actor: c.get('actor'),
      organizationId: c.req.valid('param').id,
      ...(planLimits ? { planLimits } : {}),
    });
    return c.json(usage, 200);
  });
}
