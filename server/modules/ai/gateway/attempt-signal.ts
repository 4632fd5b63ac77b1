// One attempt's abort signal: fires on the per-attempt timeout or when the caller goes away, and tells the
// two apart afterwards (a timeout is the upstream's fault, a caller abort is nobody's).
export interface AttemptSignal {
  signal: AbortSignal;
  timedOut(): boolean;
  /** Restarts the timeout (streams: the limit is on the wait for each chunk, not the whole answer). */
  touch(): void;
  /** Cancels the upstream request (the consumer stopped reading). */
  abort(): void;
  dispose(): void;
}

export class AttemptTimeoutError extends Error {
  constructor(ms: number) {
    super(`upstream did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export function createAttemptSignal(timeoutMs: number, caller?: AbortSignal): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new AttemptTimeoutError(timeoutMs));
    }, timeoutMs);
  };
  const onCallerAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  arm();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    touch: () => {
      if (!controller.signal.aborted) arm();
    },
    abort: () => controller.abort(new DOMException('consumer stopped reading', 'AbortError')),
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
