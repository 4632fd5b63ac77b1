import type { TGenerateResult, TToolCall } from '../types.ts';

// FlashFusion's answers in OpenAI's chat completions shapes.

const FINISH: Record<TGenerateResult['finishReason'], string> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
  error: 'stop',
  other: 'stop',
};

export const openAiFinishReason = (reason: TGenerateResult['finishReason']) => FINISH[reason];

const toolCallsOf = (calls: TToolCall[]) =>
  calls.map((t) => ({
    id: t.id,
    type: 'function' as const,
    function: { name: t.name, arguments: t.arguments },
  }));

export const openAiUsage = (r: TGenerateResult) => ({
  prompt_tokens: r.usage.inputTokens,
  completion_tokens: r.usage.outputTokens,
  total_tokens: r.usage.inputTokens + r.usage.outputTokens,
});

/** The `chat.completion` object of a finished answer; `model` is what answered, as OpenAI reports it. */
export function toChatCompletion(r: TGenerateResult, created: number) {
  return {
    id: `chatcmpl-${r.id}`,
    object: 'chat.completion' as const,
    created,
    model: r.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: r.toolCalls.length && !r.text ? null : r.text,
          ...(r.toolCalls.length ? { tool_calls: toolCallsOf(r.toolCalls) } : {}),
          refusal: null,
        },
        logprobs: null,
        finish_reason: openAiFinishReason(r.finishReason),
      },
    ],
    usage: openAiUsage(r),
  };
}

/** One `chat.completion.chunk` with the given delta (and finish reason on the last one). */
export function toChunk(
  id: string,
  model: string,
  created: number,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
) {
  return {
    id: `chatcmpl-${id}`,
    object: 'chat.completion.chunk' as const,
    created,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

/** Response headers telling which target answered, whether from cache, and what it cost. */
export function gatewayHeaders(r: Pick<TGenerateResult, 'provider' | 'model' | 'cached' | 'cost'>) {
  return {
    'X-FlashFusion-Provider': r.provider,
    'X-FlashFusion-Model': r.model,
    'X-FlashFusion-Cached': String(r.cached),
    'X-FlashFusion-Cost': r.cost.toFixed(6),
  };
}
