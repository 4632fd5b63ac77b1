/** Runs at most one `fn` per key at a time in this process; concurrent callers share its promise. */
export function createSingleFlight<V>(): (key: string, fn: () => Promise<V>) => Promise<V> {
  const inflight = new Map<string, Promise<V>>();
  return (key, fn) => {
    const running = inflight.get(key);
    if (running) return running;
    const promise = (async () => {
      try {
        return await fn();
      } finally {
        inflight.delete(key);
      }
    })();
    inflight.set(key, promise);
    return promise;
  };
}
