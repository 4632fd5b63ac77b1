// Which tool the local engine calls, if any. A tool matches when words of its name (split at _ - and camelCase)
// or description appear in the request (after crude stemming); the highest overlap wins, ties by tool order.
// toolChoice: 'none' → never; { type: 'tool' } → that tool; 'required' → best match, else the first tool;
// 'auto' (default) → the best match only if it overlaps at all. After tool results the engine answers in text,
// unless a tool call is required.
import type { LanguageModelV4CallOptions, LanguageModelV4FunctionTool } from '@ai-sdk/provider';
import { stem, words } from './key-terms.ts';

const IGNORED = new Set([
  'the',
  'and',
  'for',
  'with',
  'get',
  'set',
  'tool',
  'function',
  'from',
  'that',
  'this',
]);

function toolWords(tool: LanguageModelV4FunctionTool): Set<string> {
  const name = tool.name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  const all = words(`${name} ${tool.description ?? ''}`).filter((w) => w.length > 2 && !IGNORED.has(w));
  return new Set(all.map(stem));
}

export function pickTool(
  options: Pick<LanguageModelV4CallOptions, 'tools' | 'toolChoice'>,
  request: string,
  afterToolResult: boolean,
): LanguageModelV4FunctionTool | undefined {
  const tools = (options.tools ?? []).filter((t): t is LanguageModelV4FunctionTool => t.type === 'function');
  const choice = options.toolChoice ?? { type: 'auto' };
  if (tools.length === 0 || choice.type === 'none') return undefined;
  if (choice.type === 'tool') return tools.find((t) => t.name === choice.toolName);
  if (afterToolResult && choice.type !== 'required') return undefined;
  const said = new Set(words(request).map(stem));
  let best: LanguageModelV4FunctionTool | undefined;
  let bestScore = 0;
  for (const tool of tools) {
    let score = 0;
    for (const w of toolWords(tool)) if (said.has(w)) score += 1;
    if (score > bestScore) [best, bestScore] = [tool, score];
  }
  return best ?? (choice.type === 'required' ? tools[0] : undefined);
}
