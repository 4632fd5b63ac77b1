import { z } from 'zod';

// The subset of OpenAI's chat completions request that FlashFusion serves. Unknown fields (user, seed, n…)
// are accepted and ignored, as OpenAI-compatible servers commonly do, so stock clients keep working.

const ZContentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const ZChatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(ZContentPartSchema), z.null()]).optional(),
  name: z.string().max(200).optional(),
  tool_call_id: z.string().max(200).optional(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string(),
        type: z.literal('function'),
        function: z.object({ name: z.string(), arguments: z.string() }),
      }),
    )
    .optional(),
});

export const ZChatCompletionBodySchema = z.looseObject({
  model: z.string().min(1).max(200),
  messages: z.array(ZChatMessageSchema).min(1).max(1_000),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  tools: z
    .array(
      z.looseObject({
        type: z.literal('function'),
        function: z.looseObject({
          name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
          description: z.string().max(2_000).optional(),
          parameters: z.record(z.string(), z.unknown()).optional(),
        }),
      }),
    )
    .max(64)
    .optional(),
  response_format: z
    .union([
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.looseObject({
          name: z.string(),
          schema: z.record(z.string(), z.unknown()).optional(),
        }),
      }),
    ])
    .optional(),
  /** FlashFusion extension: false skips the response cache. */
  cache: z.boolean().optional(),
});
export type TChatCompletionBody = z.infer<typeof ZChatCompletionBodySchema>;
