// The hand-off between a pub/sub subscription and one SSE follower. Pushes may arrive at any time, including
// while the follower is awaiting a slow write; `wait` must then return at once. (Waking only a follower that
// was already waiting lost those pushes until the next 15 s heartbeat, freezing the live run view.)

export interface TLiveQueue<T> {
  push(item: T): void;
  /** Ends the follow: the waiting follower wakes, and `closed` tells it to stop. */
  close(): void;
  readonly closed: boolean;
  /** Every item pushed since the last take, oldest first. */
  take(): T[];
  /** True at once when items wait or the queue is closed, else on the next push or close; false after `ms`. */
  wait(ms: number): Promise<boolean>;
}

export function createLiveQueue<T>(): TLiveQueue<T> {
  const items: T[] = [];
  let closed = false;
  let wake: (() => void) | null = null;
  return {
    push(item) {
      items.push(item);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    get closed() {
      return closed;
    },
    take: () => items.splice(0),
    wait(ms) {
      if (items.length > 0 || closed) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve(false);
        }, ms);
        // Whoever pushes next (or closes) resolves this wait; the timer is the heartbeat.
        wake = () => {
          wake = null;
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}
