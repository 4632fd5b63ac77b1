// Sandboxed calls on worker threads. QuickJS runs synchronously, so in the main thread a transform would hold
// the event loop (HTTP, queue heartbeats) for its whole time budget; in a worker it holds only that worker. The
// host also gets a hard stop: a worker that overruns its deadline by GRACE_MS, or whose caller aborts, is
// terminated and replaced, which no code inside can prevent.
import { Worker } from 'node:worker_threads';
import { DEFAULT_SANDBOX_TIMEOUT_MS, type TSandboxOptions, type TSandboxResult } from './run-sandboxed.ts';
import type { TWorkerRequest } from './sandbox-worker.ts';

const GRACE_MS = 1_000;
const WORKER_URL = new URL('./sandbox-worker.ts', import.meta.url);

interface TJob {
  options: TSandboxOptions;
  resolve: (r: TSandboxResult) => void;
}
interface TSlot {
  worker: Worker;
  ready: boolean;
  job: TJob | null;
  id: number;
}

export interface SandboxPool {
  run(options: TSandboxOptions): Promise<TSandboxResult>;
  close(): Promise<void>;
}

export function createSandboxPool(opts: { size?: number } = {}): SandboxPool {
  const size = Math.max(1, opts.size ?? 2);
  const slots: TSlot[] = [];
  const queue: TJob[] = [];
  let closed = false;

  function spawn(): TSlot {
    // Workers do not keep the process alive: an idle pool never blocks shutdown.
    const slot: TSlot = { worker: new Worker(WORKER_URL), ready: false, job: null, id: 0 };
    slot.worker.unref();
    slot.worker.on('message', (m: { ready?: true; id?: number; result?: TSandboxResult }) => {
      if (m.ready) {
        slot.ready = true;
        next();
      } else if (slot.job && m.id === slot.id && m.result) finish(slot, m.result);
    });
    slot.worker.on('error', (err) =>
      replace(slot, { ok: false, kind: 'error', error: `sandbox worker failed: ${err.message}` }),
    );
    slot.worker.on('exit', () => replace(slot, { ok: false, kind: 'error', error: 'sandbox worker exited' }));
    return slot;
  }

  function finish(slot: TSlot, result: TSandboxResult) {
    const job = slot.job;
    slot.job = null;
    job?.resolve(result);
    next();
  }

  /** Ends the slot's job with `result` and puts a fresh worker in its place. */
  function replace(slot: TSlot, result: TSandboxResult) {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    slots.splice(index, 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = null;
    job?.resolve(result);
    // A worker that dies while loading would die again: the waiting calls fail instead of respawning forever.
    if (!slot.ready) for (const waiting of queue.splice(0)) waiting.resolve(result);
    next();
  }

  function next() {
    if (closed) return;
    while (queue.length) {
      const slot = slots.find((s) => s.ready && !s.job);
      if (!slot) {
        // A worker still loading will call next() when ready; more are started up to the pool's size.
        const loading = slots.filter((s) => !s.ready).length;
        if (loading < queue.length && slots.length < size) slots.push(spawn());
        return;
      }
      start(slot, queue.shift() as TJob);
    }
  }

  function start(slot: TSlot, job: TJob) {
    const { signal, ...options } = job.options;
    if (signal?.aborted) return job.resolve({ ok: false, kind: 'timeout', error: 'aborted before start' });
    slot.job = job;
    slot.id += 1;
    const timeoutMs = options.timeoutMs ?? DEFAULT_SANDBOX_TIMEOUT_MS;
    const watchdog = setTimeout(
      () => replace(slot, { ok: false, kind: 'timeout', error: `code ran past its ${timeoutMs} ms limit` }),
      timeoutMs + GRACE_MS,
    );
    const onAbort = () => replace(slot, { ok: false, kind: 'timeout', error: 'code was aborted' });
    signal?.addEventListener('abort', onAbort, { once: true });
    const resolve = job.resolve;
    job.resolve = (r) => {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    try {
      slot.worker.postMessage({ id: slot.id, options } satisfies TWorkerRequest);
    } catch (err) {
      // Globals that cannot be cloned (functions, symbols) never reach the worker.
      finish(slot, { ok: false, kind: 'error', error: `globals are not JSON: ${(err as Error).message}` });
    }
  }

  return {
    run(options) {
      if (closed) return Promise.resolve({ ok: false, kind: 'error', error: 'the sandbox pool is closed' });
      return new Promise((resolve) => {
        const job: TJob = { options, resolve };
        // A caller that gives up while waiting for a free worker leaves the queue at once.
        options.signal?.addEventListener(
          'abort',
          () => {
            const i = queue.indexOf(job);
            if (i !== -1) {
              queue.splice(i, 1);
              resolve({ ok: false, kind: 'timeout', error: 'aborted before start' });
            }
          },
          { once: true },
        );
        queue.push(job);
        next();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0))
        job.resolve({ ok: false, kind: 'error', error: 'the sandbox pool is closed' });
      const all = slots.splice(0);
      for (const slot of all) {
        slot.worker.removeAllListeners();
        slot.job?.resolve({ ok: false, kind: 'error', error: 'the sandbox pool is closed' });
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

let shared: SandboxPool | null = null;
/** The process's pool (two workers, created on first use). */
export function sharedSandboxPool(): SandboxPool {
  shared ??= createSandboxPool();
  return shared;
}
