import { z } from 'zod';

// The AI gateway's wire shapes (SPEC §4), shared by the server's validation and the web app.

export const ZAiMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string().max(1_000_000),
  toolCallId: z.string().max(200).optional(),
  toolName: z.string().max(200).optional(),
});

export const ZAiToolSchema = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'letters, digits, _ and -, at most 64'),
  description: z.string().max(2_000).optional(),
  parameters: z.record(z.string(), z.unknown()),
});

export const ZGenerateBodySchema = z
  .object({
    route: z.string().min(1).max(100).optional(),
    model: z.string().min(1).max(200).optional(),
    prompt: z.string().min(1).max(1_000_000).optional(),
    system: z.string().max(100_000).optional(),
    messages: z.array(ZAiMessageSchema).min(1).max(1_000).optional(),
    responseSchema: z.record(z.string(), z.unknown()).optional(),
    tools: z.array(ZAiToolSchema).max(64).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
    stream: z.boolean().optional(),
    cache: z.boolean().optional(),
    projectId: z.uuid().optional(),
  })
  .refine((b) => (b.prompt === undefined) !== (b.messages === undefined), {
    message: 'give exactly one of prompt or messages',
    path: ['prompt'],
  })
  .refine((b) => !(b.route && b.model), { message: 'give a route or a model, not both', path: ['route'] });
export type TGenerateBody = z.infer<typeof ZGenerateBodySchema>;

const ZToolCallSchema = z.object({ id: z.string(), name: z.string(), arguments: z.string() });
const ZUsageSchema = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() });

export const ZGenerateResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  object: z.unknown().optional(),
  toolCalls: z.array(ZToolCallSchema),
  finishReason: z.enum(['stop', 'length', 'tool-calls', 'content-filter', 'error', 'other']),
  usage: ZUsageSchema,
  cost: z.number(),
  latencyMs: z.number(),
  cached: z.boolean(),
  provider: z.string(),
  providerKind: z.enum(['local', 'openai', 'anthropic', 'openai-compatible']),
  model: z.string(),
  route: z.string().nullable(),
  attempts: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      outcome: z.enum(['ok', 'error', 'timeout', 'circuit-open']),
      error: z.string().optional(),
      status: z.number().optional(),
      latencyMs: z.number(),
    }),
  ),
});
