import type { TGenerateRequest, TMessage } from '../types.ts';
import type { TChatCompletionBody } from './chat-schemas.ts';

/** Names a route instead of a model: `route:<name>`. */
export const ROUTE_MODEL_PREFIX = 'route:';

type TChatMessage = TChatCompletionBody['messages'][number];

function textOf(content: TChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content
    .map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join('\n');
}

function toMessages(messages: TChatMessage[]): TMessage[] {
  const out: TMessage[] = [];
  for (const m of messages) {
    if (m.role === 'tool') {
      out.push({
        role: 'tool',
        content: textOf(m.content),
        toolCallId: m.tool_call_id ?? '',
        toolName: m.name ?? '',
      });
      continue;
    }
    // An assistant turn that only called tools is carried as its calls, so the model sees what it asked for.
    const calls = m.role === 'assistant' && m.tool_calls?.length ? JSON.stringify(m.tool_calls) : '';
    out.push({ role: m.role === 'developer' ? 'system' : m.role, content: textOf(m.content) || calls });
  }
  return out;
}

/** An OpenAI chat completions body as the gateway's request. */
export function toGatewayRequest(body: TChatCompletionBody): TGenerateRequest {
  const target = body.model.startsWith(ROUTE_MODEL_PREFIX)
    ? { route: body.model.slice(ROUTE_MODEL_PREFIX.length) }
    : { model: body.model };
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens ?? undefined;
  const format = body.response_format;
  const responseSchema =
    format?.type === 'json_schema'
      ? (format.json_schema.schema ?? { type: 'object' })
      : format?.type === 'json_object'
        ? { type: 'object' }
        : undefined;
  return {
    ...target,
    messages: toMessages(body.messages),
    ...(responseSchema ? { responseSchema } : {}),
    ...(body.tools?.length
      ? {
          tools: body.tools.map((t) => ({
            name: t.function.name,
            ...(t.function.description ? { description: t.function.description } : {}),
            parameters: t.function.parameters ?? { type: 'object', properties: {} },
          })),
        }
      : {}),
    ...(body.temperature != null ? { temperature: body.temperature } : {}),
    ...(maxOutputTokens ? { maxOutputTokens } : {}),
    ...(body.cache !== undefined ? { cache: body.cache } : {}),
  };
}
