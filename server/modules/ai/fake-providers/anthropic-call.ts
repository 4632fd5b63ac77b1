// Reads an Anthropic Messages request body into the provider-neutral TFakeCall, or says what is wrong.
import type { TFakeCall, TFakeTool } from './fake-answer.ts';

type TJson = Record<string, unknown>;
const isObject = (v: unknown): v is TJson => typeof v === 'object' && v !== null && !Array.isArray(v);

function blocksText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isObject)
    .map((b) => {
      if (b.type === 'text' && typeof b.text === 'string') return b.text;
      if (b.type === 'tool_use') return JSON.stringify(b.input);
      if (b.type === 'tool_result') return blocksText(b.content);
      return '';
    })
    .join('\n');
}

function toolChoiceOf(raw: unknown): TFakeCall['toolChoice'] {
  if (!isObject(raw)) return 'auto';
  if (raw.type === 'none') return 'none';
  if (raw.type === 'any') return 'required';
  if (raw.type === 'tool' && typeof raw.name === 'string') return { name: raw.name };
  return 'auto';
}

export function readAnthropicCall(body: unknown): TFakeCall | string {
  if (!isObject(body)) return 'The request body must be a JSON object.';
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'messages: at least one message is required';
  const texts = [blocksText(body.system)];
  let lastUserText = '';
  let toolResult: string | undefined;
  for (const message of body.messages) {
    if (!isObject(message) || (message.role !== 'user' && message.role !== 'assistant')) {
      return "messages: each message needs role 'user' or 'assistant'";
    }
    const blocks = Array.isArray(message.content) ? message.content.filter(isObject) : [];
    const results = blocks.filter((b) => b.type === 'tool_result');
    const text = blocksText(message.content);
    texts.push(text);
    if (message.role === 'user' && results.length === 0) lastUserText = text;
    toolResult = results.length > 0 ? results.map((b) => blocksText(b.content)).join('\n') : undefined;
  }
  const tools: TFakeTool[] = [];
  for (const t of Array.isArray(body.tools) ? body.tools : []) {
    if (!isObject(t) || typeof t.name !== 'string') return 'tools: each tool needs a name';
    tools.push({
      name: t.name,
      description: t.description as string | undefined,
      parameters: t.input_schema,
    });
  }
  return {
    model: body.model,
    lastUserText,
    toolResult,
    allText: texts.filter((t) => t !== '').join('\n'),
    tools,
    toolChoice: toolChoiceOf(body.tool_choice),
    maxTokens: body.max_tokens,
  };
}
