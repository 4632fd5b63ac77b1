// The run-event streams this process is serving, so shutdown can end them (the orchestration module's
// `detach`) instead of waiting SHUTDOWN_TIMEOUT_MS for followers that would never hang up by themselves.
// An ended stream's client reconnects with Last-Event-ID and resumes on another (or the restarted) process.

export interface TOpenStreams {
  /** Registers a stream's `end`; the returned function unregisters it when the stream ends by itself. */
  add(end: () => void): () => void;
  /** Ends every open stream, and any stream opened afterwards at once. */
  endAll(): void;
}

export function createOpenStreams(): TOpenStreams {
  const open = new Set<() => void>();
  let ending = false;
  return {
    add(end) {
      if (ending) {
        end();
        return () => {};
      }
      open.add(end);
      return () => open.delete(end);
    },
    endAll() {
      ending = true;
      for (const end of [...open]) end();
      open.clear();
    },
  };
}
