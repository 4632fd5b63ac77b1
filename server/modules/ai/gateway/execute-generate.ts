// A whole (non-streamed) answer: the planned targets in order with retries, the first good answer wins.
import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import type { TGenerateRequest, TGenerateResult, TResolvedTarget, TToolCall } from '../types.ts';
import { createAttemptSignal } from './attempt-signal.ts';
import { buildResult, InvalidJsonAnswerError } from './build-result.ts';
import type { TCircuitPermit } from './circuit-breaker.ts';
import { classifyError } from './classify-error.ts';
import type { GatewayRuntime } from './gateway-runtime.ts';
import { runAttempts, type TTryResult } from './run-attempts.ts';
import { toCallOptions } from './to-call-options.ts';
import { DEFAULT_RETRY_POLICY, type TPlan, type TRetryPolicy } from './types.ts';

export interface TExecuteOptions {
  runtime: GatewayRuntime;
  plan: TPlan;
  request: TGenerateRequest;
  /** Defaults to DEFAULT_RETRY_POLICY; a route passes its own timeoutMs and maxRetries. */
  policy?: Partial<TRetryPolicy>;
  /** The caller going away (client disconnect) cancels the upstream call and any backoff wait. */
  signal?: AbortSignal;
}

/** The answer of the first target that succeeds; AppError MODEL_UNAVAILABLE / GENERATION_FAILED when none does. */
export async function executeGenerate(opts: TExecuteOptions): Promise<TGenerateResult> {
  const { runtime } = opts;
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const started = runtime.stats.now();
  const id = runtime.newId();
  const won = await runAttempts<TGenerateResult>({
    runtime,
    plan: opts.plan,
    policy,
    ...(opts.signal ? { signal: opts.signal } : {}),
    tryTarget: (target, permit) => tryGenerate({ ...opts, policy, id, target, permit }),
  });
  // Latency is what the caller waited, retries included; each attempt's own latency is in `attempts`.
  return { ...won.value, latencyMs: Math.round(runtime.stats.since(started)), attempts: won.attempts };
}

async function tryGenerate(
  opts: TExecuteOptions & {
    policy: TRetryPolicy;
    id: string;
    target: TResolvedTarget;
    permit: TCircuitPermit;
  },
): Promise<TTryResult<TGenerateResult>> {
  const { runtime, target, permit } = opts;
  const attempt = createAttemptSignal(opts.policy.timeoutMs, opts.signal);
  const end = runtime.stats.begin(target.key);
  const t0 = runtime.stats.now();
  let answer: LanguageModelV4GenerateResult;
  try {
    answer = await target.languageModel.doGenerate(toCallOptions(opts.request, attempt.signal));
  } catch (error) {
    const latencyMs = runtime.stats.since(t0);
    if (opts.signal?.aborted) {
      runtime.breakers.release(permit);
      throw opts.signal.reason;
    }
    const failure = classifyError(error, attempt.timedOut());
    if (failure.countsAgainstCircuit) runtime.breakers.recordFailure(permit);
    else runtime.breakers.recordSuccess(permit);
    // A timeout is a lower bound of the target's latency: feed it so the latency strategy learns.
    if (failure.outcome === 'timeout') runtime.stats.recordLatency(target.key, latencyMs);
    return { ok: false, failure, latencyMs };
  } finally {
    attempt.dispose();
    end();
  }
  const latencyMs = runtime.stats.since(t0);
  // The upstream answered: healthy for its circuit, whatever we make of the answer.
  runtime.breakers.recordSuccess(permit);
  runtime.stats.recordLatency(target.key, latencyMs);
  try {
    const value = buildResult({
      answer: { id: opts.id, ...contentOf(answer), finishReason: answer.finishReason, usage: answer.usage },
      target,
      route: opts.plan.route,
      wantsJson: opts.request.responseSchema !== undefined,
      schema: opts.request.responseSchema,
      latencyMs,
      attempts: [],
    });
    return { ok: true, value, latencyMs };
  } catch (error) {
    if (!(error instanceof InvalidJsonAnswerError)) throw error;
    // The answer is unusable but another target may do better.
    const failure = {
      outcome: 'error' as const,
      message: error.message,
      retryable: false,
      countsAgainstCircuit: false,
      definitive: true,
    };
    return { ok: false, failure, latencyMs };
  }
}

function contentOf(answer: LanguageModelV4GenerateResult): { text: string; toolCalls: TToolCall[] } {
  let text = '';
  const toolCalls: TToolCall[] = [];
  for (const part of answer.content) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'tool-call' && !part.providerExecuted) {
      toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
    }
  }
  return { text, toolCalls };
}
