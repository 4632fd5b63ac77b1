// The whole local answer for one call, computed up front so doGenerate and doStream give identical results.
import { createHash } from 'node:crypto';
import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { composeText } from './compose-text.ts';
import { hintsFrom, jsonFromSchema } from './json-from-schema.ts';
import { pickTool } from './pick-tool.ts';
import { readPrompt } from './read-prompt.ts';
import { countTokens, truncateTokens } from './tokenize.ts';

export interface TLocalAnswer {
  text: string;
  toolCall?: { toolCallId: string; toolName: string; input: string };
  finishReason: 'stop' | 'length' | 'tool-calls';
  inputTokens: number;
  outputTokens: number;
}

export function composeAnswer(options: LanguageModelV4CallOptions): TLocalAnswer {
  const view = readPrompt(options.prompt);
  const inputTokens = countTokens(view.allText);
  const choice = options.toolChoice;
  if (choice?.type === 'tool' && !options.tools?.some((t) => t.name === choice.toolName)) {
    throw new Error(`toolChoice names "${choice.toolName}", which is not among the given tools.`);
  }
  const tool = pickTool(options, view.request, view.toolResults.length > 0);
  if (tool) {
    const input = JSON.stringify(jsonFromSchema(tool.inputSchema, hintsFrom(view.request), tool.name));
    const digest = createHash('sha256').update(`${view.allText}\u0000${tool.name}`).digest('hex');
    return {
      text: '',
      toolCall: { toolCallId: `call_local_${digest.slice(0, 16)}`, toolName: tool.name, input },
      finishReason: 'tool-calls',
      inputTokens,
      outputTokens: countTokens(input),
    };
  }
  const format = options.responseFormat;
  const full =
    format?.type === 'json'
      ? JSON.stringify(
          jsonFromSchema(format.schema ?? { type: 'object' }, hintsFrom(view.request), format.name),
        )
      : composeText(view);
  const max = options.maxOutputTokens;
  const { text, truncated } =
    max !== undefined ? truncateTokens(full, max) : { text: full, truncated: false };
  return { text, finishReason: truncated ? 'length' : 'stop', inputTokens, outputTokens: countTokens(text) };
}
