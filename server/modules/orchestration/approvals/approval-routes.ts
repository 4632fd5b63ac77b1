import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { listResponseSchema } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { errorResponses, json } from '../../../platform/http/index.ts';
import { assertCan, orgWide, type TIdentityEnv, type TRouters } from '../../identity/index.ts';
import type { TEngine } from '../engine/create-engine.ts';
import { authorizeRun } from '../runs/authorize-run.ts';
import { authorizeWorkflowIn } from '../workflows/authorize-workflow.ts';
import { authorizeApproval } from './authorize-approval.ts';
import { decideApproval } from './decide-approval.ts';
import { listApprovals, ZApprovalListQuerySchema, ZApprovalSchema } from './list-approvals.ts';

const ZDecideBodySchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().max(2000).optional(),
});

const list = createRoute({
  method: 'get',
  path: '/approvals',
  tags: ['approvals'],
  summary: 'Approvals of the organization (pending by default)',
  'x-permission': 'workflow:read',
  request: { query: ZApprovalListQuerySchema },
  responses: {
    200: { description: 'A page of approvals', ...json(listResponseSchema(ZApprovalSchema)) },
    ...errorResponses([400, 401, 403]),
  },
});
const decide = createRoute({
  method: 'post',
  path: '/approvals/{id}/decide',
  tags: ['approvals'],
  summary: 'Approve or reject; the waiting run resumes (a rejection fails the approval step)',
  'x-permission': 'workflow:execute',
  request: {
    params: z.object({ id: z.uuid({ message: 'Approval id must be a UUID' }) }),
    body: { required: true, ...json(ZDecideBodySchema) },
  },
  responses: {
    200: { description: 'The decided approval', ...json(ZApprovalSchema.omit({ workflowId: true })) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});

/** Human-in-the-loop: list approvals, decide one. */
export function approvalRoutes(deps: {
  db: Database;
  events: EventBus;
  engine: TEngine;
  routers: TRouters;
}): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(list, async (c) => {
      const actor = c.get('actor');
      const query = c.req.valid('query');
      // Filtered to one run or workflow, the list is that workflow's (project roles count); unfiltered, it is
      // the organization's, for whom the organization role lets read every workflow.
      if (query.runId) await authorizeRun(deps.db, actor, query.runId, 'workflow:read');
      if (query.workflowId) await authorizeWorkflowIn(deps.db, actor, query.workflowId, 'workflow:read');
      if (!query.runId && !query.workflowId) assertCan(actor, 'workflow:read', orgWide(c));
      return c.json(await listApprovals({ db: deps.db, organizationId: actor.organizationId, query }), 200);
    })
    .openapi(decide, async (c) => {
      const actor = c.get('actor');
      await authorizeApproval(deps.db, actor, c.req.valid('param').id, 'workflow:execute');
      const body = c.req.valid('json');
      const a = await decideApproval(deps.engine.ctx, {
        organizationId: actor.organizationId,
        approvalId: c.req.valid('param').id,
        decision: body.decision,
        comment: body.comment ?? null,
        userId: actor.userId,
      });
      return c.json(
        {
          id: a.id,
          runId: a.runId,
          stepId: a.stepId,
          status: a.status,
          message: a.message,
          decidedBy: a.decidedBy,
          decidedAt: a.decidedAt?.toISOString() ?? null,
          comment: a.comment,
          createdAt: a.createdAt.toISOString(),
        },
        200,
      );
    });
}
