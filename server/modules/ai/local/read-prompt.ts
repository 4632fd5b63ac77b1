// Flattens an AI SDK prompt into what the local rules look at. Files and reasoning parts are ignored: the local
// engine reads text only, and says so in its answers rather than pretending to see images.
import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from '@ai-sdk/provider';

export interface TToolResultSeen {
  toolName: string;
  toolCallId: string;
  /** The result rendered as text (JSON for structured results). */
  text: string;
}

export interface TPromptView {
  system: string;
  /** The last user message's text: the request the answer is about. */
  request: string;
  /** Every text in the prompt, in order, as counted for input tokens. */
  allText: string;
  /** Tool results when the prompt ends with a tool message (the model must now answer with them). */
  toolResults: TToolResultSeen[];
  hasFiles: boolean;
}

function outputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    case 'execution-denied':
      return `denied${output.reason ? `: ${output.reason}` : ''}`;
    case 'content':
      return output.value.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join(' ');
  }
}

export function readPrompt(prompt: LanguageModelV4Prompt): TPromptView {
  const texts: string[] = [];
  let system = '';
  let request = '';
  let hasFiles = false;
  let toolResults: TToolResultSeen[] = [];
  for (const message of prompt) {
    if (message.role === 'system') {
      system = system ? `${system}\n${message.content}` : message.content;
      texts.push(message.content);
      continue;
    }
    const results: TToolResultSeen[] = [];
    const messageTexts: string[] = [];
    for (const part of message.content) {
      if (part.type === 'text' || part.type === 'reasoning') messageTexts.push(part.text);
      else if (part.type === 'file') hasFiles = true;
      else if (part.type === 'tool-call') messageTexts.push(`${part.toolName} ${JSON.stringify(part.input)}`);
      else if (part.type === 'tool-result') {
        const text = outputText(part.output);
        results.push({ toolName: part.toolName, toolCallId: part.toolCallId, text });
        messageTexts.push(text);
      }
    }
    texts.push(...messageTexts);
    if (message.role === 'user') request = messageTexts.join('\n');
    toolResults = message.role === 'tool' ? results : [];
  }
  return { system, request, allText: texts.join('\n'), toolResults, hasFiles };
}
