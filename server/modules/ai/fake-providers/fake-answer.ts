// The deterministic answer both fake providers give, from a provider-neutral view of the request: an echo of the
// last user message ("Echo: …", or `reply(text)` when configured), a tool call when the request makes one due,
// or a report of the tool result when the conversation ends with one. Usage uses the local tokenizer.
import { createHash } from 'node:crypto';
import { hintsFrom, jsonFromSchema } from '../local/json-from-schema.ts';
import { countTokens, truncateTokens } from '../local/tokenize.ts';

export interface TFakeTool {
  name: string;
  description?: string;
  parameters: unknown;
}

export interface TFakeCall {
  model: string;
  lastUserText: string;
  /** Text of the tool result when the conversation ends with one. */
  toolResult?: string;
  allText: string;
  tools: TFakeTool[];
  toolChoice: 'auto' | 'none' | 'required' | { name: string };
  maxTokens?: number;
}

export interface TFakeAnswer {
  text: string;
  toolCall?: { id: string; name: string; arguments: string };
  finish: 'stop' | 'length' | 'tool';
  inputTokens: number;
  outputTokens: number;
}

function dueTool(call: TFakeCall): TFakeTool | undefined {
  const choice = call.toolChoice;
  if (choice === 'none' || call.tools.length === 0) return undefined;
  if (typeof choice === 'object') return call.tools.find((t) => t.name === choice.name);
  if (choice === 'required') return call.tools[0];
  // 'auto': a tool is called when the user's message names it and no tool result is pending.
  if (call.toolResult !== undefined) return undefined;
  const said = call.lastUserText.toLowerCase();
  return call.tools.find((t) => said.includes(t.name.toLowerCase()));
}

export function fakeAnswer(call: TFakeCall, reply?: (text: string) => string): TFakeAnswer {
  const inputTokens = countTokens(call.allText);
  const tool = dueTool(call);
  if (tool) {
    const args = JSON.stringify(
      jsonFromSchema(tool.parameters ?? { type: 'object' }, hintsFrom(call.lastUserText)),
    );
    const id = createHash('sha256').update(`${call.allText}\u0000${tool.name}`).digest('hex').slice(0, 16);
    return {
      text: '',
      toolCall: { id: `call_${id}`, name: tool.name, arguments: args },
      finish: 'tool',
      inputTokens,
      outputTokens: countTokens(args),
    };
  }
  const full =
    call.toolResult !== undefined
      ? `Tool result: ${call.toolResult}`
      : (reply?.(call.lastUserText) ?? `Echo: ${call.lastUserText}`);
  const { text, truncated } =
    call.maxTokens !== undefined ? truncateTokens(full, call.maxTokens) : { text: full, truncated: false };
  return { text, finish: truncated ? 'length' : 'stop', inputTokens, outputTokens: countTokens(text) };
}
