// A streamed answer. Until the first content part has been yielded the call fails over like executeGenerate
// (the first `next()` either yields `start` or rejects with the AppError, so the HTTP layer can still send a
// proper error status). After that the answer is committed: a broken upstream ends the stream with exactly
// one `error` event, never a `finish`. Breaking out of the loop or aborting `signal` cancels the upstream.
import type { ReadableStreamReadResult } from 'node:stream/web';
import type {
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import type { TStreamEvent, TToolCall } from '../types.ts';
import { buildResult } from './build-result.ts';
import type { TExecuteOptions } from './execute-generate.ts';
import { openStream } from './open-stream.ts';
import { cancelQuietly, readPart } from './read-part.ts';
import { runAttempts } from './run-attempts.ts';
import { DEFAULT_RETRY_POLICY } from './types.ts';

export async function* executeStream(opts: TExecuteOptions): AsyncGenerator<TStreamEvent, void, undefined> {
  const { runtime, request } = opts;
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const started = runtime.stats.now();
  const signal = opts.signal;
  const won = await runAttempts({
    runtime,
    plan: opts.plan,
    policy,
    ...(signal ? { signal } : {}),
    tryTarget: (target, permit) =>
      openStream({ runtime, request, policy, ...(signal ? { signal } : {}), target, permit }),
  });
  const { target } = won;
  const { reader, attempt, end, buffered } = won.value;
  const id = runtime.newId();
  let text = '';
  const toolCalls: TToolCall[] = [];
  let done = false;

  // A committed stream that breaks counts against the target too (no probe: that permit was settled).
  const fail = (message: string): TStreamEvent => {
    runtime.breakers.recordFailure({ key: target.key, probe: false });
    return { type: 'error', code: 'GENERATION_FAILED', message };
  };
  const finish = (finishReason: LanguageModelV4FinishReason, usage: LanguageModelV4Usage): TStreamEvent => {
    try {
      const result = buildResult({
        answer: { id, text, toolCalls, finishReason, usage },
        target,
        route: opts.plan.route,
        wantsJson: request.responseSchema !== undefined,
        schema: request.responseSchema,
        latencyMs: runtime.stats.since(started),
        attempts: won.attempts,
      });
      return { type: 'finish', result };
    } catch (error) {
      return { type: 'error', code: 'GENERATION_FAILED', message: (error as Error).message };
    }
  };
  // Maps one upstream part to the event to yield (undefined: nothing for the consumer), marking the end.
  const toEvent = (part: LanguageModelV4StreamPart): TStreamEvent | undefined => {
    switch (part.type) {
      case 'text-delta':
        if (part.delta.length === 0) return undefined;
        text += part.delta;
        return { type: 'text-delta', delta: part.delta };
      case 'tool-call': {
        if (part.providerExecuted) return undefined;
        const toolCall = { id: part.toolCallId, name: part.toolName, arguments: part.input };
        toolCalls.push(toolCall);
        return { type: 'tool-call', toolCall };
      }
      case 'error':
        done = true;
        return fail(`upstream stream failed: ${errorMessage(part.error)}`);
      case 'finish':
        done = true;
        return part.finishReason.unified === 'interrupted'
          ? fail('upstream stream was cut before it finished')
          : finish(part.finishReason, part.usage);
      default:
        return undefined;
    }
  };

  try {
    yield {
      type: 'start',
      id,
      provider: target.provider,
      providerKind: target.providerKind,
      model: target.model,
      cached: false,
    };
    for (const part of buffered) {
      const event = toEvent(part);
      if (event) yield event;
    }
    while (!done) {
      attempt.touch();
      let r: ReadableStreamReadResult<LanguageModelV4StreamPart>;
      try {
        r = await readPart(reader, attempt.signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        done = true;
        yield fail(
          attempt.timedOut()
            ? 'upstream timed out mid-stream'
            : `upstream stream broke: ${errorMessage(error)}`,
        );
        return;
      }
      if (r.done) {
        done = true;
        yield fail('upstream stream ended without finishing');
        return;
      }
      const event = toEvent(r.value);
      if (event) yield event;
    }
  } finally {
    // Reached on completion, on error, and when the consumer breaks out or aborts: stop the upstream.
    attempt.abort();
    cancelQuietly(reader);
    attempt.dispose();
    end();
  }
}

const errorMessage = (e: unknown): string => {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e);
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
};
