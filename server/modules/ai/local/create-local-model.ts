// FlashFusion's built-in offline model: a LanguageModelV4 backed by deterministic text rules (compose-answer.ts),
// so every AI feature works with no key and no network. It answers at once: there is no simulated latency.
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { composeAnswer, type TLocalAnswer } from './compose-answer.ts';
import { tokenize } from './tokenize.ts';

export const LOCAL_MODEL_ID = 'local';

function usageOf(answer: TLocalAnswer): LanguageModelV4Usage {
  return {
    inputTokens: { total: answer.inputTokens, noCache: answer.inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: answer.outputTokens, text: answer.outputTokens, reasoning: 0 },
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Every stream part of an answer, in order. */
function streamParts(answer: TLocalAnswer): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', modelId: LOCAL_MODEL_ID },
  ];
  if (answer.text !== '') {
    parts.push({ type: 'text-start', id: 'text-0' });
    for (const delta of tokenize(answer.text)) parts.push({ type: 'text-delta', id: 'text-0', delta });
    parts.push({ type: 'text-end', id: 'text-0' });
  }
  const call = answer.toolCall;
  if (call) {
    parts.push({ type: 'tool-input-start', id: call.toolCallId, toolName: call.toolName });
    parts.push({ type: 'tool-input-delta', id: call.toolCallId, delta: call.input });
    parts.push({ type: 'tool-input-end', id: call.toolCallId });
    parts.push({ type: 'tool-call', ...call });
  }
  parts.push({
    type: 'finish',
    usage: usageOf(answer),
    finishReason: { unified: answer.finishReason, raw: answer.finishReason },
  });
  return parts;
}

/** The built-in deterministic model (provider 'local', modelId 'local'). */
export function createLocalModel(): LanguageModelV4 {
  return {
    specificationVersion: 'v4',
    provider: 'local',
    modelId: LOCAL_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options: LanguageModelV4CallOptions) {
      if (options.abortSignal?.aborted) throw abortError(options.abortSignal);
      const answer = composeAnswer(options);
      const content: LanguageModelV4Content[] = [];
      if (answer.text !== '') content.push({ type: 'text', text: answer.text });
      if (answer.toolCall) content.push({ type: 'tool-call', ...answer.toolCall });
      return {
        content,
        finishReason: { unified: answer.finishReason, raw: answer.finishReason },
        usage: usageOf(answer),
        response: { modelId: LOCAL_MODEL_ID },
        warnings: [],
      };
    },
    async doStream(options: LanguageModelV4CallOptions) {
      const signal = options.abortSignal;
      if (signal?.aborted) throw abortError(signal);
      const parts = streamParts(composeAnswer(options));
      let next = 0;
      // Pull-based: a part is produced only when the consumer asks, and an abort fails the stream at once.
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          signal?.addEventListener('abort', () => {
            try {
              controller.error(abortError(signal));
            } catch {
              // already closed: nothing left to abort
            }
          });
        },
        pull(controller) {
          if (signal?.aborted) return controller.error(abortError(signal));
          const part = parts[next++];
          if (part) controller.enqueue(part);
          if (next >= parts.length) controller.close();
        },
      });
      return { stream };
    },
  };
}
