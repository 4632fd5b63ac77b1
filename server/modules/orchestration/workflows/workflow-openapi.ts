// The OpenAPI descriptions of the workflow routes; workflow-routes.ts binds them to the operations.
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, json } from '../../../platform/http/index.ts';
import {
  ZCreateWorkflowBodySchema,
  ZIdParamsSchema,
  ZSaveVersionBodySchema,
  ZUpdateWorkflowBodySchema,
  ZVersionListQuerySchema,
  ZVersionListSchema,
  ZVersionParamsSchema,
  ZWorkflowListQuerySchema,
  ZWorkflowListSchema,
  ZWorkflowSchema,
  ZWorkflowVersionSchema,
  ZWorkflowWithDefinitionSchema,
} from './workflow-schemas.ts';

const tags = ['workflows'];

export const ZTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    definition: z.record(z.string(), z.unknown()),
  })
  .openapi('WorkflowTemplate');
export const ZFromTemplateBodySchema = z
  .strictObject({
    templateId: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).optional(),
    projectId: z.uuid().optional(),
  })
  .openapi('CreateWorkflowFromTemplateBody');

export const listTemplatesOp = createRoute({
  method: 'get',
  path: '/workflows/templates',
  tags,
  summary: 'The shipped workflow templates',
  'x-permission': 'workflow:read',
  responses: {
    200: { description: 'Templates', ...json(z.object({ data: z.array(ZTemplateSchema) })) },
    ...errorResponses([401, 403]),
  },
});
export const fromTemplateOp = createRoute({
  method: 'post',
  path: '/workflows/from-template',
  tags,
  summary: 'Create a workflow from a template',
  'x-permission': 'workflow:create',
  request: { body: { required: true, ...json(ZFromTemplateBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZWorkflowWithDefinitionSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
export const listOp = createRoute({
  method: 'get',
  path: '/workflows',
  tags,
  summary: 'The organization’s workflows',
  'x-permission': 'workflow:read',
  request: { query: ZWorkflowListQuerySchema },
  responses: {
    200: { description: 'A page', ...json(ZWorkflowListSchema) },
    ...errorResponses([400, 401, 403]),
  },
});
export const createOp = createRoute({
  method: 'post',
  path: '/workflows',
  tags,
  summary: 'Create a workflow; its definition becomes version 1',
  'x-permission': 'workflow:create',
  request: { body: { required: true, ...json(ZCreateWorkflowBodySchema) } },
  responses: {
    201: { description: 'Created', ...json(ZWorkflowWithDefinitionSchema) },
    ...errorResponses([400, 401, 403, 404, 422]),
  },
});
export const getOp = createRoute({
  method: 'get',
  path: '/workflows/{id}',
  tags,
  summary: 'A workflow with its current definition',
  'x-permission': 'workflow:read',
  request: { params: ZIdParamsSchema },
  responses: {
    200: { description: 'The workflow', ...json(ZWorkflowWithDefinitionSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
export const updateOp = createRoute({
  method: 'patch',
  path: '/workflows/{id}',
  tags,
  summary: 'Change metadata, roll back to a version, or restore an archived workflow',
  'x-permission': 'workflow:update',
  request: { params: ZIdParamsSchema, body: { required: true, ...json(ZUpdateWorkflowBodySchema) } },
  responses: {
    200: { description: 'Updated', ...json(ZWorkflowSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
export const archiveOp = createRoute({
  method: 'delete',
  path: '/workflows/{id}',
  tags,
  summary: 'Archive a workflow (its runs and versions are kept)',
  'x-permission': 'workflow:delete',
  request: { params: ZIdParamsSchema },
  responses: { 204: { description: 'Archived' }, ...errorResponses([400, 401, 403, 404]) },
});
export const listVersionsOp = createRoute({
  method: 'get',
  path: '/workflows/{id}/versions',
  tags,
  summary: 'A workflow’s versions',
  'x-permission': 'workflow:read',
  request: { params: ZIdParamsSchema, query: ZVersionListQuerySchema },
  responses: {
    200: { description: 'A page', ...json(ZVersionListSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
export const saveVersionOp = createRoute({
  method: 'post',
  path: '/workflows/{id}/versions',
  tags,
  summary: 'Save a new version; it becomes current',
  'x-permission': 'workflow:update',
  request: { params: ZIdParamsSchema, body: { required: true, ...json(ZSaveVersionBodySchema) } },
  responses: {
    201: { description: 'Saved', ...json(ZWorkflowVersionSchema) },
    ...errorResponses([400, 401, 403, 404, 409, 422]),
  },
});
export const getVersionOp = createRoute({
  method: 'get',
  path: '/workflows/{id}/versions/{version}',
  tags,
  summary: 'One version with its definition',
  'x-permission': 'workflow:read',
  request: { params: ZVersionParamsSchema },
  responses: {
    200: { description: 'The version', ...json(ZWorkflowVersionSchema) },
    ...errorResponses([400, 401, 403, 404]),
  },
});
