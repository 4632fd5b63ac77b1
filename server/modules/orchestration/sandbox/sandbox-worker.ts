// The entry of a sandbox worker thread: runs one sandboxed call at a time for the pool (sandbox-pool.ts).
import { parentPort } from 'node:worker_threads';
import { runSandboxed, type TSandboxOptions } from './run-sandboxed.ts';

export interface TWorkerRequest {
  id: number;
  options: Omit<TSandboxOptions, 'signal'>;
}

parentPort?.on('message', async ({ id, options }: TWorkerRequest) => {
  parentPort?.postMessage({ id, result: await runSandboxed(options) });
});

// Loading QuickJS takes a while on a busy machine: the pool gives work (and starts its watchdog) only once the
// engine is ready, so the load never counts against a call's deadline.
await runSandboxed({ code: 'return 1;', globals: {} });
parentPort?.postMessage({ ready: true });
