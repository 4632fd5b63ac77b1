// What one failed attempt means for the call: retry the same target, move on, and whether the target's
// circuit should hear about it. Client errors (400/404/422) say nothing about the upstream's health.
import { APICallError } from '@ai-sdk/provider';
import { TargetRefusedError } from '../../../platform/net/index.ts';
import type { TAttempt } from '../types.ts';

export interface TFailure {
  outcome: Extract<TAttempt['outcome'], 'error' | 'timeout'>;
  message: string;
  status?: number;
  /** Worth trying the same target again after a backoff. */
  retryable: boolean;
  /** Counts as a failure of the target for its circuit breaker. */
  countsAgainstCircuit: boolean;
  /** The upstream asked to wait this long (Retry-After / retry-after-ms). */
  retryAfterMs?: number;
  /** The upstream answered but refused or garbled the call: GENERATION_FAILED rather than MODEL_UNAVAILABLE. */
  definitive: boolean;
}

const CLIENT_ERRORS = new Set([400, 404, 413, 422]);
const AUTH_ERRORS = new Set([401, 403]);

/** Classifies an error thrown by doGenerate / doStream (or met in a stream) for an attempt that timed out or not. */
export function classifyError(error: unknown, timedOut: boolean, now: number = Date.now()): TFailure {
  if (timedOut) {
    return {
      outcome: 'timeout',
      message: 'upstream timed out',
      retryable: true,
      countsAgainstCircuit: true,
      definitive: false,
    };
  }
  if (error instanceof TargetRefusedError) {
    // The SSRF guard refused the provider's address: no retry or other process will see it differently.
    return {
      outcome: 'error',
      message: shortMessage(error.message),
      retryable: false,
      countsAgainstCircuit: false,
      definitive: false,
    };
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const message = shortMessage(error.message);
    if (status === undefined) {
      // No HTTP answer at all: refused, reset, DNS. The SDK marks these retryable.
      return { outcome: 'error', message, retryable: true, countsAgainstCircuit: true, definitive: false };
    }
    if (status >= 200 && status < 300) {
      // A 2xx whose body could not be parsed: the upstream is broken, a retry is unlikely to help.
      return {
        outcome: 'error',
        message,
        status,
        retryable: false,
        countsAgainstCircuit: true,
        definitive: true,
      };
    }
    const retryAfterMs = parseRetryAfter(error.responseHeaders, now);
    if (CLIENT_ERRORS.has(status)) {
      return {
        outcome: 'error',
        message,
        status,
        retryable: false,
        countsAgainstCircuit: false,
        definitive: true,
      };
    }
    if (AUTH_ERRORS.has(status)) {
      return {
        outcome: 'error',
        message,
        status,
        retryable: false,
        countsAgainstCircuit: true,
        definitive: true,
      };
    }
    const retryable =
      status === 408 || status === 409 || status === 429 || status >= 500 || error.isRetryable;
    return {
      outcome: 'error',
      message,
      status,
      retryable,
      countsAgainstCircuit: true,
      retryAfterMs,
      definitive: !retryable,
    };
  }
  // Anything else (a stream that broke, a TypeError from a socket reset) is treated as a transient fault.
  const message = shortMessage(error instanceof Error ? error.message : String(error));
  return { outcome: 'error', message, retryable: true, countsAgainstCircuit: true, definitive: false };
}

/** Retry-After as delta-seconds or an HTTP date, or OpenAI's retry-after-ms; undefined when absent or unreadable. */
export function parseRetryAfter(
  headers: Record<string, string> | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = lower['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = lower['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // HTTP dates always name a weekday/month; bare numbers like "-3" would otherwise parse as years.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Upstream messages can be whole HTML pages; the attempt log keeps the gist.
const shortMessage = (m: string): string => (m.length > 200 ? `${m.slice(0, 200)}…` : m);
