import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { TargetRefusedError } from '../../../platform/net/index.ts';
import { backoffDelay, cryptoRandom, sleep } from './backoff.ts';
import { classifyError, parseRetryAfter } from './classify-error.ts';

const apiError = (statusCode: number | undefined, headers?: Record<string, string>) =>
  new APICallError({
    message: `status ${statusCode}`,
    url: 'http://x',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(headers ? { responseHeaders: headers } : {}),
  });

describe('backoff with full jitter', () => {
  const base = { baseDelayMs: 100, maxDelayMs: 1000 };
  it('picks uniformly below base·2^n, capped by the maximum', () => {
    expect(backoffDelay({ ...base, retry: 0, random: () => 0.999 })).toBe(99);
    expect(backoffDelay({ ...base, retry: 2, random: () => 0.5 })).toBe(200);
    expect(backoffDelay({ ...base, retry: 10, random: () => 0.5 })).toBe(500);
    expect(backoffDelay({ ...base, retry: 3, random: () => 0 })).toBe(0);
  });
  it('waits exactly Retry-After, or gives up on the target when it exceeds the cap', () => {
    expect(backoffDelay({ ...base, retry: 0, random: () => 0, retryAfterMs: 700 })).toBe(700);
    expect(backoffDelay({ ...base, retry: 0, random: () => 0, retryAfterMs: 1001 })).toBeNull();
  });
  it('the production random source stays in [0, 1)', () => {
    for (let i = 0; i < 200; i++) {
      const r = cryptoRandom();
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
    }
  });
  it('sleep stops at once when the signal aborts', async () => {
    const ac = new AbortController();
    const started = performance.now();
    const p = sleep(5000, ac.signal);
    ac.abort(new Error('gone'));
    await expect(p).rejects.toThrow('gone');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it('reads delta-seconds, HTTP dates and retry-after-ms, case-insensitively', () => {
    expect(parseRetryAfter({ 'Retry-After': '2' }, now)).toBe(2000);
    expect(parseRetryAfter({ 'retry-after': '0.5' }, now)).toBe(500);
    expect(parseRetryAfter({ 'retry-after': 'Thu, 26 Nov 2026 12:00:03 GMT' }, now)).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': 'Thu, 26 Nov 2026 11:00:00 GMT' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after-ms': '150', 'retry-after': '9' }, now)).toBe(150);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-3' }, now)).toBeUndefined();
  });
});

describe('classifyError', () => {
  it('client errors go to the next target without retry and without blaming the target', () => {
    for (const status of [400, 404, 422]) {
      expect(classifyError(apiError(status), false)).toMatchObject({
        status,
        retryable: false,
        countsAgainstCircuit: false,
        definitive: true,
      });
    }
  });
  it('a target the SSRF guard refused is neither retried nor blamed on the upstream', () => {
    expect(classifyError(new TargetRefusedError('refused: x resolves to 10.0.0.1'), false)).toMatchObject({
      retryable: false,
      countsAgainstCircuit: false,
      message: 'refused: x resolves to 10.0.0.1',
    });
  });
  it('401/403 are not retried but count against the circuit', () => {
    for (const status of [401, 403]) {
      expect(classifyError(apiError(status), false)).toMatchObject({
        retryable: false,
        countsAgainstCircuit: true,
      });
    }
  });
  it('429 and 5xx are retried and carry Retry-After', () => {
    expect(classifyError(apiError(429, { 'retry-after': '1' }), false)).toMatchObject({
      retryable: true,
      retryAfterMs: 1000,
      definitive: false,
    });
    expect(classifyError(apiError(503), false)).toMatchObject({
      retryable: true,
      countsAgainstCircuit: true,
    });
  });
  it('no HTTP answer is a transient fault; a garbled 200 is definitive; a timeout is a timeout', () => {
    expect(classifyError(apiError(undefined), false)).toMatchObject({ retryable: true, definitive: false });
    expect(classifyError(apiError(200), false)).toMatchObject({ retryable: false, definitive: true });
    expect(classifyError(new Error('x'), true)).toMatchObject({ outcome: 'timeout', retryable: true });
    expect(classifyError(new TypeError('terminated'), false)).toMatchObject({
      outcome: 'error',
      retryable: true,
    });
  });
});
