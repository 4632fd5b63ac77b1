import { evaluateExpression } from '../sandbox/index.ts';
import type { TStep, TStepContext, TStepOutcome } from '../types.ts';

/**
 * The condition step: its `if` expression evaluated in the sandbox over input and steps; the output
 * `{ result }` tells advance which of then/else runs. A throwing or timed-out expression fails the step.
 */
export async function evaluateCondition(ctx: TStepContext, step: TStep): Promise<TStepOutcome> {
  if (step.type !== 'condition') return { status: 'failed', error: 'not a condition step', retryable: false };
  const r = await evaluateExpression(step.if, ctx.scope, { signal: ctx.signal });
  if (!r.ok) return { status: 'failed', error: `Condition ${r.kind}: ${r.error}`, retryable: false };
  return { status: 'succeeded', output: { result: Boolean(r.value) } };
}
