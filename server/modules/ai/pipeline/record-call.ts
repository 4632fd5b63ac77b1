// Writes one call into ai_generations / usage_metrics with its event; a failure to record never hides the answer.

import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import type { TCallContext, TGenerateRequest, TGenerateResult } from '../types.ts';
import { recordGeneration } from '../usage/record-generation.ts';
import { promptText } from './estimate-call.ts';

export type TRecordDeps = { events: EventBus; log: Logger };

export async function recordSuccess(
  deps: TRecordDeps,
  ctx: TCallContext,
  type: string,
  request: TGenerateRequest,
  r: TGenerateResult,
): Promise<void> {
  await write(deps, {
    organizationId: ctx.organizationId,
    userId: ctx.userId,
    projectId: ctx.projectId ?? null,
    type,
    prompt: promptText(request),
    result: { text: r.text, object: r.object, toolCalls: r.toolCalls, finishReason: r.finishReason },
    model: r.model,
    provider: r.provider,
    providerKind: r.providerKind,
    route: r.route,
    attempts: r.attempts,
    tokensIn: r.usage.inputTokens,
    tokensOut: r.usage.outputTokens,
    cost: r.cost,
    latencyMs: r.latencyMs,
    cached: r.cached,
    status: 'succeeded',
  });
}

export async function recordFailure(
  deps: TRecordDeps,
  ctx: TCallContext,
  type: string,
  request: TGenerateRequest,
  failure: { error: unknown; route: string | null; partialText?: string; latencyMs: number },
): Promise<void> {
  const err = failure.error;
  const code = err instanceof AppError ? err.code : 'INTERNAL_ERROR';
  const message = err instanceof Error ? err.message : String(err);
  await write(deps, {
    organizationId: ctx.organizationId,
    userId: ctx.userId,
    projectId: ctx.projectId ?? null,
    type,
    prompt: promptText(request),
    result: failure.partialText ? { text: failure.partialText } : null,
    model: request.model ?? request.route ?? 'local',
    provider: null,
    providerKind: null,
    route: failure.route,
    tokensIn: 0,
    tokensOut: 0,
    cost: 0,
    latencyMs: failure.latencyMs,
    cached: false,
    status: 'failed',
    error: `${code}: ${message}`.slice(0, 2_000),
  });
}

async function write(deps: TRecordDeps, record: Parameters<typeof recordGeneration>[0]['record']) {
  try {
    await recordGeneration({ events: deps.events, record });
  } catch (err) {
    // The caller's answer matters more than its usage row; the failure is logged loudly for operators.
    deps.log.error({ err, organizationId: record.organizationId }, 'ai: recording a generation failed');
  }
}
