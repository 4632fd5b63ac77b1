import { APICallError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { TGenerateRequest, TResolvedTarget, TStreamEvent } from '../types.ts';
import { executeStream } from './execute-stream.ts';
import { createGatewayRuntime } from './gateway-runtime.ts';
import { controlledStream, deltas, finishPart, streamOf, target } from './mock-target.test-kit.ts';

const request: TGenerateRequest = { messages: [{ role: 'user', content: 'hi' }] };
const policy = { maxRetries: 0, timeoutMs: 2000, baseDelayMs: 1, maxDelayMs: 10 };
const streaming = (
  model: string,
  doStream: ConstructorParameters<typeof MockLanguageModelV4>[0] extends infer O
    ? O extends { doStream?: infer D }
      ? D
      : never
    : never,
) => target(model, new MockLanguageModelV4({ modelId: model, doStream }));
const ok = (model: string) => streaming(model, streamOf([...deltas('Hel', 'lo'), finishPart()]));

function run(
  attempts: TResolvedTarget[],
  opts: { signal?: AbortSignal; timeoutMs?: number; req?: TGenerateRequest } = {},
) {
  const runtime = createGatewayRuntime({ newId: () => 's-1', sleep: async () => {} });
  const events = executeStream({
    runtime,
    plan: { route: 'r', attempts, skipped: [] },
    request: opts.req ?? request,
    policy: { ...policy, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return { runtime, events };
}

async function collect(events: AsyncIterable<TStreamEvent>): Promise<TStreamEvent[]> {
  const out: TStreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

const summary = (events: TStreamEvent[]) =>
  events
    .map((e) => (e.type === 'text-delta' ? e.delta : e.type === 'start' ? `start:${e.model}` : e.type))
    .join('|');

describe('executeStream', () => {
  it('streams start, deltas and one finish with the assembled result', async () => {
    const events = await collect(run([ok('a')]).events);
    expect(summary(events)).toBe('start:a|Hel|lo|finish');
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && finish.result).toMatchObject({
      id: 's-1',
      text: 'Hello',
      usage: { inputTokens: 3, outputTokens: 2 },
      route: 'r',
      attempts: [{ model: 'a', outcome: 'ok' }],
    });
  });

  it('fails over while nothing was yielded: upstream error, error part, early end, interrupted finish', async () => {
    const refused = streaming('refused', async () => {
      throw new APICallError({
        message: 'Cannot connect',
        url: 'x',
        requestBodyValues: {},
        isRetryable: true,
      });
    });
    const errorFirst = streaming(
      'errpart',
      streamOf([
        { type: 'stream-start', warnings: [] },
        { type: 'error', error: new Error('overloaded') },
      ]),
    );
    const endsEarly = streaming(
      'early',
      streamOf([
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
      ]),
    );
    const interrupted = streaming(
      'cut',
      streamOf([{ type: 'text-start', id: 't' }, finishPart('interrupted')]),
    );
    const events = await collect(run([refused, errorFirst, endsEarly, interrupted, ok('good')]).events);
    expect(summary(events)).toBe('start:good|Hel|lo|finish');
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && finish.result.attempts.map((a) => `${a.model}:${a.outcome}`)).toEqual(
      ['refused:error', 'errpart:error', 'early:error', 'cut:error', 'good:ok'],
    );
  });

  it('when every target fails before the first delta the first next() rejects with the AppError', async () => {
    const bad = streaming('bad', streamOf([{ type: 'error', error: 'boom' }]));
    const it = run([bad]).events[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });

  it.each([
    [
      'an error part',
      (s: ReturnType<typeof controlledStream>) => s.push({ type: 'error', error: new Error('overloaded') }),
    ],
    [
      'a finish marked interrupted',
      (s: ReturnType<typeof controlledStream>) => s.push(finishPart('interrupted')),
    ],
    ['an end without finish', (s: ReturnType<typeof controlledStream>) => s.close()],
    ['a broken socket', (s: ReturnType<typeof controlledStream>) => s.error(new TypeError('terminated'))],
  ])('after the first delta, %s ends with exactly one error event', async (_name, breakIt) => {
    const s = controlledStream();
    const { events, runtime } = run([streaming('a', async () => ({ stream: s.stream })), ok('b')]);
    s.push(...deltas('one'));
    const seen: TStreamEvent[] = [];
    for await (const e of events) {
      seen.push(e);
      if (e.type === 'text-delta' && e.delta === 'one') s.push(...deltas('two').slice(2));
      if (e.type === 'text-delta' && e.delta === 'two') breakIt(s);
    }
    expect(summary(seen)).toBe('start:a|one|two|error');
    expect(seen.at(-1)).toMatchObject({ type: 'error', code: 'GENERATION_FAILED' });
    expect(runtime.stats.inFlight('p1:a')).toBe(0);
    // The break counts against the target's circuit even though the answer had started.
    expect(runtime.breakers.snapshot()).toContainEqual({
      key: 'p1:a',
      state: 'closed',
      consecutiveFailures: 1,
    });
  });

  it('a stall after the first delta times out into an error event', async () => {
    const s = controlledStream();
    s.push(...deltas('one'));
    const started = performance.now();
    const events = await collect(
      run([streaming('a', async () => ({ stream: s.stream }))], { timeoutMs: 200 }).events,
    );
    expect(summary(events)).toBe('start:a|one|error');
    expect(events.at(-1)).toMatchObject({ message: 'upstream timed out mid-stream' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await s.cancelled;
  });

  it('a stall before the first delta times out and fails over', async () => {
    const s = controlledStream();
    const { events } = run([streaming('slow', async () => ({ stream: s.stream })), ok('b')], {
      timeoutMs: 200,
    });
    const all = await collect(events);
    expect(summary(all)).toBe('start:b|Hel|lo|finish');
    const finish = all.at(-1);
    expect(finish?.type === 'finish' && finish.result.attempts[0]).toMatchObject({
      model: 'slow',
      outcome: 'timeout',
    });
    await s.cancelled;
  });

  it('keep-alive parts without content do not extend the wait for the first content', async () => {
    const s = controlledStream();
    const ping = setInterval(() => s.push({ type: 'response-metadata', id: 'x' }), 40);
    try {
      const started = performance.now();
      const all = await collect(
        run([streaming('trickle', async () => ({ stream: s.stream })), ok('b')], { timeoutMs: 250 }).events,
      );
      expect(summary(all)).toBe('start:b|Hel|lo|finish');
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      clearInterval(ping);
    }
  });

  it('breaking out of the loop cancels the upstream stream', async () => {
    const s = controlledStream();
    s.push(...deltas('one', 'two'));
    const { events, runtime } = run([streaming('a', async () => ({ stream: s.stream }))]);
    for await (const e of events) if (e.type === 'text-delta') break;
    await s.cancelled;
    expect(runtime.stats.inFlight('p1:a')).toBe(0);
  });

  it('aborting the signal mid-stream cancels the upstream and rejects', async () => {
    const s = controlledStream();
    s.push(...deltas('one'));
    const ac = new AbortController();
    const { events } = run([streaming('a', async () => ({ stream: s.stream }))], { signal: ac.signal });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const e of events) {
          seen.push(e.type);
          if (e.type === 'text-delta') ac.abort(new Error('client left'));
        }
      })(),
    ).rejects.toThrow('client left');
    expect(seen).toEqual(['start', 'text-delta']);
    await s.cancelled;
  });

  it('streams tool calls and parses JSON at the finish; invalid JSON ends in an error event', async () => {
    const tool: LanguageModelV4StreamPart = {
      type: 'tool-call',
      toolCallId: 'c1',
      toolName: 'w',
      input: '{}',
    };
    const withTool = await collect(run([streaming('a', streamOf([tool, finishPart()]))]).events);
    expect(summary(withTool)).toBe('start:a|tool-call|finish');
    const json = await collect(
      run([streaming('a', streamOf([...deltas('{"a":', '1}'), finishPart()]))], {
        req: { ...request, responseSchema: {} },
      }).events,
    );
    const last = json.at(-1);
    expect(last?.type === 'finish' && last.result.object).toEqual({ a: 1 });
    const bad = await collect(
      run([streaming('a', streamOf([...deltas('nope'), finishPart()]))], {
        req: { ...request, responseSchema: {} },
      }).events,
    );
    expect(summary(bad)).toBe('start:a|nope|error');
  });
});
