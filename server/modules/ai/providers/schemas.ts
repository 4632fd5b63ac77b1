import { z } from '@hono/zod-openapi';

export const CREDENTIAL_KINDS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type TCredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Where each kind answers when no base URL is given (the AI SDK's defaults, with the version path). */
export const DEFAULT_BASE_URL: Record<Exclude<TCredentialKind, 'openai-compatible'>, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
};

// An http(s) URL without credentials in it: a key belongs in apiKey (sealed), never in a URL stored in clear.
export const ZBaseUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: 'Must be an http(s) URL without user or password' },
  );

// Keys travel in a header (Authorization, x-api-key), which carries bytes, not text: a key with `…` or a space
// (the README's literal `sk-…`, a pasted line) would be stored and then fail every call with a ByteString error.
export const ZApiKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .regex(/^[\x21-\x7e]+$/, {
    message: 'Must be the key itself: printable ASCII without spaces (a placeholder like sk-… is not a key)',
  });

/** Body of POST /ai/providers. Unknown fields are refused. */
export const ZCreateProviderBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(CREDENTIAL_KINDS),
    baseUrl: ZBaseUrlSchema.optional(),
    apiKey: ZApiKeySchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'openai-compatible' && !v.baseUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: 'Required for openai-compatible providers',
      });
    }
    if (v.kind !== 'openai-compatible' && !v.apiKey) {
      ctx.addIssue({ code: 'custom', path: ['apiKey'], message: `Required for ${v.kind} providers` });
    }
  })
  .openapi('CreateAiProviderBody');
export type TCreateProviderInput = z.infer<typeof ZCreateProviderBodySchema>;

/** A provider as the API shows it: the key only as a hint. */
export const ZProviderSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    kind: z.enum(CREDENTIAL_KINDS),
    baseUrl: z.string().nullable(),
    apiKeyHint: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AiProvider');
export type TProvider = z.infer<typeof ZProviderSchema>;

export const ZConnectionResultSchema = z
  .object({
    ok: z.boolean(),
    latencyMs: z.number(),
    /** The upstream HTTP status, when it answered. */
    status: z.number().int().optional(),
    /** Models the upstream listed, when it did. */
    models: z.number().int().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
  })
  .openapi('AiProviderConnectionResult');
export type TConnectionResult = z.infer<typeof ZConnectionResultSchema>;

export const ZIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
