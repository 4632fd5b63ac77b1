// Phase one of a streamed answer: open the upstream stream and read until its first content (a text delta,
// a tool call, or a finish with nothing in it). Nothing has reached the consumer yet, so any failure here —
// refused connection, 5xx, an error part, a stream that stops early — is an ordinary failed attempt.
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { TGenerateRequest, TResolvedTarget } from '../types.ts';
import { type AttemptSignal, createAttemptSignal } from './attempt-signal.ts';
import type { TCircuitPermit } from './circuit-breaker.ts';
import { classifyError } from './classify-error.ts';
import type { GatewayRuntime } from './gateway-runtime.ts';
import { cancelQuietly, readPart, type TPartReader } from './read-part.ts';
import type { TTryResult } from './run-attempts.ts';
import { toCallOptions } from './to-call-options.ts';
import type { TRetryPolicy } from './types.ts';

/** A stream that produced content and is now the call's answer. */
export interface TOpenStream {
  reader: TPartReader;
  attempt: AttemptSignal;
  /** Ends the target's in-flight mark; call once the stream is done. */
  end: () => void;
  /** The parts read so far, the last one being the first content part. */
  buffered: LanguageModelV4StreamPart[];
}

class StreamBrokeEarly extends Error {}

const isContent = (p: LanguageModelV4StreamPart): boolean =>
  (p.type === 'text-delta' && p.delta.length > 0) || p.type === 'tool-call' || p.type === 'finish';

export async function openStream(opts: {
  runtime: GatewayRuntime;
  request: TGenerateRequest;
  policy: TRetryPolicy;
  signal?: AbortSignal;
  target: TResolvedTarget;
  permit: TCircuitPermit;
}): Promise<TTryResult<TOpenStream>> {
  const { runtime, target, permit } = opts;
  const attempt = createAttemptSignal(opts.policy.timeoutMs, opts.signal);
  const end = runtime.stats.begin(target.key);
  const t0 = runtime.stats.now();
  let reader: TPartReader | undefined;
  try {
    const { stream } = await target.languageModel.doStream(toCallOptions(opts.request, attempt.signal));
    reader = stream.getReader();
    const buffered: LanguageModelV4StreamPart[] = [];
    // No touch() here: until the first content the timeout bounds the whole attempt, so an upstream that
    // trickles keep-alives but never answers still fails over in time.
    for (;;) {
      const r = await readPart(reader, attempt.signal);
      if (r.done) throw new StreamBrokeEarly('upstream stream ended before any content');
      const part = r.value;
      if (part.type === 'error')
        throw part.error instanceof Error ? part.error : new StreamBrokeEarly(String(part.error));
      if (part.type === 'finish' && part.finishReason.unified === 'interrupted') {
        throw new StreamBrokeEarly('upstream stream ended before any content');
      }
      buffered.push(part);
      if (isContent(part)) break;
    }
    // Time to first content is the latency that matters for a stream.
    const latencyMs = runtime.stats.since(t0);
    runtime.breakers.recordSuccess(permit);
    runtime.stats.recordLatency(target.key, latencyMs);
    return { ok: true, value: { reader, attempt, end, buffered }, latencyMs };
  } catch (error) {
    const latencyMs = runtime.stats.since(t0);
    if (reader) cancelQuietly(reader);
    attempt.dispose();
    end();
    if (opts.signal?.aborted) {
      runtime.breakers.release(permit);
      throw opts.signal.reason;
    }
    const failure = classifyError(error, attempt.timedOut());
    if (failure.countsAgainstCircuit) runtime.breakers.recordFailure(permit);
    else runtime.breakers.recordSuccess(permit);
    if (failure.outcome === 'timeout') runtime.stats.recordLatency(target.key, latencyMs);
    return { ok: false, failure, latencyMs };
  }
}
