// HTTP shapes of the agent routes (SPEC §5).
import { z } from '@hono/zod-openapi';
import { ZListQuerySchema, ZPaginationSchema } from '../../../../contracts/pagination.ts';
import { AGENT_TYPES } from '../schema.ts';

export const AGENT_STATUSES = ['idle', 'busy', 'error'] as const;

// Capabilities are matched exactly by agent selection, so they are normalised to one spelling.
const ZCapabilitySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'Lower-case letters, digits, dot, dash or underscore; at most 64');
const ZToolSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'A function name: letters, digits, `_`, `-`'),
    description: z.string().max(2000).optional(),
    /** JSON Schema of the tool's arguments. */
    parameters: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('AgentTool');

const fields = {
  name: z.string().trim().min(1).max(100),
  type: z.enum(AGENT_TYPES),
  description: z.string().max(2000),
  capabilities: z
    .array(ZCapabilitySchema)
    .max(30)
    .transform((list) => [...new Set(list)]),
  model: z.string().trim().min(1).max(200),
  route: z.string().trim().min(1).max(64),
  systemPrompt: z.string().max(20_000),
  tools: z.array(ZToolSchema).max(50),
  maxConcurrency: z.number().int().min(1).max(100),
};
const oneTarget = (v: { model?: unknown; route?: unknown }) =>
  !(v.model !== undefined && v.route !== undefined);
const ONE_TARGET = { message: 'Give a model or a route, not both', path: ['route'] };

/** Body of POST /agents; without model or route the agent uses the local model. */
export const ZCreateAgentBodySchema = z
  .strictObject({
    name: fields.name,
    type: fields.type.default('custom'),
    description: fields.description.optional(),
    capabilities: fields.capabilities.default([]),
    model: fields.model.optional(),
    route: fields.route.optional(),
    systemPrompt: fields.systemPrompt.optional(),
    tools: fields.tools.optional(),
    maxConcurrency: fields.maxConcurrency.optional(),
  })
  .refine(oneTarget, ONE_TARGET)
  .openapi('CreateAgentBody');
export type TCreateAgentInput = z.infer<typeof ZCreateAgentBodySchema>;

/** Body of PATCH /agents/{id}: any subset; setting a model clears the route and the other way round. */
export const ZUpdateAgentBodySchema = z
  .strictObject({
    name: fields.name.optional(),
    type: fields.type.optional(),
    description: fields.description.optional(),
    capabilities: fields.capabilities.optional(),
    model: fields.model.optional(),
    route: fields.route.optional(),
    systemPrompt: fields.systemPrompt.optional(),
    tools: fields.tools.optional(),
    maxConcurrency: fields.maxConcurrency.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' })
  .refine(oneTarget, ONE_TARGET)
  .openapi('UpdateAgentBody');
export type TUpdateAgentInput = z.infer<typeof ZUpdateAgentBodySchema>;

export const ZAgentListQuerySchema = ZListQuerySchema.extend({
  sort: z.enum(['name', 'createdAt', 'updatedAt']).default('name'),
  type: z.enum(AGENT_TYPES).optional(),
  /** Only agents having this capability. */
  capability: ZCapabilitySchema.optional(),
  name: z.string().trim().min(1).max(100).optional(),
});
export type TAgentListQuery = z.infer<typeof ZAgentListQuerySchema>;

export const ZPerformanceQuerySchema = z.object({
  /** Only steps started at or after this time; all history by default. */
  since: z.iso.datetime({ offset: true }).optional(),
});

export const ZAgentMetricsSchema = z
  .object({
    runs: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    successRate: z.number().nullable(),
    p50LatencyMs: z.number().nullable(),
    tokens: z.number(),
    cost: z.number(),
    running: z.number().int(),
  })
  .openapi('AgentMetrics');
export type TAgentMetrics = z.infer<typeof ZAgentMetricsSchema>;

export const ZAgentSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    type: z.enum(AGENT_TYPES),
    description: z.string(),
    capabilities: z.array(z.string()),
    model: z.string().nullable(),
    route: z.string().nullable(),
    systemPrompt: z.string(),
    tools: z.array(z.record(z.string(), z.unknown())),
    maxConcurrency: z.number().int(),
    isDefault: z.boolean(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    status: z.enum(AGENT_STATUSES),
    metrics: ZAgentMetricsSchema,
  })
  .openapi('Agent');
export type TAgentView = z.infer<typeof ZAgentSchema>;

export const ZAgentListSchema = z.object({ data: z.array(ZAgentSchema), pagination: ZPaginationSchema });
export const ZAgentPerformanceSchema = ZAgentMetricsSchema.extend({
  agentId: z.uuid(),
  status: z.enum(AGENT_STATUSES),
  since: z.string().nullable(),
}).openapi('AgentPerformance');
