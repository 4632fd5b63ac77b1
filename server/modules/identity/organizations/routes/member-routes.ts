import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listResponseSchema, paginate, ZListQuerySchema } from '../../../../../contracts/pagination.ts';
import type { TIdentityEnv } from '../../actor.ts';
import { changeMemberRole } from '../members/change-member-role.ts';
import { leaveOrganization } from '../members/leave-organization.ts';
import { listMembers } from '../members/list-members.ts';
import { removeMember } from '../members/remove-member.ts';
import { transferOwnership } from '../members/transfer-ownership.ts';
import { ZOrgRoleSchema } from '../schemas.ts';
import {
  assertOwnOrganization,
  errors,
  json,
  jsonBody,
  TAG,
  type TOrganizationRoutesDeps,
  ZOrgIdParamsSchema,
} from './common.ts';

const ZMemberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: ZOrgRoleSchema,
  joinedAt: z.string(),
});
const ZMemberParamsSchema = ZOrgIdParamsSchema.extend({ userId: z.uuid() });
const noContent = { 204: { description: 'Done' } };

const list = createRoute({
  method: 'get',
  path: '/organizations/{id}/members',
  tags: [TAG],
  summary: 'Members of the current organization',
  'x-permission': 'member:read',
  request: { params: ZOrgIdParamsSchema, query: ZListQuerySchema },
  responses: { 200: json(listResponseSchema(ZMemberSchema), 'Members'), ...errors(400, 401, 403, 404) },
});

const changeRole = createRoute({
  method: 'patch',
  path: '/organizations/{id}/members/{userId}',
  tags: [TAG],
  summary: "Change a member's role (never demoting the last owner)",
  'x-permission': 'member:change_role',
  request: { params: ZMemberParamsSchema, body: jsonBody(z.strictObject({ role: ZOrgRoleSchema })) },
  responses: {
    200: json(z.object({ userId: z.uuid(), role: ZOrgRoleSchema }), 'The new role'),
    ...errors(400, 401, 403, 404, 409),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/organizations/{id}/members/{userId}',
  tags: [TAG],
  summary: 'Remove a member (never the last owner)',
  'x-permission': 'member:remove',
  request: { params: ZMemberParamsSchema },
  responses: { ...noContent, ...errors(400, 401, 403, 404, 409) },
});

const leave = createRoute({
  method: 'post',
  path: '/organizations/{id}/leave',
  tags: [TAG],
  summary: 'Leave the current organization (the last owner cannot)',
  'x-permission': 'member:leave',
  request: { params: ZOrgIdParamsSchema },
  responses: { ...noContent, ...errors(400, 401, 403, 404, 409) },
});

const transfer = createRoute({
  method: 'post',
  path: '/organizations/{id}/transfer-ownership',
  tags: [TAG],
  summary: 'Make another member the owner; the caller becomes admin',
  'x-permission': 'organization:transfer_ownership',
  request: { params: ZOrgIdParamsSchema, body: jsonBody(z.strictObject({ userId: z.uuid() })) },
  responses: { ...noContent, ...errors(400, 401, 403, 404) },
});

/** Adds the member routes to `router`. */
export function addMemberRoutes(
  router: OpenAPIHono<TIdentityEnv>,
  { db, events, cache }: TOrganizationRoutesDeps,
) {
  return router
    .openapi(list, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      const page = c.req.valid('query');
      const { rows, total } = await listMembers({ db, actor, page });
      return c.json({ data: rows, pagination: paginate(total, page) }, 200);
    })
    .openapi(changeRole, async (c) => {
      const actor = c.get('actor');
      const { id, userId } = c.req.valid('param');
      assertOwnOrganization(actor, id);
      const { role } = c.req.valid('json');
      return c.json(await changeMemberRole({ events, cache, actor, memberUserId: userId, role }), 200);
    })
    .openapi(remove, async (c) => {
      const actor = c.get('actor');
      const { id, userId } = c.req.valid('param');
      assertOwnOrganization(actor, id);
      await removeMember({ events, cache, actor, memberUserId: userId });
      return c.body(null, 204);
    })
    .openapi(leave, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      await leaveOrganization({ events, cache, actor });
      return c.body(null, 204);
    })
    .openapi(transfer, async (c) => {
      const actor = c.get('actor');
      assertOwnOrganization(actor, c.req.valid('param').id);
      await transferOwnership({ events, cache, actor, toUserId: c.req.valid('json').userId });
      return c.body(null, 204);
    });
}
