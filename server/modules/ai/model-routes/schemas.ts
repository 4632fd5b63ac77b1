import { z } from '@hono/zod-openapi';
import { ROUTE_STRATEGIES } from '../types.ts';

export const ZTargetSchema = z
  .strictObject({
    /** An ai_providers id of the organization, or 'local'. */
    provider: z.string().trim().min(1).max(100),
    model: z.string().trim().min(1).max(200),
    weight: z.number().positive().max(1_000_000).optional(),
  })
  .openapi('AiTarget');

// Names are what callers pass as `route`: a short slug, no spaces.
const ZRouteNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Letters, digits, dot, dash or underscore; at most 64');

const fields = {
  strategy: z.enum(ROUTE_STRATEGIES),
  targets: z.array(ZTargetSchema).min(1, 'At least one target').max(20),
  fallback: z.array(ZTargetSchema).max(20),
  timeoutMs: z.number().int().min(100).max(600_000),
  maxRetries: z.number().int().min(0).max(10),
};

/** Body of POST /ai/routes. */
export const ZCreateModelRouteBodySchema = z
  .strictObject({
    name: ZRouteNameSchema,
    strategy: fields.strategy.default('round-robin'),
    targets: fields.targets,
    fallback: fields.fallback.default([]),
    timeoutMs: fields.timeoutMs.default(30_000),
    maxRetries: fields.maxRetries.default(2),
  })
  .openapi('CreateAiRouteBody');
export type TCreateModelRouteInput = z.infer<typeof ZCreateModelRouteBodySchema>;

/** Body of PATCH /ai/routes/{id}: any subset, at least one field; arrays replace. */
export const ZUpdateModelRouteBodySchema = z
  .strictObject({
    name: ZRouteNameSchema.optional(),
    strategy: fields.strategy.optional(),
    targets: fields.targets.optional(),
    fallback: fields.fallback.optional(),
    timeoutMs: fields.timeoutMs.optional(),
    maxRetries: fields.maxRetries.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' })
  .openapi('UpdateAiRouteBody');
export type TUpdateModelRouteInput = z.infer<typeof ZUpdateModelRouteBodySchema>;

export const ZModelRouteSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    strategy: z.enum(ROUTE_STRATEGIES),
    targets: z.array(ZTargetSchema),
    fallback: z.array(ZTargetSchema),
    timeoutMs: z.number().int(),
    maxRetries: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AiRoute');
export type TModelRouteView = z.infer<typeof ZModelRouteSchema>;
