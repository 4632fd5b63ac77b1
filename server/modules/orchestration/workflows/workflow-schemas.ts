// HTTP shapes of the workflow routes (SPEC §5). The definition is accepted as any JSON object here and checked
// by validateDefinition, whose errors name step and field (a zod union error at the edge could not).
import { z } from '@hono/zod-openapi';
import { ZListQuerySchema, ZPaginationSchema } from '../../../../contracts/pagination.ts';

export const ZDefinitionBodySchema = z
  .record(z.string(), z.unknown())
  .openapi('WorkflowDefinition', { description: 'Steps forming a DAG; see SPEC §5' });

const ZNameSchema = z.string().trim().min(1).max(200);
const ZDescriptionSchema = z.string().max(5000);

export const ZIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
export const ZVersionParamsSchema = ZIdParamsSchema.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});

/** Body of POST /workflows: the definition becomes version 1. */
export const ZCreateWorkflowBodySchema = z
  .strictObject({
    name: ZNameSchema,
    description: ZDescriptionSchema.optional(),
    projectId: z.uuid().optional(),
    definition: ZDefinitionBodySchema,
  })
  .openapi('CreateWorkflowBody');
export type TCreateWorkflowInput = z.infer<typeof ZCreateWorkflowBodySchema>;

/** Body of PATCH /workflows/{id}: metadata, which version is current (rollback), or un-archiving. */
export const ZUpdateWorkflowBodySchema = z
  .strictObject({
    name: ZNameSchema.optional(),
    description: ZDescriptionSchema.optional(),
    projectId: z.uuid().nullable().optional(),
    currentVersion: z.number().int().min(1).optional(),
    status: z.literal('active').optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' })
  .openapi('UpdateWorkflowBody');
export type TUpdateWorkflowInput = z.infer<typeof ZUpdateWorkflowBodySchema>;

export const ZSaveVersionBodySchema = z
  .strictObject({ definition: ZDefinitionBodySchema })
  .openapi('SaveWorkflowVersionBody');

export const ZWorkflowListQuerySchema = ZListQuerySchema.extend({
  sort: z.enum(['createdAt', 'updatedAt', 'name']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Case-insensitive part of the name. */
  name: z.string().trim().min(1).max(200).optional(),
  projectId: z.uuid().optional(),
  /** Archived workflows are hidden unless asked for. */
  status: z.enum(['active', 'archived', 'all']).default('active'),
});
export type TWorkflowListQuery = z.infer<typeof ZWorkflowListQuerySchema>;

export const ZVersionListQuerySchema = ZListQuerySchema.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TVersionListQuery = z.infer<typeof ZVersionListQuerySchema>;

export const ZWorkflowSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    projectId: z.uuid().nullable(),
    name: z.string(),
    description: z.string(),
    currentVersion: z.number().int(),
    status: z.enum(['active', 'archived']),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Workflow');
export type TWorkflowView = z.infer<typeof ZWorkflowSchema>;

export const ZWorkflowWithDefinitionSchema = ZWorkflowSchema.extend({
  definition: ZDefinitionBodySchema,
}).openapi('WorkflowWithDefinition');
export type TWorkflowWithDefinition = z.infer<typeof ZWorkflowWithDefinitionSchema>;

export const ZWorkflowVersionSchema = z
  .object({
    workflowId: z.uuid(),
    version: z.number().int(),
    definition: ZDefinitionBodySchema,
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('WorkflowVersion');
export type TWorkflowVersionView = z.infer<typeof ZWorkflowVersionSchema>;

export const ZWorkflowListSchema = z.object({
  data: z.array(ZWorkflowSchema),
  pagination: ZPaginationSchema,
});
export const ZVersionListSchema = z.object({
  data: z.array(ZWorkflowVersionSchema.omit({ definition: true })),
  pagination: ZPaginationSchema,
});
