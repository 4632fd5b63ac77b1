// The llm step: a system and a user message through the AI gateway (a model or a named route), its tokens
// streamed to the run's live view, its usage added to the run.
import type { TAiGateway, TGenerateRequest } from '../../ai/index.ts';
import type { TLlmStep, TStepContext, TStepOutcome } from '../types.ts';
import { answerOutcome, callModel, failedCall } from './call-model.ts';

export async function executeLlm(
  gateway: TAiGateway,
  ctx: TStepContext,
  step: Pick<TLlmStep, 'model' | 'route' | 'system' | 'prompt' | 'responseSchema' | 'maxOutputTokens'>,
): Promise<TStepOutcome> {
  if (typeof step.prompt !== 'string' || !step.prompt.trim())
    return { status: 'failed', error: 'the prompt is empty', retryable: false };
  const request: TGenerateRequest = {
    ...(step.route ? { route: step.route } : { model: step.model ?? 'local' }),
    messages: [
      ...(step.system?.trim() ? [{ role: 'system' as const, content: step.system }] : []),
      { role: 'user' as const, content: step.prompt },
    ],
    ...(step.responseSchema ? { responseSchema: step.responseSchema } : {}),
    ...(step.maxOutputTokens ? { maxOutputTokens: step.maxOutputTokens } : {}),
  };
  const call = await callModel(gateway, ctx, request, { stream: true });
  return call.ok ? answerOutcome(call.result) : failedCall(call);
}
