// What a call may cost at most, reserved against the budget before it runs (SPEC §3).
import { countTokens } from '../local/index.ts';
import type { TGenerateRequest, TResolvedTarget } from '../types.ts';

/**
 * The output cap a call gets when it sets none. Reserving needs a bound: with it the real output can never
 * exceed what was reserved, so concurrent calls cannot overspend by their answers' length.
 */
export const DEFAULT_MAX_OUTPUT_TOKENS = 4_096;

/**
 * An upper estimate of the input: providers' tokenizers differ from ours, so the larger of our count and
 * one token per three characters (dense text, code and non-Latin scripts tokenise finer than words).
 */
export function estimateInputTokens(request: TGenerateRequest): number {
  const text = [
    ...request.messages.map((m) => m.content),
    request.responseSchema ? JSON.stringify(request.responseSchema) : '',
    request.tools ? JSON.stringify(request.tools) : '',
  ].join('\n');
  // Each message carries a few tokens of framing (role, separators) at every provider.
  return Math.max(countTokens(text), Math.ceil(text.length / 3)) + 4 * request.messages.length;
}

/** Tokens and dollars to reserve: input estimate plus the output cap, priced at the dearest target. */
export function estimateCall(
  request: TGenerateRequest,
  targets: TResolvedTarget[],
): { inputTokens: number; outputTokens: number; tokens: number; cost: number } {
  const inputTokens = estimateInputTokens(request);
  const outputTokens = request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const cost = Math.max(
    0,
    ...targets.map(
      (t) => (inputTokens / 1000) * t.inputPricePer1k + (outputTokens / 1000) * t.outputPricePer1k,
    ),
  );
  return { inputTokens, outputTokens, tokens: inputTokens + outputTokens, cost: Math.ceil(cost * 1e6) / 1e6 };
}

/** The prompt as stored in ai_generations: one `role: content` line per message. */
export function promptText(request: TGenerateRequest): string {
  return request.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
}
