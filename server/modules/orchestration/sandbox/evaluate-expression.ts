// Condition steps: one JavaScript expression over the run's scope, evaluated in the same sandbox as transforms:
// on a worker thread of the pool, so an endless loop or a memory bomb never holds the event loop (HTTP, queue
// heartbeats), and the pool's watchdog terminates a worker that overruns its deadline.
import type { TScope } from '../types.ts';
import type { TSandboxResult } from './run-sandboxed.ts';
import { type SandboxPool, sharedSandboxPool } from './sandbox-pool.ts';

// Generous for one expression: a loaded machine can starve a worker for a few hundred ms.
const EXPRESSION_TIMEOUT_MS = 1_000;
const EXPRESSION_MEMORY_BYTES = 8 * 1024 * 1024;

/** Evaluates `expr` with input, steps (and item/index) in scope; `value` is the expression's JSON value. */
export function evaluateExpression(
  expr: string,
  scope: TScope,
  opts: { timeoutMs?: number; signal?: AbortSignal; sandbox?: SandboxPool } = {},
): Promise<TSandboxResult> {
  if (!expr.trim()) return Promise.resolve({ ok: false, kind: 'error', error: 'empty expression' });
  const sandbox = opts.sandbox ?? sharedSandboxPool();
  return sandbox.run({
    // Parenthesised on its own lines so a trailing comment in the expression cannot swallow the closing paren.
    code: `return (\n${expr}\n);`,
    globals: scopeGlobals(scope),
    timeoutMs: opts.timeoutMs ?? EXPRESSION_TIMEOUT_MS,
    memoryLimitBytes: EXPRESSION_MEMORY_BYTES,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/** The globals sandboxed code sees: input and steps always, item and index inside a map. */
export function scopeGlobals(scope: TScope): Record<string, unknown> {
  return {
    input: scope.input ?? null,
    steps: scope.steps,
    ...(scope.item !== undefined ? { item: scope.item } : {}),
    ...(scope.index !== undefined ? { index: scope.index } : {}),
  };
}
