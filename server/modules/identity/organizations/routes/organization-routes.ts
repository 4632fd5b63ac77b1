import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../../contracts/pagination.ts';
import type { TIdentityEnv, TUserEnv } from '../../actor.ts';
import { createOrganization } from '../create-organization.ts';
import { getOrganization } from '../get-organization.ts';
import { listMyOrganizations } from '../list-my-organizations.ts';
import { ZOrganizationViewSchema } from '../organization-view.ts';
import { ZCreateOrganizationInputSchema, ZUpdateOrganizationInputSchema } from '../schemas.ts';
import { updateOrganization } from '../update-organization.ts';
import {
  assertOwnOrganization,
  errors,
  json,
  jsonBody,
  TAG,
  type TOrganizationRoutesDeps,
  ZOrgIdParamsSchema,
} from './common.ts';

const create = createRoute({
  method: 'post',
  path: '/organizations',
  tags: [TAG],
  summary: 'Create an organization; the caller becomes its owner',
  'x-permission': 'authenticated',
  request: { body: jsonBody(ZCreateOrganizationInputSchema) },
  responses: { 201: json(ZOrganizationViewSchema, 'The new organization'), ...errors(400, 401, 409) },
});

const listMine = createRoute({
  method: 'get',
  path: '/organizations',
  tags: [TAG],
  summary: "The caller's organizations, with their role in each",
  'x-permission': 'authenticated',
  request: { query: ZListQuerySchema },
  responses: { 200: json(listResponseSchema(ZOrganizationViewSchema), 'Organizations'), ...errors(400, 401) },
});

const getOne = createRoute({
  method: 'get',
  path: '/organizations/{id}',
  tags: [TAG],
  summary: 'The current organization',
  'x-permission': 'organization:read',
  request: { params: ZOrgIdParamsSchema },
  responses: { 200: json(ZOrganizationViewSchema, 'Organization'), ...errors(400, 401, 403, 404) },
});

const update = createRoute({
  method: 'patch',
  path: '/organizations/{id}',
  tags: [TAG],
  summary:
    'Rename, re-slug or merge settings into the current organization (the plan: instance operator only)',
  'x-permission': 'organization:update',
  request: { params: ZOrgIdParamsSchema, body: jsonBody(ZUpdateOrganizationInputSchema) },
  responses: {
    200: json(ZOrganizationViewSchema, 'Updated organization'),
    ...errors(400, 401, 403, 404, 409),
  },
});

/** Adds the organization routes to `router`. */
export function addOrganizationRoutes(
  { user, member }: { user: OpenAPIHono<TUserEnv>; member: OpenAPIHono<TIdentityEnv> },
  { db, events, defaultPlan }: TOrganizationRoutesDeps,
) {
  user
    .openapi(create, async (c) => {
      // Creating an organization is not an action inside one: any signed-in user may, as themselves.
      const org = await createOrganization({
        events,
        userId: c.get('user').id,
        input: c.req.valid('json'),
        plan: defaultPlan,
      });
      return c.json(org, 201);
    })
    .openapi(listMine, async (c) => {
      const page = c.req.valid('query');
      const { rows, total } = await listMyOrganizations({ db, userId: c.get('user').id, page });
      return c.json({ data: rows, pagination: paginate(total, page) }, 200);
    });
  member
    .openapi(getOne, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      return c.json(await getOrganization({ db, actor }), 200);
    })
    .openapi(update, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      // `organization:update` is the floor every change needs (the route's declaration); the operation then
      // checks each part against its own action (settings `settings:update`) and refuses a plan change,
      // which is the instance operator's (PATCH /admin/organizations/{id}).
      return c.json(await updateOrganization({ events, actor, input: c.req.valid('json') }), 200);
    });
}
