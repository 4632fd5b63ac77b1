import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listResponseSchema, ZListQuerySchema } from '../../../../../contracts/pagination.ts';
import type { TIdentityEnv } from '../../actor.ts';
import { addProjectMember } from '../add-project-member.ts';
import { changeProjectMemberRole } from '../change-project-member-role.ts';
import { listProjectMembers } from '../list-project-members.ts';
import {
  ZAddProjectMemberBodySchema,
  ZChangeProjectMemberBodySchema,
  ZProjectIdParamsSchema,
  ZProjectMemberParamsSchema,
  ZProjectMemberSchema,
} from '../project-schemas.ts';
import { removeProjectMember } from '../remove-project-member.ts';
import { errorResponses, json, type TProjectRouteDeps } from './shared.ts';

const list = createRoute({
  method: 'get',
  path: '/projects/{id}/members',
  tags: ['projects'],
  summary: 'The project’s members with their roles',
  'x-permission': 'project_member:read',
  request: { params: ZProjectIdParamsSchema, query: ZListQuerySchema },
  responses: {
    200: { description: 'A page of members', ...json(listResponseSchema(ZProjectMemberSchema)) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const add = createRoute({
  method: 'post',
  path: '/projects/{id}/members',
  tags: ['projects'],
  summary: 'Add a member of the organization to the project with a role',
  'x-permission': 'project_member:add',
  request: { params: ZProjectIdParamsSchema, body: { required: true, ...json(ZAddProjectMemberBodySchema) } },
  responses: {
    201: { description: 'Added', ...json(ZProjectMemberSchema) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});

const change = createRoute({
  method: 'patch',
  path: '/projects/{id}/members/{userId}',
  tags: ['projects'],
  summary: 'Change a member’s project role (and permission overrides)',
  'x-permission': 'project_member:change_role',
  request: {
    params: ZProjectMemberParamsSchema,
    body: { required: true, ...json(ZChangeProjectMemberBodySchema) },
  },
  responses: {
    200: { description: 'The member', ...json(ZProjectMemberSchema) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/projects/{id}/members/{userId}',
  tags: ['projects'],
  summary: 'Remove a member from the project; the last owner cannot be removed',
  'x-permission': 'project_member:remove',
  request: { params: ZProjectMemberParamsSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses([400, 401, 403, 404, 409]) },
});

/** GET/POST /projects/{id}/members and PATCH/DELETE /projects/{id}/members/{userId}. */
export function projectMemberRoutes({ db, events, routers }: TProjectRouteDeps): OpenAPIHono<TIdentityEnv> {
  return routers
    .member()
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param');
      const page = await listProjectMembers({
        db,
        actor: c.get('actor'),
        projectId: id,
        query: c.req.valid('query'),
      });
      return c.json(page, 200);
    })
    .openapi(add, async (c) => {
      const { id } = c.req.valid('param');
      const member = await addProjectMember({
        events,
        actor: c.get('actor'),
        projectId: id,
        input: c.req.valid('json'),
      });
      return c.json(member, 201);
    })
    .openapi(change, async (c) => {
      const { id, userId } = c.req.valid('param');
      const input = c.req.valid('json');
      const member = await changeProjectMemberRole({
        events,
        actor: c.get('actor'),
        projectId: id,
        userId,
        input,
      });
      return c.json(member, 200);
    })
    .openapi(remove, async (c) => {
      const { id, userId } = c.req.valid('param');
      await removeProjectMember({ events, actor: c.get('actor'), projectId: id, userId });
      return c.body(null, 204);
    });
}
