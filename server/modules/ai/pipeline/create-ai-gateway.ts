// The AI pipeline (SPEC §4): resolve targets → cache → budget reservation → hourly quota → resilient call →
// settle, record, cache. One per process; its runtime holds the breakers and load figures of that process.
import type { Cache } from '../../../platform/cache/index.ts';
import type { TReservation } from '../budgets/month.ts';
import { reserveBudget } from '../budgets/reserve-budget.ts';
import { releaseBudget, settleBudgetIn } from '../budgets/settle-budget.ts';
import {
  cacheKey,
  createGatewayRuntime,
  createResponseCache,
  executeGenerate,
  type GatewayRuntime,
  schemaValidator,
  targetsSignature,
} from '../gateway/index.ts';
import type {
  TAiGateway,
  TCallContext,
  TGenerateRequest,
  TGenerateResult,
  TQuotaState,
  TTarget,
} from '../types.ts';

/** The bookkeeping key of a target, the same as a resolved target's `key`. */
const targetKey = (t: TTarget) => ({ key: `${t.provider}:${t.model}` });

import { DEFAULT_MAX_OUTPUT_TOKENS, estimateCall } from './estimate-call.ts';
import { recordFailure, recordSuccess, type TRecordDeps } from './record-call.ts';
import { nameTargets, resolvePlanInput, type TResolveDeps } from './resolve-plan-input.ts';
import { streamCall } from './stream-call.ts';

export type TAiGatewayDeps = TResolveDeps &
  TRecordDeps & {
    cache: Cache;
    /**
     * Takes one AI generation from the organization's hourly plan quota and says what is left (null: no
     * quota); throws QUOTA_EXCEEDED when none is left.
     */
    admitGeneration: (organizationId: string) => Promise<TQuotaState | null>;
    runtime?: GatewayRuntime;
  };

/** Everything a call needs once admitted: its plan, retry policy, cache key and budget reservation. */
export interface TAdmittedCall {
  request: TGenerateRequest;
  plan: ReturnType<GatewayRuntime['planner']['plan']>;
  policy: Parameters<typeof executeGenerate>[0]['policy'];
  key: string | null;
  reservation: TReservation;
  started: number;
}

export function createAiGateway(deps: TAiGatewayDeps): TAiGateway & { runtime: GatewayRuntime } {
  const runtime = deps.runtime ?? createGatewayRuntime();
  const responses = createResponseCache({ cache: deps.cache });

  /** Up to the reservation; returns a cached answer instead when there is one. */
  async function admit(
    ctx: TCallContext,
    asked: TGenerateRequest,
  ): Promise<{ cached: TGenerateResult } | { call: TAdmittedCall }> {
    const started = performance.now();
    // Every call gets an output cap: the reservation below must bound what the answer can cost.
    const request = { ...asked, maxOutputTokens: asked.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS };
    // A schema that cannot be compiled is the caller's mistake: refused before any target is tried.
    if (request.responseSchema) schemaValidator(request.responseSchema);
    const named = await nameTargets(deps, ctx.organizationId, request);
    // The cache is asked before any target is made callable: a hit needs no provider, key or price.
    const signature = targetsSignature([...named.targets, ...named.fallback].map(targetKey));
    const key = asked.cache === false ? null : cacheKey(ctx.organizationId, request, signature);
    if (key) {
      const hit = await responses.get(key);
      if (hit) return { cached: { ...hit, id: runtime.newId(), route: named.routeName } };
    }
    const input = await resolvePlanInput(deps, ctx.organizationId, named);
    const plan = runtime.planner.plan(input);
    const all = [...input.targets.map((t) => t.target), ...input.fallback];
    const policy = named.policy;
    const estimate = estimateCall(request, all);
    // The budget first: a call the monthly budget refuses must not use up one of the hour's generations.
    const reservation = await reserveBudget({
      db: deps.db,
      organizationId: ctx.organizationId,
      tokens: estimate.tokens,
      cost: estimate.cost,
    });
    let quota: TQuotaState | null;
    try {
      quota = await deps.admitGeneration(ctx.organizationId);
    } catch (err) {
      // Refused by the hourly quota: the estimate goes back to the budget.
      await releaseBudget({ db: deps.db, reservation });
      throw err;
    }
    if (quota) ctx.onQuota?.(quota);
    return { call: { request, plan, policy, key, reservation, started } };
  }

  async function finish(ctx: TCallContext, type: string, call: TAdmittedCall, result: TGenerateResult) {
    const actual = { tokens: result.usage.inputTokens + result.usage.outputTokens, cost: result.cost };
    await recordSuccess(deps, ctx, type, call.request, result, (tx) =>
      settleBudgetIn(tx, call.reservation, actual),
    );
    if (call.key) await responses.set(call.key, result);
  }

  async function fail(
    ctx: TCallContext,
    type: string,
    call: TAdmittedCall,
    error: unknown,
    partialText = '',
  ) {
    const failure = {
      error,
      route: call.plan.route,
      partialText,
      latencyMs: Math.round(performance.now() - call.started),
    };
    // Nothing is charged for a failed call: its reservation is given back with the record.
    await recordFailure(deps, ctx, type, call.request, failure, (tx) =>
      settleBudgetIn(tx, call.reservation, { tokens: 0, cost: 0 }),
    );
  }

  return {
    runtime,
    async generate(ctx, request) {
      const admitted = await admit(ctx, request);
      if ('cached' in admitted) {
        await recordSuccess(deps, ctx, 'generate', request, admitted.cached);
        return admitted.cached;
      }
      const { call } = admitted;
      let result: TGenerateResult;
      try {
        result = await executeGenerate({
          runtime,
          plan: call.plan,
          request: call.request,
          policy: call.policy,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
      } catch (err) {
        await fail(ctx, 'generate', call, err);
        throw err;
      }
      await finish(ctx, 'generate', call, result);
      return result;
    },
    async stream(ctx, request) {
      const admitted = await admit(ctx, request);
      if ('cached' in admitted) {
        await recordSuccess(deps, ctx, 'stream', request, admitted.cached);
        return replay(admitted.cached);
      }
      return streamCall({
        runtime,
        ctx,
        call: admitted.call,
        onFinish: (result) => finish(ctx, 'stream', admitted.call, result),
        onFail: (err, partial) => fail(ctx, 'stream', admitted.call, err, partial),
      });
    },
  };
}

/** A cached answer as a stream: start, its text in one delta, its tool calls, finish. */
async function* replay(r: TGenerateResult) {
  yield {
    type: 'start' as const,
    id: r.id,
    provider: r.provider,
    providerKind: r.providerKind,
    model: r.model,
    cached: true,
  };
  if (r.text) yield { type: 'text-delta' as const, delta: r.text };
  for (const toolCall of r.toolCalls) yield { type: 'tool-call' as const, toolCall };
  yield { type: 'finish' as const, result: r };
}
