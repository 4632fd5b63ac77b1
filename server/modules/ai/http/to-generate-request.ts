import type { TGenerateBody } from '../../../../contracts/ai.ts';
import type { TGenerateRequest, TMessage } from '../types.ts';

/** The validated body of POST /ai/generate as the gateway's request: prompt and system become messages. */
export function toGenerateRequest(body: TGenerateBody): TGenerateRequest {
  const messages: TMessage[] = [];
  if (body.system) messages.push({ role: 'system', content: body.system });
  if (body.prompt !== undefined) messages.push({ role: 'user', content: body.prompt });
  else messages.push(...(body.messages ?? []));
  return {
    ...(body.route ? { route: body.route } : {}),
    ...(body.model ? { model: body.model } : {}),
    messages,
    ...(body.responseSchema ? { responseSchema: body.responseSchema } : {}),
    ...(body.tools ? { tools: body.tools } : {}),
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.maxOutputTokens !== undefined ? { maxOutputTokens: body.maxOutputTokens } : {}),
    ...(body.cache !== undefined ? { cache: body.cache } : {}),
  };
}
