// Runs untrusted workflow code (transform steps, condition expressions) in QuickJS compiled to WebAssembly: a
// separate JavaScript engine with its own heap, so the code sees no Node API (process, require, fetch, timers)
// and cannot reach the host's objects. Data crosses the boundary only as JSON strings, both ways.
import {
  type CustomizeVariantOptions,
  newQuickJSWASMModule,
  newVariant,
  type QuickJSContext,
  type QuickJSWASMModule,
  RELEASE_SYNC,
} from 'quickjs-emscripten';

export type TSandboxResult =
  | { ok: true; value: unknown }
  | { ok: false; error: string; kind: 'timeout' | 'memory' | 'error' };

export interface TSandboxOptions {
  /** A function body: `return` gives the result. */
  code: string;
  /** Exposed as global variables (input, steps, item, index); must be JSON-serialisable. */
  globals: Record<string, unknown>;
  timeoutMs?: number;
  memoryLimitBytes?: number;
  /**
   * Checked before the code starts. QuickJS runs synchronously on this thread, so an abort fired by a timer
   * cannot be seen while the code runs: the deadline is what bounds a running call.
   */
  signal?: AbortSignal;
}

export const DEFAULT_SANDBOX_TIMEOUT_MS = 1_000;
export const DEFAULT_SANDBOX_MEMORY_BYTES = 32 * 1024 * 1024;
// QuickJS's own stack check must trip well before V8's stack under the WebAssembly frames does (at 384 KiB
// V8 overflowed first in our measurements, which leaves the QuickJS runtime corrupt).
const MAX_STACK_BYTES = 128 * 1024;
const GLOBAL_NAME = /^[A-Za-z_$][\w$]*$/;
const WASM_PAGE_BYTES = 64 * 1024;
/** WebAssembly memory never shrinks: past this size the module is dropped so the host gets its memory back. */
const RECYCLE_HEAP_BYTES = 96 * 1024 * 1024;
/** The largest per-call memory limit callers may ask for (transform steps cap theirs at 128 MiB). */
export const MAX_SANDBOX_MEMORY_BYTES = 128 * 1024 * 1024;
// A module just under the recycle size still leaves room for the largest per-call limit, plus slack for the
// one allocation that may overshoot between two interrupt checks.
const MAX_HEAP_BYTES = RECYCLE_HEAP_BYTES + MAX_SANDBOX_MEMORY_BYTES + 32 * 1024 * 1024;

type TWasmMemory = Exclude<CustomizeVariantOptions['wasmMemory'], (() => unknown) | undefined>;
// The project's TypeScript lib (ES2024, no DOM) declares WebAssembly's types but not its global value.
const WasmMemory = (
  globalThis as unknown as {
    WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => TWasmMemory };
  }
).WebAssembly.Memory;
// One WebAssembly module for the process (instantiating it costs tens of ms); each call gets a fresh runtime
// and context, so no state leaks from one run's code into another's. Should the module ever be left broken (a
// host exception inside WebAssembly, a failed disposal), it is dropped and the next call instantiates a new one.
let modulePromise: Promise<QuickJSWASMModule> | null = null;
function quickjs(): Promise<QuickJSWASMModule> {
  modulePromise ??= newQuickJSWASMModule(
    newVariant(RELEASE_SYNC, {
      // The hard ceiling behind the per-call limit: the interrupt handler below runs only every few thousand
      // operations, and code that allocates megabytes per operation grew the heap to the engine's 2 GiB of
      // resident memory between two checks. A capped memory makes QuickJS's malloc fail instead,
      // which the code sees as "out of memory". 16 MiB is the build's initial size.
      wasmMemory: new WasmMemory({ initial: 16 * 16, maximum: MAX_HEAP_BYTES / WASM_PAGE_BYTES }),
    }),
  );
  return modulePromise;
}

// QuickJS's own malloc limit is not a byte limit in this build: without malloc_usable_size it counts 8 bytes
// per allocation (see dumpMemoryUsage), so a few big strings pass it. The real bound is the WebAssembly memory
// the code makes the module grow, read from the Emscripten heap (an internal field of quickjs-emscripten).
function heapBytes(module: QuickJSWASMModule): number {
  const heap = (module as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
  return heap?.buffer.byteLength ?? 0;
}

/** Runs `code` with `globals` under a deadline and a memory limit; failures are values, never exceptions. */
export async function runSandboxed(opts: TSandboxOptions): Promise<TSandboxResult> {
  const names = Object.keys(opts.globals);
  const bad = names.find((n) => !GLOBAL_NAME.test(n));
  if (bad) return { ok: false, kind: 'error', error: `invalid global name: ${bad}` };
  let globalsJson: string;
  try {
    globalsJson = JSON.stringify(opts.globals);
  } catch (err) {
    return { ok: false, kind: 'error', error: `globals are not JSON: ${(err as Error).message}` };
  }
  if (opts.signal?.aborted) return { ok: false, kind: 'timeout', error: 'aborted before start' };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SANDBOX_TIMEOUT_MS;
  const module = await quickjs();
  const runtime = module.newRuntime();
  const deadline = Date.now() + timeoutMs;
  const memoryLimit = Math.min(
    opts.memoryLimitBytes ?? DEFAULT_SANDBOX_MEMORY_BYTES,
    MAX_SANDBOX_MEMORY_BYTES,
  );
  const heapLimit = heapBytes(module) + memoryLimit;
  let interruptedBy: 'deadline' | 'memory' | null = null;
  runtime.setMemoryLimit(memoryLimit);
  runtime.setMaxStackSize(MAX_STACK_BYTES);
  // Called by QuickJS every few thousand operations: the deadline and the heap growth.
  runtime.setInterruptHandler(() => {
    if (Date.now() > deadline) interruptedBy = 'deadline';
    else if (heapBytes(module) > heapLimit) interruptedBy = 'memory';
    return interruptedBy !== null;
  });
  const vm = runtime.newContext();
  let outcome: TSandboxResult;
  try {
    outcome = evaluate(vm, names, globalsJson, opts.code);
  } catch (err) {
    // The host itself failed inside the engine (e.g. V8's stack): the runtime cannot be trusted any more.
    modulePromise = null;
    return { ok: false, kind: 'memory', error: `sandbox aborted: ${(err as Error).message}`.slice(0, 500) };
  }
  // One allocation can outgrow the limit between two interrupt checks: judged again once the code is done.
  const overLimit = heapBytes(module) > heapLimit;
  try {
    vm.dispose();
    runtime.dispose();
  } catch {
    modulePromise = null;
  }
  if (heapBytes(module) > RECYCLE_HEAP_BYTES) modulePromise = null;
  if (interruptedBy === 'memory' || (overLimit && interruptedBy === null))
    return { ok: false, kind: 'memory', error: `code used more than its ${memoryLimit} bytes of memory` };
  if (interruptedBy === 'deadline')
    return { ok: false, kind: 'timeout', error: `code ran past its ${timeoutMs} ms limit` };
  return outcome;
}

function evaluate(vm: QuickJSContext, names: string[], globalsJson: string, code: string): TSandboxResult {
  const json = vm.newString(globalsJson);
  vm.setProp(vm.global, '__ffGlobals', json);
  json.dispose();
  // The body runs as a strict function with the globals as parameters, then its result is serialised inside
  // the sandbox: the host only ever parses a string.
  const source = `"use strict";
const __ffArgs = JSON.parse(globalThis.__ffGlobals); delete globalThis.__ffGlobals;
const __ffResult = (function (${names.join(', ')}) {
${code}
})(${names.map((n) => `__ffArgs[${JSON.stringify(n)}]`).join(', ')});
__ffResult === undefined ? undefined : JSON.stringify(__ffResult);`;
  const result = vm.evalCode(source, 'step.js');
  if (result.error) {
    const dumped = vm.dump(result.error);
    result.error.dispose();
    return describeError(dumped);
  }
  const raw: unknown = vm.dump(result.value);
  result.value.dispose();
  if (raw === undefined) return { ok: true, value: null };
  return { ok: true, value: JSON.parse(raw as string) };
}

function describeError(dumped: unknown): TSandboxResult {
  const e = (dumped && typeof dumped === 'object' ? dumped : { message: String(dumped) }) as {
    name?: string;
    message?: string;
  };
  const message = `${e.name ?? 'Error'}: ${e.message ?? String(dumped)}`.slice(0, 1000);
  // QuickJS reports an exhausted heap as InternalError "out of memory"; an exhausted stack or a string past the
  // engine's maximum length are resource failures of the same kind.
  if (/out of memory|stack overflow|string too long/i.test(e.message ?? ''))
    return { ok: false, kind: 'memory', error: message };
  return { ok: false, kind: 'error', error: message };
}
