import { APICallError, type LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/index.ts';
import type { TGenerateRequest, TResolvedTarget } from '../types.ts';
import { executeGenerate } from './execute-generate.ts';
import { createGatewayRuntime } from './gateway-runtime.ts';
import { target, textAnswer, usage } from './mock-target.test-kit.ts';
import type { TPlan } from './types.ts';

const request: TGenerateRequest = { messages: [{ role: 'user', content: 'hi' }] };
const plan = (...attempts: TResolvedTarget[]): TPlan => ({ route: 'main', attempts, skipped: [] });
const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  new APICallError({
    message: `upstream ${statusCode}`,
    url: 'http://x',
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
  });

/** A model that fails with the given errors in turn, then answers its id. */
function flaky(model: string, ...errors: unknown[]) {
  let calls = 0;
  const lm = new MockLanguageModelV4({
    modelId: model,
    doGenerate: async () => {
      const e = errors[calls++];
      if (e) throw e;
      return textAnswer(model);
    },
  });
  return { t: target(model, lm), calls: () => calls };
}

function runtime(failureThreshold = 2) {
  const sleeps: number[] = [];
  const clock = { t: 0 };
  const rt = createGatewayRuntime({
    now: () => clock.t + performance.now(),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    newId: () => 'gen-1',
    circuit: { failureThreshold, cooldownMs: 60_000 },
  });
  return { rt, sleeps, clock };
}

const policy = { maxRetries: 2, timeoutMs: 1000, baseDelayMs: 100, maxDelayMs: 5000 };

describe('executeGenerate', () => {
  it('maps the request onto the provider call and prices the answer', async () => {
    const calls: LanguageModelV4CallOptions[] = [];
    const lm = new MockLanguageModelV4({
      doGenerate: async (o) => {
        calls.push(o);
        return {
          ...textAnswer('', 1000, 2000),
          content: [{ type: 'text', text: '```json\n{"ok":true}\n```' }],
        };
      },
    });
    const { rt } = runtime();
    const result = await executeGenerate({
      runtime: rt,
      plan: plan(target('m', lm)),
      policy,
      request: {
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: 'q' },
          { role: 'assistant', content: 'a' },
          { role: 'tool', content: '42', toolCallId: 'c1', toolName: 'calc' },
        ],
        responseSchema: { type: 'object' },
        temperature: 0.2,
        maxOutputTokens: 50,
      },
    });
    expect(calls[0]).toMatchObject({
      temperature: 0.2,
      maxOutputTokens: 50,
      responseFormat: { type: 'json', schema: { type: 'object' } },
      prompt: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'q' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'a' }] },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c1',
              toolName: 'calc',
              output: { type: 'text', value: '42' },
            },
          ],
        },
      ],
    });
    expect(result).toMatchObject({
      id: 'gen-1',
      object: { ok: true },
      usage: { inputTokens: 1000, outputTokens: 2000 },
      cost: 0.5 + 3,
      cached: false,
      provider: 'p1',
      providerKind: 'openai',
      model: 'm',
      route: 'main',
      finishReason: 'stop',
      attempts: [{ provider: 'p1', model: 'm', outcome: 'ok' }],
    });
  });

  it('passes tools without execute and returns the tool calls', async () => {
    const lm = new MockLanguageModelV4({
      doGenerate: {
        content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Oslo"}' }],
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        usage: usage(5, 5),
        warnings: [],
      },
    });
    const { rt } = runtime();
    const result = await executeGenerate({
      runtime: rt,
      plan: plan(target('m', lm)),
      request: { ...request, tools: [{ name: 'weather', description: 'w', parameters: { type: 'object' } }] },
    });
    expect(lm.doGenerateCalls[0]?.tools).toEqual([
      { type: 'function', name: 'weather', description: 'w', inputSchema: { type: 'object' } },
    ]);
    expect(result.toolCalls).toEqual([{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }]);
    expect(result.finishReason).toBe('tool-calls');
  });

  it('retries a 429 after exactly its Retry-After, then a 5xx with jittered backoff', async () => {
    const m = flaky('m', httpError(429, { 'retry-after': '2' }), httpError(503));
    const { rt, sleeps } = runtime(5);
    const result = await executeGenerate({ runtime: rt, plan: plan(m.t), request, policy });
    expect(result.text).toBe('m');
    expect(sleeps).toEqual([2000, 100]); // Retry-After 2 s, then 0.5 · 100·2^1
    expect(result.attempts.map((a) => [a.outcome, a.status])).toEqual([
      ['error', 429],
      ['error', 503],
      ['ok', undefined],
    ]);
  });

  it('a Retry-After beyond the cap moves on to the next target without waiting', async () => {
    const m = flaky('m', httpError(429, { 'retry-after': '60' }));
    const f = flaky('f');
    const { rt, sleeps } = runtime();
    const result = await executeGenerate({ runtime: rt, plan: plan(m.t, f.t), request, policy });
    expect(result.model).toBe('f');
    expect(sleeps).toEqual([]);
    expect(m.calls()).toBe(1);
  });

  it('a retry storm opens the circuit mid-call and the call moves on', async () => {
    const m = flaky('m', httpError(500), httpError(500), httpError(500));
    const f = flaky('f');
    const result = await executeGenerate({ runtime: runtime(2).rt, plan: plan(m.t, f.t), request, policy });
    expect(m.calls()).toBe(2);
    expect(result.attempts.map((a) => `${a.model}:${a.outcome}`)).toEqual([
      'm:error',
      'm:error',
      'm:circuit-open',
      'f:ok',
    ]);
  });

  it('a 400 goes straight to the next target and does not count against the circuit', async () => {
    const m = flaky('m', httpError(400), httpError(400), httpError(400));
    const f = flaky('f');
    const { rt } = runtime();
    for (let i = 0; i < 3; i++) await executeGenerate({ runtime: rt, plan: plan(m.t, f.t), request, policy });
    expect(m.calls()).toBe(3);
    expect(rt.breakers.state(m.t.key)).toBe('closed');
  });

  it('401 is not retried and opens the circuit after the threshold', async () => {
    const m = flaky('m', httpError(401), httpError(401));
    const f = flaky('f');
    const { rt } = runtime();
    await executeGenerate({ runtime: rt, plan: plan(m.t, f.t), request, policy });
    await executeGenerate({ runtime: rt, plan: plan(m.t, f.t), request, policy });
    expect(m.calls()).toBe(2);
    expect(rt.breakers.state(m.t.key)).toBe('open');
    const third = await executeGenerate({ runtime: rt, plan: plan(m.t, f.t), request, policy });
    expect(m.calls()).toBe(2);
    expect(third.attempts.map((a) => a.outcome)).toEqual(['circuit-open', 'ok']);
  });

  it('all targets down: MODEL_UNAVAILABLE 503 with every attempt in details', async () => {
    const down = () =>
      new APICallError({
        message: 'Cannot connect to API: ECONNREFUSED',
        url: 'http://x',
        requestBodyValues: {},
        isRetryable: true,
      });
    const m = flaky('m', down(), down());
    const f = flaky('f', httpError(500), httpError(500));
    const { rt } = runtime();
    const error = await executeGenerate({
      runtime: rt,
      plan: plan(m.t, f.t),
      request,
      policy: { ...policy, maxRetries: 1 },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', status: 503 });
    expect(error.details.map((d: { model: string; outcome: string }) => `${d.model}:${d.outcome}`)).toEqual([
      'm:error',
      'm:error',
      'f:error',
      'f:error',
    ]);
    expect(error.details[0].message).toContain('ECONNREFUSED');
  });

  it('a refused call (422) everywhere: GENERATION_FAILED 502', async () => {
    const m = flaky('m', httpError(422));
    const error = await executeGenerate({ runtime: runtime().rt, plan: plan(m.t), request, policy }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: 'GENERATION_FAILED', status: 502 });
  });

  it('an answer that is not the JSON asked for tries the next target', async () => {
    const bad = target('bad', new MockLanguageModelV4({ doGenerate: textAnswer('not json') }));
    const good = target('good', new MockLanguageModelV4({ doGenerate: textAnswer('{"a":1}') }));
    const { rt } = runtime();
    const result = await executeGenerate({
      runtime: rt,
      plan: plan(bad, good),
      request: { ...request, responseSchema: {} },
    });
    expect(result.object).toEqual({ a: 1 });
    expect(result.attempts[0]).toMatchObject({
      model: 'bad',
      outcome: 'error',
      error: 'the model did not answer valid JSON',
    });
    const alone = await executeGenerate({
      runtime: rt,
      plan: plan(bad),
      request: { ...request, responseSchema: {} },
    }).catch((e) => e);
    expect(alone).toMatchObject({ code: 'GENERATION_FAILED' });
  });

  it('every circuit open: MODEL_UNAVAILABLE with Retry-After until the first probe', async () => {
    const m = target('m');
    const { rt } = runtime();
    for (let i = 0; i < 2; i++) rt.breakers.recordFailure(rt.breakers.tryAcquire(m.key)!);
    const error = await executeGenerate({
      runtime: rt,
      plan: { route: null, attempts: [], skipped: [m] },
      request,
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE', headers: { 'Retry-After': '60' } });
    expect(error.details[0]).toMatchObject({ outcome: 'circuit-open', model: 'm' });
  });

  it('no targets at all: MODEL_UNAVAILABLE', async () => {
    const error = await executeGenerate({ runtime: runtime().rt, plan: plan(), request }).catch((e) => e);
    expect(error).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: 'No target is configured for this call',
    });
  });

  it('a per-attempt timeout aborts the upstream call and counts as a timeout', async () => {
    const seen: AbortSignal[] = [];
    const slow = new MockLanguageModelV4({
      doGenerate: (o) => {
        seen.push(o.abortSignal!);
        return new Promise((_, reject) =>
          o.abortSignal?.addEventListener('abort', () => reject(o.abortSignal?.reason)),
        );
      },
    });
    const { rt } = runtime();
    const result = await executeGenerate({
      runtime: rt,
      plan: plan(target('slow', slow), target('fast')),
      request,
      policy: { ...policy, timeoutMs: 150, maxRetries: 0 },
    });
    expect(result.model).toBe('fast');
    expect(result.attempts[0]).toMatchObject({ outcome: 'timeout', error: 'upstream timed out' });
    expect(result.attempts[0]!.latencyMs).toBeGreaterThanOrEqual(140);
    expect(seen[0]?.aborted).toBe(true);
    expect(rt.stats.inFlight('p1:slow')).toBe(0);
  });

  it('the caller aborting stops everything and frees a half-open probe', async () => {
    const ac = new AbortController();
    const hang = new MockLanguageModelV4({
      doGenerate: (o) =>
        new Promise((_, reject) =>
          o.abortSignal?.addEventListener('abort', () => reject(o.abortSignal?.reason)),
        ),
    });
    const { rt, clock } = runtime();
    const t = target('hang', hang);
    for (let i = 0; i < 2; i++) rt.breakers.recordFailure(rt.breakers.tryAcquire(t.key)!);
    clock.t += 60_000;
    expect(rt.breakers.state(t.key)).toBe('half-open');
    const f = flaky('f');
    const p = executeGenerate({ runtime: rt, plan: plan(t, f.t), request, signal: ac.signal });
    setTimeout(() => ac.abort(new Error('client left')), 50);
    await expect(p).rejects.toThrow('client left');
    expect(f.calls()).toBe(0);
    expect(hang.doGenerateCalls).toHaveLength(1);
    expect(rt.breakers.state(t.key)).toBe('half-open');
    expect(rt.breakers.tryAcquire(t.key)).toEqual({ key: t.key, probe: true });
  });
});
