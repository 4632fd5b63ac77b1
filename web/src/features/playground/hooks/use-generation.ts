import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiError } from '../../../lib/api.ts';
import { streamSse } from '../../../lib/sse.ts';
import { startGeneration, type TGenerateBody, type TGenerateResult } from '../api.ts';

/** The `start` event: which target took the call, and whether the answer comes from the cache. */
export type TStarted = { id: string; provider: string; providerKind: string; model: string; cached: boolean };

export type TGeneration = {
  status: 'idle' | 'streaming' | 'done' | 'stopped' | 'error';
  text: string;
  started: TStarted | null;
  result: TGenerateResult | null;
  /** Refused before the stream began (the server's envelope), or an `error` event mid-stream. */
  error: ApiError | null;
  /** How many text-delta events arrived: proof the answer streamed rather than arriving at once. */
  deltas: number;
  /** Milliseconds from sending to the first text-delta, measured in the browser. */
  firstTokenMs: number | null;
};

const IDLE: TGeneration = {
  status: 'idle',
  text: '',
  started: null,
  result: null,
  error: null,
  deltas: 0,
  firstTokenMs: null,
};

/** Runs one streamed generation at a time: `run(body)` starts it, `stop()` aborts it. */
export function useGeneration(): {
  generation: TGeneration;
  run: (body: TGenerateBody) => void;
  stop: () => void;
} {
  const [generation, setGeneration] = useState<TGeneration>(IDLE);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const stop = useCallback(() => {
    if (!controller.current) return;
    controller.current.abort();
    controller.current = null;
    setGeneration((g) => (g.status === 'streaming' ? { ...g, status: 'stopped' } : g));
  }, []);

  const run = useCallback((body: TGenerateBody) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setGeneration({ ...IDLE, status: 'streaming' });
    const sentAt = performance.now();
    // Each event is committed to the page as it is parsed. Without flushSync React would batch every event
    // that arrived in one network read into a single render, so a fast model (the local one answers in a
    // millisecond) would appear all at once instead of token by token.
    const update = (change: (g: TGeneration) => TGeneration) => {
      if (controller.current === own) flushSync(() => setGeneration(change));
    };
    void (async () => {
      try {
        const response = await startGeneration(body, own.signal);
        for await (const message of streamSse(response)) {
          applyEvent(message.event, message.data, update, sentAt);
        }
        // A stream that ends without finish or error was cut: say so instead of showing a partial answer as done.
        update((g) =>
          g.status === 'streaming'
            ? {
                ...g,
                status: 'error',
                error: new ApiError('GENERATION_FAILED', 'The stream ended before the answer was complete.', {
                  status: 0,
                }),
              }
            : g,
        );
      } catch (error) {
        if (own.signal.aborted) return;
        update((g) => ({ ...g, status: 'error', error: toError(error) }));
      } finally {
        if (controller.current === own) controller.current = null;
      }
    })();
  }, []);

  return { generation, run, stop };
}

function applyEvent(
  event: string,
  data: string,
  update: (change: (g: TGeneration) => TGeneration) => void,
  sentAt: number,
) {
  const payload = JSON.parse(data) as Record<string, unknown>;
  if (event === 'start') update((g) => ({ ...g, started: payload as unknown as TStarted }));
  else if (event === 'text-delta') {
    const delta = String(payload.delta ?? '');
    update((g) => ({
      ...g,
      text: g.text + delta,
      deltas: g.deltas + 1,
      firstTokenMs: g.firstTokenMs ?? Math.round(performance.now() - sentAt),
    }));
  } else if (event === 'finish') {
    const result = payload.result as TGenerateResult;
    // The finished text is authoritative (a JSON answer may be normalised); deltas only showed it arriving.
    update((g) => ({ ...g, status: 'done', result, text: result.text || g.text }));
  } else if (event === 'error') {
    const code = String(payload.code ?? 'GENERATION_FAILED') as ApiError['code'];
    update((g) => ({
      ...g,
      status: 'error',
      error: new ApiError(code, String(payload.message ?? 'The answer broke off.'), { status: 0 }),
    }));
  }
}

function toError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof SyntaxError) {
    return new ApiError('UNEXPECTED_RESPONSE', `The stream sent malformed data: ${error.message}`, {
      status: 0,
    });
  }
  const message = error instanceof Error ? error.message : 'The server could not be reached.';
  return new ApiError('NETWORK_ERROR', message, { status: 0, cause: error });
}
