import { z } from 'zod';

/** Error codes of SPEC §2. The HTTP status travels with the response; the code is what clients branch on. */
export const ERROR_CODES = [
  'AUTHENTICATION_FAILED',
  'INSUFFICIENT_PERMISSIONS',
  'RESOURCE_NOT_FOUND',
  'VALIDATION_ERROR',
  'CONFLICT',
  'RATE_LIMIT_EXCEEDED',
  'QUOTA_EXCEEDED',
  'MODEL_UNAVAILABLE',
  'GENERATION_FAILED',
  'DEPLOYMENT_FAILED',
  'WEBHOOK_DELIVERY_FAILED',
  'INTERNAL_ERROR',
] as const;

export const ZErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(z.object({ field: z.string().optional(), message: z.string() }).loose()),
    timestamp: z.string(),
    requestId: z.string(),
  }),
});
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelopeSchema>;
