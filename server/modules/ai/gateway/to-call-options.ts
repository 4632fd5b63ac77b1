// Maps the gateway's request onto the provider-level call (LanguageModelV4CallOptions). The gateway calls
// doGenerate / doStream itself instead of generateText / streamText: it must see every raw stream part
// (an error part, a finish marked "interrupted", a stream that just stops) to decide between failover and an
// error event, it wants no hidden retries or tool loops, and it saves the SDK's per-call overhead.
import type { LanguageModelV4CallOptions, LanguageModelV4Message } from '@ai-sdk/provider';
import type { TGenerateRequest, TMessage } from '../types.ts';

export function toCallOptions(
  request: TGenerateRequest,
  abortSignal: AbortSignal,
): LanguageModelV4CallOptions {
  const options: LanguageModelV4CallOptions = { prompt: request.messages.map(toPromptMessage), abortSignal };
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined) options.maxOutputTokens = request.maxOutputTokens;
  if (request.responseSchema) {
    options.responseFormat = { type: 'json', schema: request.responseSchema, name: 'response' };
  }
  if (request.tools && request.tools.length > 0) {
    options.tools = request.tools.map((t) => ({
      type: 'function' as const,
      name: t.name,
      ...(t.description === undefined ? {} : { description: t.description }),
      inputSchema: t.parameters,
    }));
    options.toolChoice = { type: 'auto' };
  }
  return options;
}

function toPromptMessage(m: TMessage): LanguageModelV4Message {
  switch (m.role) {
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      return { role: 'user', content: [{ type: 'text', text: m.content }] };
    case 'assistant':
      return { role: 'assistant', content: [{ type: 'text', text: m.content }] };
    case 'tool':
      return {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: m.toolCallId ?? '',
            toolName: m.toolName ?? '',
            output: { type: 'text', value: m.content },
          },
        ],
      };
  }
}
