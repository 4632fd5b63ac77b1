import { describe, expect, it } from 'vitest';
import { followLive } from './follow-live.ts';
import { createLiveQueue } from './live-queue.ts';
import { createOpenStreams } from './open-streams.ts';

type TEvent = { seq: number };

/** A send whose first call blocks until released, like a write to a client that reads slowly. */
function slowFirstSend() {
  const sent: number[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let entered: () => void = () => {};
  const inside = new Promise<void>((r) => {
    entered = r;
  });
  const send = async (e: TEvent) => {
    if (sent.length === 0) {
      entered();
      await gate;
    }
    sent.push(e.seq);
  };
  return { sent, send, inside, release };
}

describe('following live run events', () => {
  it('sends events that arrived during a slow send right after it, not at the next heartbeat', async () => {
    const queue = createLiveQueue<TEvent>();
    const slow = slowFirstSend();
    let keepAlives = 0;
    const following = followLive(queue, {
      send: slow.send,
      keepAlive: async () => {
        keepAlives++;
      },
      done: () => slow.sent.includes(3),
      heartbeatMs: 60_000,
    });
    queue.push({ seq: 1 });
    await slow.inside;
    // The follower is inside its first send: these arrive while nobody waits on the queue.
    queue.push({ seq: 3 });
    queue.push({ seq: 2 });
    const released = performance.now();
    slow.release();
    await following;
    expect(slow.sent).toEqual([1, 2, 3]);
    expect(performance.now() - released).toBeLessThan(1_000);
    expect(keepAlives).toBe(0);
  });

  it('sends a keep-alive after a quiet heartbeat and stops when the queue is closed', async () => {
    const queue = createLiveQueue<TEvent>();
    let keepAlives = 0;
    let woke: () => void = () => {};
    const keptAlive = new Promise<void>((r) => {
      woke = r;
    });
    const following = followLive(queue, {
      send: async () => {},
      keepAlive: async () => {
        keepAlives++;
        woke();
      },
      done: () => false,
      heartbeatMs: 20,
    });
    await keptAlive;
    queue.close();
    await following;
    expect(keepAlives).toBeGreaterThanOrEqual(1);
  });

  it('ends open streams at shutdown, and streams opened afterwards at once', () => {
    const streams = createOpenStreams();
    const ended: string[] = [];
    streams.add(() => ended.push('a'));
    const forgetB = streams.add(() => ended.push('b'));
    forgetB();
    streams.endAll();
    expect(ended).toEqual(['a']);
    streams.add(() => ended.push('late'));
    expect(ended).toEqual(['a', 'late']);
  });
});
