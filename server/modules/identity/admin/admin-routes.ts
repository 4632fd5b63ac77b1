import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../contracts/pagination.ts';
import { PLANS } from '../../../../contracts/plans.ts';
import type { Cache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { errorResponses, jsonBody, jsonResponse, notFound } from '../../../platform/http/index.ts';
import type { TRouters } from '../access/create-routers.ts';
import type { TUserEnv } from '../actor.ts';
import { adminOrganizationView, listOrganizations } from './list-organizations.ts';
import { setOrganizationPlan } from './set-organization-plan.ts';

const ZAdminOrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    plan: z.enum(PLANS),
    members: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('AdminOrganization');

const list = createRoute({
  method: 'get',
  path: '/admin/organizations',
  tags: ['admin'],
  summary: "Every organization of the instance with its plan (instance admins: the instance's operators)",
  'x-permission': 'instance_admin',
  request: { query: ZListQuerySchema },
  responses: {
    200: jsonResponse(listResponseSchema(ZAdminOrganizationSchema), 'Organizations'),
    ...errorResponses([400, 401, 403]),
  },
});

const setPlan = createRoute({
  method: 'patch',
  path: '/admin/organizations/{id}',
  tags: ['admin'],
  summary: 'Put an organization on a plan (instance admins only; owners cannot change their own plan)',
  'x-permission': 'instance_admin',
  request: {
    params: z.object({ id: z.uuid() }),
    body: jsonBody(z.strictObject({ plan: z.enum(PLANS) })),
  },
  responses: {
    200: jsonResponse(ZAdminOrganizationSchema, 'The organization on its new plan'),
    ...errorResponses([400, 401, 403, 404]),
  },
});

/** The instance operator's API: GET /admin/organizations, PATCH /admin/organizations/{id} {plan}. */
export function adminRoutes({
  db,
  events,
  cache,
  routers,
}: {
  db: Database;
  events: EventBus;
  cache: Cache;
  routers: TRouters;
}): OpenAPIHono<TUserEnv> {
  return routers
    .admin()
    .openapi(list, async (c) => {
      const page = c.req.valid('query');
      const { rows, total } = await listOrganizations({ db, page });
      return c.json({ data: rows, pagination: paginate(total, page) }, 200);
    })
    .openapi(setPlan, async (c) => {
      const { id } = c.req.valid('param');
      const { plan } = c.req.valid('json');
      await setOrganizationPlan({ db, events, cache, organization: id, plan, byUserId: c.get('user').id });
      const view = await adminOrganizationView(db, id);
      if (!view) throw notFound('Organization');
      return c.json(view, 200);
    });
}
