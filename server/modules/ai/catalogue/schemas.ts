import { z } from '@hono/zod-openapi';
import { MODEL_CAPABILITIES, PROVIDER_KINDS } from '../types.ts';

export const MODEL_STATUSES = ['active', 'deprecated', 'disabled'] as const;

// Prices are US dollars per 1 000 tokens; the cap only catches a misplaced decimal point.
const ZPriceSchema = z.number().min(0).max(1000);

/** A catalogue entry: an instance model (organizationId null) or one of the organization's own. */
export const ZModelSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().nullable(),
    scope: z.enum(['instance', 'organization']),
    providerKind: z.enum(PROVIDER_KINDS),
    providerId: z.uuid().nullable(),
    model: z.string(),
    displayName: z.string(),
    description: z.string().nullable(),
    capabilities: z.array(z.enum(MODEL_CAPABILITIES)),
    contextWindow: z.number().int(),
    inputPricePer1k: z.number(),
    outputPricePer1k: z.number(),
    status: z.enum(MODEL_STATUSES),
  })
  .openapi('AiModel');
export type TModel = z.infer<typeof ZModelSchema>;

/** Body of POST /ai/models: a model served by one of the organization's providers, with its prices. */
export const ZAddModelBodySchema = z
  .strictObject({
    providerId: z.uuid(),
    model: z.string().trim().min(1).max(200),
    displayName: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).optional(),
    capabilities: z.array(z.enum(MODEL_CAPABILITIES)).min(1).default(['text']),
    contextWindow: z.number().int().min(1).max(100_000_000),
    inputPricePer1k: ZPriceSchema.default(0),
    outputPricePer1k: ZPriceSchema.default(0),
    status: z.enum(MODEL_STATUSES).default('active'),
  })
  .openapi('AddAiModelBody');
export type TAddModelInput = z.infer<typeof ZAddModelBodySchema>;

/** Body of PATCH /ai/models/{id}: status and prices, at least one. */
export const ZUpdateModelBodySchema = z
  .strictObject({
    status: z.enum(MODEL_STATUSES).optional(),
    inputPricePer1k: ZPriceSchema.optional(),
    outputPricePer1k: ZPriceSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' })
  .openapi('UpdateAiModelBody');
export type TUpdateModelInput = z.infer<typeof ZUpdateModelBodySchema>;
