// The OpenAPI descriptions of the agent routes; agent-routes.ts binds them to the operations.
import { createRoute } from '@hono/zod-openapi';
import { errorResponses, json } from '../../../platform/http/index.ts';
import { ZIdParamsSchema } from '../workflows/workflow-schemas.ts';
import {
  ZAgentListQuerySchema,
  ZAgentListSchema,
  ZAgentPerformanceSchema,
  ZAgentSchema,
  ZCreateAgentBodySchema,
  ZPerformanceQuerySchema,
  ZUpdateAgentBodySchema,
} from './agent-schemas.ts';

const tags = ['agents'];

export const listOp = createRoute({
  method: 'get',
  path: '/agents',
  tags,
  summary:
    'The organization’s agents with live status and metrics (the six defaults are seeded on first use)',
  'x-permission': 'agent:read',
  request: { query: ZAgentListQuerySchema },
  responses: {
    200: { description: 'A page', ...json(ZAgentListSchema) },
    ...errorResponses([400, 401, 403]),
  },
});
export const createOp = createRoute({
  method: 'post',
  path: '/agents',
  tags,
  summary: 'Create an agent',
  'x-permission': 'agent:create',
  request: { body: { required: true, ...json(ZCreateAgentBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZAgentSchema) },
    ...errorResponses([400, 401, 403, 409]),
  },
});
export const getOp = createRoute({
  method: 'get',
  path: '/agents/{id}',
  tags,
  summary: 'One agent with live status and metrics',
  'x-permission': 'agent:read',
  request: { params: ZIdParamsSchema },
  responses: {
    200: { description: 'The agent', ...json(ZAgentSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
export const updateOp = createRoute({
  method: 'patch',
  path: '/agents/{id}',
  tags,
  summary: 'Change some fields of an agent',
  'x-permission': 'agent:update',
  request: { params: ZIdParamsSchema, body: { required: true, ...json(ZUpdateAgentBodySchema) } },
  responses: {
    200: { description: 'Updated', ...json(ZAgentSchema) },
    ...errorResponses([400, 401, 403, 404, 409]),
  },
});
export const deleteOp = createRoute({
  method: 'delete',
  path: '/agents/{id}',
  tags,
  summary: 'Delete an agent (its step history is kept)',
  'x-permission': 'agent:delete',
  request: { params: ZIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404]) },
});
export const performanceOp = createRoute({
  method: 'get',
  path: '/agents/{id}/performance',
  tags,
  summary: 'Runs, success rate, p50 latency, tokens and cost of an agent’s steps',
  'x-permission': 'agent:read',
  request: { params: ZIdParamsSchema, query: ZPerformanceQuerySchema },
  responses: {
    200: { description: 'Metrics', ...json(ZAgentPerformanceSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
