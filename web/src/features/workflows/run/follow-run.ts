import { ApiError } from '../../../lib/api.ts';
import { streamSse } from '../../../lib/sse.ts';
import type { TRunEvent } from './run-events.ts';

export const RECONNECT_MS = 1500;

export type TFollowState = 'live' | 'reconnecting' | 'finished' | 'failed';

/**
 * Follows a run's event stream until run.finished: each connection replays after the last event seen
 * (?after=seq), so nothing is lost or shown twice. A stream that ends before run.finished (the server shutting
 * down or restarting) or a dropped connection is resumed after `RECONNECT_MS`; an error answer (unknown run, no
 * permission) stops with the server's message.
 */
export async function followRun({
  open,
  onEvent,
  onState,
  onError,
  signal,
  wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: {
  /** Opens GET /runs/{id}/events?after=seq. */
  open: (after: number, signal: AbortSignal) => Promise<Response>;
  onEvent: (event: TRunEvent) => void;
  onState: (state: TFollowState) => void;
  onError: (error: ApiError) => void;
  signal: AbortSignal;
  wait?: (ms: number) => Promise<unknown>;
}): Promise<void> {
  let lastSeq = 0;
  let finished = false;
  while (!finished && !signal.aborted) {
    try {
      for await (const message of streamSse(await open(lastSeq, signal))) {
        onState('live');
        const event = JSON.parse(message.data) as TRunEvent;
        lastSeq = Math.max(lastSeq, event.seq);
        onEvent(event);
        if (event.type === 'run.finished') finished = true;
      }
      if (finished) {
        onState('finished');
        return;
      }
    } catch (cause) {
      if (signal.aborted) return;
      if (cause instanceof ApiError && cause.status >= 400 && cause.status < 500) {
        onError(cause);
        onState('failed');
        return;
      }
    }
    onState('reconnecting');
    await wait(RECONNECT_MS);
  }
}
