// Writes one call into ai_generations / usage_metrics with its event; a failure to record never hides the answer.

import type { TTx } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import type { TCallContext, TGenerateRequest, TGenerateResult } from '../types.ts';
import { type TGenerationRecord, writeGeneration } from '../usage/record-generation.ts';
import { promptText } from './estimate-call.ts';

export type TRecordDeps = { events: EventBus; log: Logger };

export async function recordSuccess(
  deps: TRecordDeps,
  ctx: TCallContext,
  type: string,
  request: TGenerateRequest,
  r: TGenerateResult,
  /** More work for the same transaction (settling the budget), so the call is recorded and charged at once. */
  alsoIn?: (tx: TTx) => Promise<void>,
): Promise<void> {
  await write(deps, alsoIn, {
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
  alsoIn?: (tx: TTx) => Promise<void>,
): Promise<void> {
  const err = failure.error;
  const code = err instanceof AppError ? err.code : 'INTERNAL_ERROR';
  const message = err instanceof Error ? err.message : String(err);
  await write(deps, alsoIn, {
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

async function write(
  deps: TRecordDeps,
  alsoIn: ((tx: TTx) => Promise<void>) | undefined,
  record: TGenerationRecord,
) {
  try {
    // A tenant transaction: the rows and the event pass the organization's row-level security policies.
    await deps.events.transaction(
      async (tx, emit) => {
        await alsoIn?.(tx);
        await writeGeneration(tx, emit, record);
      },
      { organizationId: record.organizationId },
    );
  } catch (err) {
    // The caller's answer matters more than its usage row; the failure is logged loudly for operators.
    deps.log.error({ err, organizationId: record.organizationId }, 'ai: recording a generation failed');
  }
}
