import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { streamSse } from '../../../lib/sse.ts';
import { applyRunEvent, EMPTY_LIVE, type TRunEvent, type TRunLive } from './run-events.ts';

export type TStreamState = 'connecting' | 'live' | 'reconnecting' | 'finished' | 'failed';

const RECONNECT_MS = 1500;

/**
 * Follows GET /runs/{id}/events: the server replays what happened, then pushes live events until
 * run.finished. A dropped connection resumes after the last event seen (?after=seq), so nothing is lost or
 * shown twice; an error answer (unknown run, no permission) stops with the server's message.
 */
export function useRunStream(runId: string, onEvent?: (event: TRunEvent) => void) {
  const [live, setLive] = useState<TRunLive>(EMPTY_LIVE);
  const [state, setState] = useState<TStreamState>('connecting');
  const [error, setError] = useState<ApiError | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    const controller = new AbortController();
    let lastSeq = 0;
    let finished = false;
    setLive(EMPTY_LIVE);
    setState('connecting');
    setError(null);

    const follow = async () => {
      while (!finished && !controller.signal.aborted) {
        try {
          const response = await fetch(`/api/v1/runs/${encodeURIComponent(runId)}/events?after=${lastSeq}`, {
            headers: { Accept: 'text/event-stream' },
            credentials: 'same-origin',
            signal: controller.signal,
          });
          for await (const message of streamSse(response)) {
            setState('live');
            const event = JSON.parse(message.data) as TRunEvent;
            lastSeq = Math.max(lastSeq, event.seq);
            setLive((current) => applyRunEvent(current, event));
            onEventRef.current?.(event);
            if (event.type === 'run.finished') finished = true;
          }
          // The server ends the stream after run.finished (or at once for a run finished before `after`).
          finished = true;
          setState('finished');
        } catch (cause) {
          if (controller.signal.aborted) return;
          if (cause instanceof ApiError && cause.status >= 400 && cause.status < 500) {
            setError(cause);
            setState('failed');
            return;
          }
          setState('reconnecting');
          await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
        }
      }
    };
    void follow();
    return () => controller.abort();
  }, [runId]);

  return { live, state, error };
}
