// Assembles a TGenerateResult from what a target answered, pricing it with the target's catalogue prices.
import type { LanguageModelV4FinishReason, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { TAttempt, TGenerateResult, TResolvedTarget, TToolCall } from '../types.ts';
import { schemaViolation } from './json-schema.ts';

export interface TAnswer {
  id: string;
  text: string;
  toolCalls: TToolCall[];
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage;
}

/** Thrown when a JSON answer was asked for and the model's text is not JSON. */
export class InvalidJsonAnswerError extends Error {
  constructor(cause: unknown) {
    super('the model did not answer valid JSON', { cause });
    this.name = 'InvalidJsonAnswerError';
  }
}

export function buildResult(opts: {
  answer: TAnswer;
  target: TResolvedTarget;
  route: string | null;
  wantsJson: boolean;
  /** When given, the parsed JSON must satisfy it, else the answer counts as garbled. */
  schema?: Record<string, unknown> | undefined;
  latencyMs: number;
  attempts: TAttempt[];
}): TGenerateResult {
  const { answer, target } = opts;
  const inputTokens = answer.usage.inputTokens.total ?? 0;
  const outputTokens = answer.usage.outputTokens.total ?? 0;
  const result: TGenerateResult = {
    id: answer.id,
    text: answer.text,
    toolCalls: answer.toolCalls,
    finishReason: toFinishReason(answer.finishReason),
    usage: { inputTokens, outputTokens },
    cost: priceOf(target, inputTokens, outputTokens),
    latencyMs: Math.round(opts.latencyMs),
    cached: false,
    provider: target.provider,
    providerKind: target.providerKind,
    model: target.model,
    route: opts.route,
    attempts: opts.attempts,
  };
  // A tool-calling answer has no JSON body to parse; anything else must be JSON when JSON was asked for.
  if (opts.wantsJson && answer.toolCalls.length === 0) {
    result.object = parseJson(answer.text);
    const violation = opts.schema ? schemaViolation(opts.schema, result.object) : null;
    if (violation)
      throw new InvalidJsonAnswerError(new Error(`the JSON does not match the schema: ${violation}`));
  }
  return result;
}

export function priceOf(target: TResolvedTarget, inputTokens: number, outputTokens: number): number {
  const cost =
    (inputTokens / 1000) * target.inputPricePer1k + (outputTokens / 1000) * target.outputPricePer1k;
  // Round to 1e-8 dollars so sums stored in the database do not drift with float noise.
  return Math.round(cost * 1e8) / 1e8;
}

function parseJson(text: string): unknown {
  // Some models wrap JSON in a markdown fence even in JSON mode.
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  try {
    return JSON.parse(fenced?.[1] ?? text);
  } catch (error) {
    throw new InvalidJsonAnswerError(error);
  }
}

function toFinishReason(r: LanguageModelV4FinishReason): TGenerateResult['finishReason'] {
  return r.unified === 'interrupted' ? 'error' : r.unified;
}
