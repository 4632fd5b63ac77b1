import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { errorResponses, json } from '../../../platform/http/index.ts';
import type { TIdentityEnv, TRouters } from '../../identity/index.ts';
import { authorizeWorkflowIn } from '../workflows/authorize-workflow.ts';
import {
  createTrigger,
  deleteTrigger,
  listTriggers,
  setTriggerEnabled,
  type TTriggerDeps,
} from './manage-triggers.ts';
import { ZCreateTriggerBodySchema, ZTriggerSchema } from './trigger-schemas.ts';

const ZWorkflowParam = z.object({ id: z.uuid({ message: 'Workflow id must be a UUID' }) });
const ZTriggerParam = ZWorkflowParam.extend({ triggerId: z.uuid({ message: 'Trigger id must be a UUID' }) });

const list = createRoute({
  method: 'get',
  path: '/workflows/{id}/triggers',
  tags: ['triggers'],
  summary: 'The workflow schedule, webhook and event triggers',
  'x-permission': 'workflow:read',
  request: { params: ZWorkflowParam },
  responses: {
    200: { description: 'Triggers', ...json(z.object({ data: z.array(ZTriggerSchema) })) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
const create = createRoute({
  method: 'post',
  path: '/workflows/{id}/triggers',
  tags: ['triggers'],
  summary: 'Add a trigger; a webhook trigger answers its secret once',
  'x-permission': 'workflow:update',
  request: { params: ZWorkflowParam, body: { required: true, ...json(ZCreateTriggerBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZTriggerSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
const patch = createRoute({
  method: 'patch',
  path: '/workflows/{id}/triggers/{triggerId}',
  tags: ['triggers'],
  summary: 'Enable or disable a trigger',
  'x-permission': 'workflow:update',
  request: {
    params: ZTriggerParam,
    body: { required: true, ...json(z.strictObject({ enabled: z.boolean() })) },
  },
  responses: {
    200: { description: 'Updated', ...json(ZTriggerSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/workflows/{id}/triggers/{triggerId}',
  tags: ['triggers'],
  summary: 'Delete a trigger (a schedule stops firing)',
  'x-permission': 'workflow:update',
  request: { params: ZTriggerParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});

/** Trigger CRUD under /workflows/{id}/triggers. */
export function triggerRoutes(
  deps: TTriggerDeps & { db: Database; events: EventBus; routers: TRouters },
): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(list, async (c) => {
      const actor = c.get('actor');
      const workflowId = c.req.valid('param').id;
      await authorizeWorkflowIn(deps.db, actor, workflowId, 'workflow:read');
      return c.json(
        { data: await listTriggers(deps, { organizationId: actor.organizationId, workflowId }) },
        200,
      );
    })
    .openapi(create, async (c) => {
      const actor = c.get('actor');
      const workflowId = c.req.valid('param').id;
      await authorizeWorkflowIn(deps.db, actor, workflowId, 'workflow:update');
      const trigger = await createTrigger(deps, {
        organizationId: actor.organizationId,
        workflowId,
        body: c.req.valid('json'),
        userId: actor.userId,
      });
      return c.json(trigger, 201);
    })
    .openapi(patch, async (c) => {
      const { id, triggerId } = c.req.valid('param');
      await authorizeWorkflowIn(deps.db, c.get('actor'), id, 'workflow:update');
      const t = await setTriggerEnabled(deps, {
        organizationId: c.get('actor').organizationId,
        workflowId: id,
        triggerId,
        enabled: c.req.valid('json').enabled,
      });
      return c.json(t, 200);
    })
    .openapi(remove, async (c) => {
      const { id, triggerId } = c.req.valid('param');
      await authorizeWorkflowIn(deps.db, c.get('actor'), id, 'workflow:update');
      const organizationId = c.get('actor').organizationId;
      await deleteTrigger(deps, { organizationId, workflowId: id, triggerId });
      return c.body(null, 204);
    });
}
