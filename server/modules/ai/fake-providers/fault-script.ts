// Faults the fake provider servers can inject, scripted per request. Each request takes the next entry (array
// scripts) or asks the function with its 0-based index; when an array runs out, requests are answered normally.
// The fault is applied before authentication and routing, as a rate limiter or proxy in front of a provider would.

export type TFault =
  /** A normal answer. */
  | { fault: 'ok' }
  /** An error status in the provider's error format, with Retry-After (seconds) / retry-after-ms when given. */
  | { fault: 'status'; status: number; retryAfter?: number; retryAfterMs?: number; message?: string }
  /** A normal answer delayed: before the status line ('headers', default) or after it, before the body ('body'). */
  | { fault: 'slow'; delayMs: number; phase?: 'headers' | 'body' }
  /** The socket is destroyed before any byte is written. */
  | { fault: 'reset' }
  /** Status 200 with a body that is not valid JSON (for streams: an event whose data is not JSON). */
  | { fault: 'malformed' }
  /** Streams: the first N events are written, then the socket is destroyed. Plain answers: half a body, then destroyed. */
  | { fault: 'cut'; afterChunks: number }
  /** Streams: every event except the terminator ([DONE] / message_stop), then a clean end. Plain: half a body, clean end. */
  | { fault: 'no-end' };

export type TFaultScript = TFault[] | ((index: number, request: TRecordedRequest) => TFault);

/** What the fake servers record for each request, for assertions about retries and idempotency. */
export interface TRecordedRequest {
  index: number;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The fault this request received. */
  fault: TFault;
}

/** Holds the current script; `take` returns the fault for the next request. */
export function createFaultQueue(initial?: TFaultScript) {
  let script: TFaultScript = initial ?? [];
  let position = 0;
  return {
    set(next: TFaultScript) {
      script = next;
      position = 0;
    },
    take(request: Omit<TRecordedRequest, 'fault'>): TFault {
      if (typeof script === 'function') return script(request.index, { ...request, fault: { fault: 'ok' } });
      const entry = script[position];
      position += 1;
      return entry ?? { fault: 'ok' };
    },
  };
}
