import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from './fake-anthropic.ts';
import type { TFakeServer } from './fake-server.ts';

let server: TFakeServer;
beforeAll(async () => {
  server = await startFakeAnthropic({ apiKey: 'ak-test', reply: (text) => `You said: ${text}` });
});
afterAll(() => server.close());

const model = (apiKey = 'ak-test') =>
  createAnthropic({ baseURL: server.baseURL, apiKey })('claude-sonnet-4-5');

describe('fake Anthropic with @ai-sdk/anthropic', () => {
  it('answers /v1/messages with the configured reply and usage, recording x-api-key', async () => {
    const before = server.requests.length;
    const result = await generateText({ model: model(), system: 'Be kind.', prompt: 'hello claude' });
    expect(result.text).toBe('You said: hello claude');
    expect(result.usage).toMatchObject({ inputTokens: 5, outputTokens: 5 });
    expect(result.finishReason).toBe('stop');
    const recorded = server.requests[before];
    expect(recorded?.headers['x-api-key']).toBe('ak-test');
    expect(recorded?.path).toBe('/v1/messages');
  });

  it('streams the message event sequence with usage', async () => {
    const streamed = streamText({ model: model(), prompt: 'stream this' });
    const deltas: string[] = [];
    for await (const delta of streamed.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('You said: stream this');
    expect(deltas.length).toBeGreaterThan(1);
    expect((await streamed.usage).outputTokens).toBe(5);
    expect(await streamed.finishReason).toBe('stop');
  });

  it('calls a named tool, then reports the tool result', async () => {
    const stock = tool({
      description: 'Stock level of a product',
      inputSchema: jsonSchema<{ product: string }>({
        type: 'object',
        properties: { product: { type: 'string' } },
        required: ['product'],
      }),
      execute: async () => ({ units: 7 }),
    });
    const result = await generateText({
      model: model(),
      tools: { stock },
      stopWhen: stepCountIs(2),
      prompt: 'check stock for lamps',
    });
    expect(result.steps[0]?.toolCalls[0]?.toolName).toBe('stock');
    expect(result.text).toBe('Tool result: {"units":7}');
  });

  it('answers a wrong key with 401 authentication_error and max_tokens with stop reason max_tokens', async () => {
    await expect(generateText({ model: model('nope'), prompt: 'x', maxRetries: 0 })).rejects.toMatchObject({
      statusCode: 401,
      responseBody: expect.stringContaining('authentication_error'),
    });
    const cut = await generateText({ model: model(), prompt: 'a b c d', maxOutputTokens: 2 });
    expect(cut.finishReason).toBe('length');
    expect(cut.text).toBe('You said');
  });
});
