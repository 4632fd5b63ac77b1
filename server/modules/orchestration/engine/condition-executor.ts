import { evaluateExpression, type SandboxPool, sharedSandboxPool } from '../sandbox/index.ts';
import type { TStep, TStepContext, TStepOutcome } from '../types.ts';

/**
 * The condition step: its `if` expression evaluated on a sandbox worker thread over input and steps; the
 * output `{ result }` tells advance which of then/else runs. A throwing, timed-out or memory-exhausting
 * expression fails the step (not retried: the same expression would fail the same way).
 */
export async function evaluateCondition(
  ctx: TStepContext,
  step: TStep,
  sandbox: SandboxPool = sharedSandboxPool(),
): Promise<TStepOutcome> {
  if (step.type !== 'condition') return { status: 'failed', error: 'not a condition step', retryable: false };
  const r = await evaluateExpression(step.if, ctx.scope, { signal: ctx.signal, sandbox });
  if (!r.ok) return { status: 'failed', error: `Condition ${r.kind}: ${r.error}`, retryable: false };
  return { status: 'succeeded', output: { result: Boolean(r.value) } };
}
