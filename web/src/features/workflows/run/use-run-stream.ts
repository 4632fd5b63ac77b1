import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../lib/api.ts';
import { followRun } from './follow-run.ts';
import { applyRunEvent, EMPTY_LIVE, type TRunEvent, type TRunLive } from './run-events.ts';

export type TStreamState = 'connecting' | 'live' | 'reconnecting' | 'finished' | 'failed';

/** The live state of a run from GET /runs/{id}/events (see followRun for resuming and errors). */
export function useRunStream(runId: string, onEvent?: (event: TRunEvent) => void) {
  const [live, setLive] = useState<TRunLive>(EMPTY_LIVE);
  const [state, setState] = useState<TStreamState>('connecting');
  const [error, setError] = useState<ApiError | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    const controller = new AbortController();
    setLive(EMPTY_LIVE);
    setState('connecting');
    setError(null);
    void followRun({
      open: (after, signal) =>
        fetch(`/api/v1/runs/${encodeURIComponent(runId)}/events?after=${after}`, {
          headers: { Accept: 'text/event-stream' },
          credentials: 'same-origin',
          signal,
        }),
      onEvent: (event) => {
        setLive((current) => applyRunEvent(current, event));
        onEventRef.current?.(event);
      },
      onState: setState,
      onError: setError,
      signal: controller.signal,
    });
    return () => controller.abort();
  }, [runId]);

  return { live, state, error };
}
