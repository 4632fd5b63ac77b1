// The transform step: the author's JavaScript in the sandbox, with the run's input and earlier steps' outputs.
// The code is deterministic, so its failures (errors, time or memory exhausted) are not retried.
import {
  DEFAULT_SANDBOX_MEMORY_BYTES,
  type SandboxPool,
  scopeGlobals,
  sharedSandboxPool,
} from '../sandbox/index.ts';
import type { TStepContext, TStepOutcome, TTransformStep } from '../types.ts';

// Transforms run on the pool's worker threads (the event loop stays free); their time is capped so one step
// cannot hold a worker, and so the other runs' transforms, for long, whatever timeoutMs the definition asks.
export const MAX_TRANSFORM_MS = 5_000;
export const DEFAULT_TRANSFORM_MS = 1_000;
export const MIN_TRANSFORM_MEMORY_MB = 16;
export const MAX_TRANSFORM_MEMORY_MB = 128;

export async function executeTransform(
  ctx: TStepContext,
  step: Pick<TTransformStep, 'code' | 'memoryLimitMb' | 'timeoutMs'>,
  sandbox: SandboxPool = sharedSandboxPool(),
): Promise<TStepOutcome> {
  if (typeof step.code !== 'string' || !step.code.trim())
    return { status: 'failed', error: 'the transform has no code', retryable: false };
  const timeoutMs = Math.min(step.timeoutMs ?? DEFAULT_TRANSFORM_MS, MAX_TRANSFORM_MS);
  // Below 16 MB the limit would be finer than the WebAssembly heap's own growth steps (about a fifth of its
  // size), so an innocent allocation could read as exhaustion.
  const memoryLimitBytes = step.memoryLimitMb
    ? Math.min(Math.max(step.memoryLimitMb, MIN_TRANSFORM_MEMORY_MB), MAX_TRANSFORM_MEMORY_MB) * 1024 * 1024
    : DEFAULT_SANDBOX_MEMORY_BYTES;
  const started = performance.now();
  const r = await sandbox.run({
    code: step.code,
    globals: scopeGlobals(ctx.scope),
    timeoutMs,
    memoryLimitBytes,
    signal: ctx.signal,
  });
  ctx.log('info', `transform ran in ${Math.round(performance.now() - started)} ms`);
  if (r.ok) return { status: 'succeeded', output: r.value };
  return { status: 'failed', error: `transform ${r.kind}: ${r.error}`, retryable: false };
}
