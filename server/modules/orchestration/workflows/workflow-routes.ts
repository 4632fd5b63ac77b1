import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { assertCan, orgWide, type TIdentityEnv, type TRouters } from '../../identity/index.ts';
import { WORKFLOW_TEMPLATES } from '../templates/index.ts';
import { archiveWorkflow } from './archive-workflow.ts';
import { createFromTemplate } from './create-from-template.ts';
import { createWorkflow } from './create-workflow.ts';
import { getWorkflow } from './get-workflow.ts';
import { getWorkflowVersion } from './get-workflow-version.ts';
import { listWorkflowVersions } from './list-workflow-versions.ts';
import { listWorkflows } from './list-workflows.ts';
import { saveWorkflowVersion } from './save-workflow-version.ts';
import { updateWorkflow } from './update-workflow.ts';
import * as op from './workflow-openapi.ts';

/** What the workflow routes need; read on each request, so getters may supply them late. */
export type TWorkflowRouteDeps = { db: Database; events: EventBus; routers: TRouters };

/**
 * /workflows, /workflows/{id}, /workflows/{id}/versions, /workflows/{id}/versions/{version},
 * /workflows/templates and /workflows/from-template. The template paths are registered before `{id}`, which
 * would otherwise take "templates" for an id.
 */
export function workflowRoutes(deps: TWorkflowRouteDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(op.listTemplatesOp, (c) => {
      assertCan(c.get('actor'), 'workflow:read', orgWide(c));
      const data = WORKFLOW_TEMPLATES.map((t) => ({ ...t, definition: { ...t.definition } }));
      return c.json({ data }, 200);
    })
    .openapi(op.fromTemplateOp, async (c) =>
      c.json(
        await createFromTemplate({ events: deps.events, actor: c.get('actor'), input: c.req.valid('json') }),
        201,
      ),
    )
    .openapi(op.listOp, async (c) =>
      c.json(await listWorkflows({ db: deps.db, actor: c.get('actor'), query: c.req.valid('query') }), 200),
    )
    .openapi(op.createOp, async (c) =>
      c.json(
        await createWorkflow({ events: deps.events, actor: c.get('actor'), input: c.req.valid('json') }),
        201,
      ),
    )
    .openapi(op.getOp, async (c) =>
      c.json(
        await getWorkflow({ db: deps.db, actor: c.get('actor'), workflowId: c.req.valid('param').id }),
        200,
      ),
    )
    .openapi(op.updateOp, async (c) => {
      const workflow = await updateWorkflow({
        events: deps.events,
        actor: c.get('actor'),
        workflowId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(workflow, 200);
    })
    .openapi(op.archiveOp, async (c) => {
      await archiveWorkflow({
        events: deps.events,
        actor: c.get('actor'),
        workflowId: c.req.valid('param').id,
      });
      return c.body(null, 204);
    })
    .openapi(op.listVersionsOp, async (c) => {
      const page = await listWorkflowVersions({
        db: deps.db,
        actor: c.get('actor'),
        workflowId: c.req.valid('param').id,
        query: c.req.valid('query'),
      });
      return c.json(page, 200);
    })
    .openapi(op.saveVersionOp, async (c) => {
      const version = await saveWorkflowVersion({
        events: deps.events,
        actor: c.get('actor'),
        workflowId: c.req.valid('param').id,
        definition: c.req.valid('json').definition,
      });
      return c.json(version, 201);
    })
    .openapi(op.getVersionOp, async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(
        await getWorkflowVersion({ db: deps.db, actor: c.get('actor'), workflowId: id, version }),
        200,
      );
    });
}
