import type { TLiveQueue } from './live-queue.ts';

/** How long a quiet stream waits before a keep-alive comment, so proxies keep the connection open. */
export const HEARTBEAT_MS = 15_000;

/**
 * Sends what the queue receives, in sequence order, until `done()` (the run finished, the client left) or the
 * queue is closed (shutdown). Items pushed while a send is awaited are sent right after it, not at the next
 * heartbeat.
 */
export async function followLive<T extends { seq: number }>(
  queue: TLiveQueue<T>,
  io: {
    send(item: T): Promise<void>;
    keepAlive(): Promise<void>;
    done(): boolean;
    heartbeatMs?: number;
  },
): Promise<void> {
  while (!io.done() && !queue.closed) {
    for (const item of queue.take().sort((a, b) => a.seq - b.seq)) {
      await io.send(item);
      if (io.done()) return;
    }
    const woken = await queue.wait(io.heartbeatMs ?? HEARTBEAT_MS);
    if (!woken && !io.done()) await io.keepAlive();
  }
}
