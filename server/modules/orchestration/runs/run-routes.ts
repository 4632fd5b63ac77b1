import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { listResponseSchema } from '../../../../contracts/pagination.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError, errorResponses, json } from '../../../platform/http/index.ts';
import type { PubSub } from '../../../platform/pubsub/index.ts';
import { assertCan, orgWide, type TIdentityEnv, type TRouters } from '../../identity/index.ts';
import type { TEngine } from '../engine/create-engine.ts';
import { authorizeWorkflowIn } from '../workflows/authorize-workflow.ts';
import { authorizeRun } from './authorize-run.ts';
import { getRun } from './get-run.ts';
import { listRuns } from './list-runs.ts';
import type { TOpenStreams } from './open-streams.ts';
import {
  ZExecuteBodySchema,
  ZRunDetailSchema,
  ZRunIdParamSchema,
  ZRunListQuerySchema,
  ZRunSchema,
  ZWorkflowIdParamSchema,
} from './run-schemas.ts';
import { streamRunEvents } from './stream-run-events.ts';

const ZStartedSchema = z.object({ runId: z.string() });

const execute = createRoute({
  method: 'post',
  path: '/workflows/{id}/execute',
  tags: ['runs'],
  summary: 'Start a run of the workflow current version; it proceeds in the background',
  'x-permission': 'workflow:execute',
  request: { params: ZWorkflowIdParamSchema, body: { required: true, ...json(ZExecuteBodySchema) } },
  responses: {
    202: { description: 'Queued', ...json(ZStartedSchema) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});
const list = createRoute({
  method: 'get',
  path: '/runs',
  tags: ['runs'],
  summary: 'Runs of the organization, newest first',
  'x-permission': 'workflow:read',
  request: { query: ZRunListQuerySchema },
  responses: {
    200: { description: 'A page of runs', ...json(listResponseSchema(ZRunSchema)) },
    ...errorResponses([400, 401, 403]),
  },
});
const getOne = createRoute({
  method: 'get',
  path: '/runs/{id}',
  tags: ['runs'],
  summary: 'A run with every step (input, output, attempts, logs, tokens, cost, timing)',
  'x-permission': 'workflow:read',
  request: { params: ZRunIdParamSchema },
  responses: {
    200: { description: 'The run', ...json(ZRunDetailSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
const cancel = createRoute({
  method: 'post',
  path: '/runs/{id}/cancel',
  tags: ['runs'],
  summary: 'Cancel a run (and its sub-workflow runs); executing steps are aborted',
  'x-permission': 'workflow:execute',
  request: { params: ZRunIdParamSchema },
  responses: {
    200: {
      description: 'Cancelled',
      ...json(z.object({ runId: z.string(), status: z.literal('cancelled') })),
    },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});
const events = createRoute({
  method: 'get',
  path: '/runs/{id}/events',
  tags: ['runs'],
  summary: 'The run events as server-sent events: replay after Last-Event-ID or ?after, then live to the end',
  'x-permission': 'workflow:read',
  request: {
    params: ZRunIdParamSchema,
    query: z.object({ after: z.coerce.number().int().min(0).optional() }),
  },
  responses: {
    200: { description: 'Event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
    ...errorResponses([400, 401, 403, 404]),
  },
});

export type TRunRouteDeps = {
  db: Database;
  events: EventBus;
  pubsub: PubSub;
  engine: TEngine;
  routers: TRouters;
  /** The process's open event streams, ended at shutdown. */
  streams: TOpenStreams;
};

/** Executing workflows and reading, cancelling and following runs. */
export function runRoutes(deps: TRunRouteDeps): OpenAPIHono<TIdentityEnv> {
  return deps.routers
    .member()
    .openapi(execute, async (c) => {
      const actor = c.get('actor');
      const { id } = c.req.valid('param');
      await authorizeWorkflowIn(deps.db, actor, id, 'workflow:execute');
      const body = c.req.valid('json');
      const started = await deps.engine.startRun({
        organizationId: actor.organizationId,
        workflowId: id,
        input: body.input ?? {},
        trigger: 'manual',
        createdBy: actor.userId,
      });
      return c.json(started, 202);
    })
    .openapi(list, async (c) => {
      const actor = c.get('actor');
      const query = c.req.valid('query');
      // The runs of one workflow are the workflow's (project roles count); the organization's whole list is
      // for whom the organization role lets read every workflow.
      if (query.workflowId) await authorizeWorkflowIn(deps.db, actor, query.workflowId, 'workflow:read');
      else assertCan(actor, 'workflow:read', orgWide(c));
      return c.json(await listRuns({ db: deps.db, organizationId: actor.organizationId, query }), 200);
    })
    .openapi(getOne, async (c) => {
      const actor = c.get('actor');
      const runId = c.req.valid('param').id;
      await authorizeRun(deps.db, actor, runId, 'workflow:read');
      return c.json(await getRun({ db: deps.db, organizationId: actor.organizationId, runId }), 200);
    })
    .openapi(cancel, async (c) => {
      const actor = c.get('actor');
      const runId = c.req.valid('param').id;
      await authorizeRun(deps.db, actor, runId, 'workflow:execute');
      const result = await deps.engine.cancelRun({ organizationId: actor.organizationId, runId });
      return c.json(result, 200);
    })
    .openapi(events, async (c) => {
      const runId = c.req.valid('param').id;
      await authorizeRun(deps.db, c.get('actor'), runId, 'workflow:read');
      const header = c.req.header('last-event-id');
      if (header !== undefined && !/^\d{1,18}$/.test(header))
        throw new AppError('VALIDATION_ERROR', 'Last-Event-ID must be an event sequence number', {
          details: [{ field: 'Last-Event-ID', message: 'expected a non-negative integer' }],
        });
      const after = header !== undefined ? Number(header) : (c.req.valid('query').after ?? 0);
      return (await streamRunEvents(c, {
        db: deps.db,
        organizationId: c.get('actor').organizationId,
        pubsub: deps.pubsub,
        runId,
        after,
        streams: deps.streams,
      })) as never;
    });
}
