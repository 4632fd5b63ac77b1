// The error of a call whose every attempt failed, with the attempt log in details (no URLs, no bodies).
import { AppError } from '../../../platform/http/index.ts';
import type { TAttempt, TResolvedTarget } from '../types.ts';
import type { CircuitBreakers } from './circuit-breaker.ts';

export const circuitOpenAttempt = (t: TResolvedTarget): TAttempt => ({
  provider: t.provider,
  model: t.model,
  outcome: 'circuit-open',
  error: 'circuit open: target recently failing',
  latencyMs: 0,
});

/**
 * MODEL_UNAVAILABLE (503) when nothing answered (down, overloaded, timed out, circuits open);
 * GENERATION_FAILED (502) when an upstream answered and refused or garbled the call.
 */
export function allFailedError(opts: {
  attempts: TAttempt[];
  definitive: boolean;
  targets: TResolvedTarget[];
  breakers: CircuitBreakers;
}): AppError {
  const details = opts.attempts.map((a) => ({
    message: `${a.provider}:${a.model} ${a.outcome}${a.error ? `: ${a.error}` : ''}`,
    ...a,
  }));
  if (opts.definitive) {
    return new AppError('GENERATION_FAILED', 'Every target of the call failed', { details });
  }
  if (opts.attempts.length === 0) {
    return new AppError('MODEL_UNAVAILABLE', 'No target is configured for this call', { details });
  }
  // When circuits are the reason, tell the client when the first one will let a probe through.
  const waits = opts.targets.map((t) => opts.breakers.msUntilProbe(t.key)).filter((ms) => ms > 0);
  const headers: Record<string, string> =
    waits.length > 0 && waits.length === opts.targets.length
      ? { 'Retry-After': String(Math.max(1, Math.ceil(Math.min(...waits) / 1000))) }
      : {};
  return new AppError('MODEL_UNAVAILABLE', 'No target could answer the call', { details, headers });
}
