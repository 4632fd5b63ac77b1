// The failover loop shared by generate and stream: each planned target in order, retries with backoff on
// the same target while the failure is retryable, every attempt logged and fed to the breaker.
import type { TAttempt, TResolvedTarget } from '../types.ts';
import { allFailedError, circuitOpenAttempt } from './all-failed-error.ts';
import { backoffDelay } from './backoff.ts';
import type { TCircuitPermit } from './circuit-breaker.ts';
import type { TFailure } from './classify-error.ts';
import type { GatewayRuntime } from './gateway-runtime.ts';
import type { TPlan, TRetryPolicy } from './types.ts';

export type TTryResult<T> =
  | { ok: true; value: T; latencyMs: number }
  | { ok: false; failure: TFailure; latencyMs: number };

/** Tries one target once; must settle the permit (success / failure / release) before resolving. */
export type TTryTarget<T> = (target: TResolvedTarget, permit: TCircuitPermit) => Promise<TTryResult<T>>;

/** The first successful value, with the attempt log including it; throws the AppError when all failed. */
export async function runAttempts<T>(opts: {
  runtime: GatewayRuntime;
  plan: TPlan;
  policy: TRetryPolicy;
  signal?: AbortSignal;
  tryTarget: TTryTarget<T>;
}): Promise<{ value: T; target: TResolvedTarget; attempts: TAttempt[] }> {
  const { runtime, plan, policy } = opts;
  const attempts: TAttempt[] = plan.skipped.map(circuitOpenAttempt);
  let definitive = false;
  for (const target of plan.attempts) {
    for (let retry = 0; ; retry++) {
      opts.signal?.throwIfAborted();
      const permit = runtime.breakers.tryAcquire(target.key);
      if (!permit) {
        // Opened (or its probe taken) by a concurrent call since planning.
        attempts.push(circuitOpenAttempt(target));
        break;
      }
      const result = await opts.tryTarget(target, permit);
      const base = {
        provider: target.provider,
        model: target.model,
        latencyMs: Math.round(result.latencyMs),
      };
      if (result.ok) {
        attempts.push({ ...base, outcome: 'ok' });
        return { value: result.value, target, attempts };
      }
      const f = result.failure;
      attempts.push({
        ...base,
        outcome: f.outcome,
        error: f.message,
        ...(f.status ? { status: f.status } : {}),
      });
      definitive ||= f.definitive;
      if (!f.retryable || retry >= policy.maxRetries) break;
      const delay = backoffDelay({ retry, ...policy, random: runtime.random, retryAfterMs: f.retryAfterMs });
      if (delay === null) break;
      if (delay > 0) await runtime.sleep(delay, opts.signal);
    }
  }
  throw allFailedError({
    attempts,
    definitive,
    targets: [...plan.skipped, ...plan.attempts],
    breakers: runtime.breakers,
  });
}
