import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { listResponseSchema } from '../../../../../contracts/pagination.ts';
import type { TIdentityEnv } from '../../actor.ts';
import { createProject } from '../create-project.ts';
import { deleteProject } from '../delete-project.ts';
import { getProject } from '../get-project.ts';
import { listProjects } from '../list-projects.ts';
import {
  ZCreateProjectBodySchema,
  ZProjectIdParamsSchema,
  ZProjectListQuerySchema,
  ZProjectSchema,
  ZUpdateProjectBodySchema,
} from '../project-schemas.ts';
import { updateProject } from '../update-project.ts';
import { errorResponses, json, type TProjectRouteDeps } from './shared.ts';

// Each route names its permission in `x-permission`; the operation it calls asserts it, after loading the
// project and the caller's membership of it (project roles grant per project, so the check needs the row).

const create = createRoute({
  method: 'post',
  path: '/projects',
  tags: ['projects'],
  summary: 'Create a project; the caller becomes its owner',
  'x-permission': 'project:create',
  request: { body: { required: true, ...json(ZCreateProjectBodySchema) } },
  responses: { 201: { description: 'Created', ...json(ZProjectSchema) }, ...errorResponses([400, 401, 403]) },
});

const list = createRoute({
  method: 'get',
  path: '/projects',
  tags: ['projects'],
  summary: 'List the organization’s projects: paginated, sorted, filtered by name fragment and type',
  'x-permission': 'project:read',
  request: { query: ZProjectListQuerySchema },
  responses: {
    200: { description: 'A page of projects', ...json(listResponseSchema(ZProjectSchema)) },
    ...errorResponses([400, 401, 403]),
  },
});

const get = createRoute({
  method: 'get',
  path: '/projects/{id}',
  tags: ['projects'],
  summary: 'One project',
  'x-permission': 'project:read',
  request: { params: ZProjectIdParamsSchema },
  responses: {
    200: { description: 'The project', ...json(ZProjectSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/projects/{id}',
  tags: ['projects'],
  summary: 'Change some fields of a project',
  'x-permission': 'project:update',
  request: { params: ZProjectIdParamsSchema, body: { required: true, ...json(ZUpdateProjectBodySchema) } },
  responses: {
    200: { description: 'The updated project', ...json(ZProjectSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/projects/{id}',
  tags: ['projects'],
  summary: 'Delete a project and its memberships',
  'x-permission': 'project:delete',
  request: { params: ZProjectIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});

/** POST/GET /projects and GET/PATCH/DELETE /projects/{id}. */
export function projectCrudRoutes({ db, events, routers }: TProjectRouteDeps): OpenAPIHono<TIdentityEnv> {
  return routers
    .member()
    .openapi(create, async (c) => {
      const project = await createProject({ events, actor: c.get('actor'), input: c.req.valid('json') });
      return c.json(project, 201);
    })
    .openapi(list, async (c) => {
      return c.json(await listProjects({ db, actor: c.get('actor'), query: c.req.valid('query') }), 200);
    })
    .openapi(get, async (c) => {
      return c.json(await getProject({ db, actor: c.get('actor'), projectId: c.req.valid('param').id }), 200);
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const project = await updateProject({
        events,
        actor: c.get('actor'),
        projectId: id,
        input: c.req.valid('json'),
      });
      return c.json(project, 200);
    })
    .openapi(remove, async (c) => {
      await deleteProject({ events, actor: c.get('actor'), projectId: c.req.valid('param').id });
      return c.body(null, 204);
    });
}
