import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { APICallError, generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from './fake-anthropic.ts';
import { startFakeOpenAI } from './fake-openai.ts';
import type { TFakeServer } from './fake-server.ts';

// Every fault against each real AI SDK provider: the same cases over both fake servers.
const PROVIDERS = [
  {
    name: 'openai',
    start: () => startFakeOpenAI(),
    model: (s: TFakeServer): LanguageModelV4 =>
      createOpenAI({ baseURL: s.baseURL, apiKey: s.apiKey }).chat('gpt-4o-mini'),
    errorType: { 429: 'rate_limit_exceeded', 503: 'server_error' },
  },
  {
    name: 'anthropic',
    start: () => startFakeAnthropic(),
    model: (s: TFakeServer): LanguageModelV4 =>
      createAnthropic({ baseURL: s.baseURL, apiKey: s.apiKey })('claude-haiku-4-5'),
    errorType: { 429: 'rate_limit_error', 503: 'overloaded_error' },
  },
];

/** streamText logs stream errors by default; these tests read them from the stream instead. */
const quiet = () => {};

/** Reads a whole streamText result: part types (errors with their message) and anything thrown. */
async function drain(result: ReturnType<typeof streamText>) {
  const parts: string[] = [];
  const errors: unknown[] = [];
  try {
    for await (const part of result.fullStream) {
      parts.push(part.type);
      if (part.type === 'error') errors.push(part.error);
    }
  } catch (err) {
    // A connection lost mid-body is thrown by the SDK's reader rather than sent as an error part.
    parts.push('error');
    errors.push(err);
  }
  return { parts, errors };
}

describe.each(PROVIDERS)('fault injection against @ai-sdk/$name', ({ start, model, errorType }) => {
  let server: TFakeServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After in the provider error format', async () => {
    server.script([{ fault: 'status', status: 429, retryAfter: 2 }]);
    const error = await generateText({ model: model(server), prompt: 'x', maxRetries: 0 }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 429,
      isRetryable: true,
      responseHeaders: { 'retry-after': '2' },
    });
    expect(error.responseBody).toContain(errorType[429]);
  });

  it('answers 500 and 503 as APICallErrors', async () => {
    server.script([
      { fault: 'status', status: 500 },
      { fault: 'status', status: 503 },
    ]);
    await expect(generateText({ model: model(server), prompt: 'x', maxRetries: 0 })).rejects.toMatchObject({
      statusCode: 500,
    });
    const error = await generateText({ model: model(server), prompt: 'x', maxRetries: 0 }).catch((e) => e);
    expect(error).toMatchObject({ statusCode: 503 });
    expect(error.responseBody).toContain(errorType[503]);
  });

  it('records each attempt so retries can be asserted: same body twice, then success', async () => {
    server.script([{ fault: 'status', status: 503, retryAfter: 0 }]);
    const before = server.requests.length;
    const result = await generateText({ model: model(server), prompt: 'retry me', maxRetries: 1 });
    expect(result.text).toBe('Echo: retry me');
    const attempts = server.requests.slice(before);
    expect(attempts.map((r) => r.fault.fault)).toEqual(['status', 'ok']);
    expect(attempts[0]?.rawBody).toBe(attempts[1]?.rawBody);
  });

  it('scripts by function of the request index', async () => {
    server.script((index) => (index % 2 === 0 ? { fault: 'status', status: 500 } : { fault: 'ok' }));
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const ok = await generateText({ model: model(server), prompt: 'x', maxRetries: 0 }).then(
        () => 'ok',
        () => 'error',
      );
      outcomes.push(ok);
    }
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
    server.script([]);
  });

  it('resets the connection before any byte', async () => {
    server.script([{ fault: 'reset' }]);
    const error = await generateText({ model: model(server), prompt: 'x', maxRetries: 0 }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, statusCode: undefined });
  });

  it('sends a malformed JSON body, and a malformed stream event', async () => {
    server.script([{ fault: 'malformed' }, { fault: 'malformed' }]);
    await expect(generateText({ model: model(server), prompt: 'x', maxRetries: 0 })).rejects.toThrow(
      /Invalid JSON response/,
    );
    const { errors } = await drain(
      streamText({ model: model(server), prompt: 'a b c', maxRetries: 0, onError: quiet }),
    );
    expect(String(errors[0])).toMatch(/JSON parsing failed/);
  });

  it('cuts a stream mid-way (socket destroyed) and a plain answer half-way', async () => {
    server.script([
      { fault: 'cut', afterChunks: 2 },
      { fault: 'cut', afterChunks: 0 },
    ]);
    const { parts, errors } = await drain(
      streamText({ model: model(server), prompt: 'a b c d e f', maxRetries: 0, onError: quiet }),
    );
    expect(parts).toContain('error');
    expect(parts).not.toContain('finish');
    // The cut surfaces as the socket error it is (thrown by the SDK's reader, not an APICallError).
    expect(errors[0]).toBeInstanceOf(Error);
    await expect(generateText({ model: model(server), prompt: 'x', maxRetries: 0 })).rejects.toBeInstanceOf(
      Error,
    );
  });

  it('ends a stream cleanly without its terminator event', async () => {
    server.script([{ fault: 'no-end' }]);
    const before = server.requests.length;
    const result = streamText({ model: model(server), prompt: 'a b c', maxRetries: 0, onError: quiet });
    await drain(result);
    // The SDK accepts the stream (the text arrived); the gateway must not rely on the terminator.
    expect(await result.text).toBe('Echo: a b c');
    expect(server.requests[before]?.fault).toEqual({ fault: 'no-end' });
  });

  it('answers slowly: before headers (a caller timeout fires) or before the body (completes late)', async () => {
    server.script([
      { fault: 'slow', delayMs: 2000 },
      { fault: 'slow', delayMs: 400, phase: 'body' },
    ]);
    const started = Date.now();
    const error = await generateText({
      model: model(server),
      prompt: 'x',
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(200),
    }).catch((e) => e);
    expect(error?.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(1500);
    const lateStart = Date.now();
    const late = await generateText({ model: model(server), prompt: 'late', maxRetries: 0 });
    expect(late.text).toBe('Echo: late');
    expect(Date.now() - lateStart).toBeGreaterThanOrEqual(350);
  });
});
