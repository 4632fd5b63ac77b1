import { z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '../../permissions/index.ts';
import { ZApiKeySchema } from '../api-key-record.ts';

export const ZCreateApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .max(API_KEY_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'Scopes must not repeat'),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const ZApiKeyResponseSchema = ZApiKeySchema.openapi('ApiKey');

export const ZCreateApiKeyResponseSchema = z.object({
  key: z
    .string()
    .openapi({ description: 'The key itself (`ff_…`). Shown this once; only its hash is kept.' }),
  apiKey: ZApiKeyResponseSchema,
});

export const ZApiKeyIdParamsSchema = z.object({ id: z.uuid() });

export { errorResponses } from '../../../../platform/http/index.ts';
