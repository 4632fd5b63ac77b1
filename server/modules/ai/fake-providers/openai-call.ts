// Reads an OpenAI chat-completions request body into the provider-neutral TFakeCall, or says what is wrong.
import type { TFakeCall, TFakeTool } from './fake-answer.ts';

type TJson = Record<string, unknown>;
const isObject = (v: unknown): v is TJson => typeof v === 'object' && v !== null && !Array.isArray(v);

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p): p is TJson => isObject(p) && p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text as string)
    .join('\n');
}

function toolChoiceOf(raw: unknown): TFakeCall['toolChoice'] {
  if (raw === 'none' || raw === 'required' || raw === 'auto') return raw;
  if (isObject(raw) && isObject(raw.function) && typeof raw.function.name === 'string') {
    return { name: raw.function.name };
  }
  return 'auto';
}

export function readOpenAICall(body: unknown): TFakeCall | string {
  if (!isObject(body)) return 'The request body must be a JSON object.';
  if (typeof body.model !== 'string' || body.model === '') return "'model' is required.";
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return "'messages' must be a non-empty array.";
  const texts: string[] = [];
  let lastUserText = '';
  let toolResult: string | undefined;
  for (const message of body.messages) {
    if (!isObject(message) || typeof message.role !== 'string') return 'Each message needs a role.';
    const text = contentText(message.content);
    texts.push(text);
    if (Array.isArray(message.tool_calls)) texts.push(JSON.stringify(message.tool_calls));
    if (message.role === 'user') lastUserText = text;
    toolResult = message.role === 'tool' ? text : undefined;
  }
  const tools: TFakeTool[] = [];
  for (const t of Array.isArray(body.tools) ? body.tools : []) {
    if (!isObject(t) || !isObject(t.function) || typeof t.function.name !== 'string') {
      return "Each tool needs 'function.name'.";
    }
    const description = typeof t.function.description === 'string' ? t.function.description : undefined;
    tools.push({ name: t.function.name, description, parameters: t.function.parameters });
  }
  const max = body.max_completion_tokens ?? body.max_tokens;
  return {
    model: body.model,
    lastUserText,
    toolResult,
    allText: texts.join('\n'),
    tools,
    toolChoice: toolChoiceOf(body.tool_choice),
    maxTokens: typeof max === 'number' ? max : undefined,
  };
}
