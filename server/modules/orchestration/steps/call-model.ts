// One AI gateway call on behalf of a step, with its failures turned into step outcomes. Streaming is used when
// the step's tokens should reach the run's live view (ctx.progress); the result is the same either way.
import { AppError } from '../../../platform/http/index.ts';
import type { TAiGateway, TGenerateRequest, TGenerateResult } from '../../ai/index.ts';
import type { TStepContext, TStepOutcome } from '../types.ts';

// Worth another attempt after the engine's backoff: limits that refill, upstreams that recover.
const RETRYABLE_CODES = new Set([
  'RATE_LIMIT_EXCEEDED',
  'QUOTA_EXCEEDED',
  'MODEL_UNAVAILABLE',
  'GENERATION_FAILED',
  'INTERNAL_ERROR',
]);

export type TModelCall =
  | { ok: true; result: TGenerateResult }
  | { ok: false; error: string; retryable: boolean };

export async function callModel(
  gateway: TAiGateway,
  ctx: TStepContext,
  request: TGenerateRequest,
  opts: { stream: boolean },
): Promise<TModelCall> {
  const callCtx = { organizationId: ctx.organizationId, userId: ctx.userId, signal: ctx.signal };
  try {
    if (!opts.stream) return { ok: true, result: await gateway.generate(callCtx, request) };
    const events = await gateway.stream(callCtx, request);
    for await (const event of events) {
      if (event.type === 'text-delta') ctx.progress({ type: 'tokens', delta: event.delta });
      else if (event.type === 'finish') return { ok: true, result: event.result };
      else if (event.type === 'error')
        return { ok: false, error: `${event.code}: ${event.message}`, retryable: !ctx.signal.aborted };
    }
    return { ok: false, error: 'GENERATION_FAILED: the stream ended without an answer', retryable: true };
  } catch (err) {
    if (err instanceof AppError)
      return { ok: false, error: `${err.code}: ${err.message}`, retryable: RETRYABLE_CODES.has(err.code) };
    if (ctx.signal.aborted)
      return { ok: false, error: 'model call aborted (timeout or cancellation)', retryable: true };
    return { ok: false, error: `GENERATION_FAILED: ${(err as Error).message}`, retryable: true };
  }
}

/** A failed outcome from a failed call. */
export function failedCall(call: Extract<TModelCall, { ok: false }>): TStepOutcome {
  return { status: 'failed', error: call.error, retryable: call.retryable };
}

/** What llm and agent steps output for an answer, with its tokens and cost for the run's totals. */
export function answerOutcome(result: TGenerateResult, agentId?: string): TStepOutcome {
  return {
    status: 'succeeded',
    output: {
      text: result.text,
      ...(result.object !== undefined ? { object: result.object } : {}),
      model: result.model,
      provider: result.provider,
    },
    tokens: result.usage.inputTokens + result.usage.outputTokens,
    cost: result.cost,
    ...(agentId ? { agentId } : {}),
  };
}
