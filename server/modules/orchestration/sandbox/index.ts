// The sandbox for user code in workflows: QuickJS (WebAssembly) with a deadline and a memory limit.
export { evaluateExpression, scopeGlobals } from './evaluate-expression.ts';
export {
  DEFAULT_SANDBOX_MEMORY_BYTES,
  DEFAULT_SANDBOX_TIMEOUT_MS,
  runSandboxed,
  type TSandboxOptions,
  type TSandboxResult,
} from './run-sandboxed.ts';
export { createSandboxPool, type SandboxPool, sharedSandboxPool } from './sandbox-pool.ts';
