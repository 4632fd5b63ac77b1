import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from './fake-openai.ts';
import type { TFakeServer } from './fake-server.ts';

let server: TFakeServer;
beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: 'sk-test' });
});
afterAll(() => server.close());

const sdk = () => createOpenAI({ baseURL: server.baseURL, apiKey: 'sk-test' }).chat('gpt-4o-mini');
const client = () => new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-test', maxRetries: 0 });

describe('fake OpenAI: official client', () => {
  it('answers chat completions with an echo and usage, and lists models', async () => {
    server.script([]);
    const completion = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hello there' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hello there');
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 4, total_tokens: 6 });
    const models = await client().models.list();
    expect(models.data.map((m) => m.id)).toEqual(['gpt-4o-mini', 'gpt-4o']);
  });

  it('streams chunks, a usage chunk when asked, and ends with [DONE]', async () => {
    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'one two three' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Echo: one two three');
    expect(usage).toEqual({ prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 });
  });

  it('rejects a wrong key with 401 in OpenAI error format, and bad bodies with 400', async () => {
    const bad = new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-wrong', maxRetries: 0 });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    await expect(
      client().chat.completions.create({ model: 'gpt-4o-mini', messages: [] }),
    ).rejects.toMatchObject({
      status: 400,
    });
    const raw = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const missing = await fetch(`${server.baseURL}/nothing`, {
      headers: { authorization: 'Bearer sk-test' },
    });
    expect(missing.status).toBe(404);
  });
});

describe('fake OpenAI: official client against faults', () => {
  it('surfaces a scripted 429 as RateLimitError with its headers, and retries after retry-after-ms', async () => {
    server.script([{ fault: 'status', status: 429, retryAfter: 3 }]);
    const error = await client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers.get('retry-after')).toBe('3');
    server.script([{ fault: 'status', status: 500, retryAfterMs: 0 }]);
    const before = server.requests.length;
    const retrying = new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-test', maxRetries: 1 });
    const ok = await retrying.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'again' }],
    });
    expect(ok.choices[0]?.message.content).toBe('Echo: again');
    expect(server.requests.slice(before).map((r) => r.fault.fault)).toEqual(['status', 'ok']);
  });

  it('sees a cut stream as an error', async () => {
    server.script([{ fault: 'cut', afterChunks: 2 }]);
    const stream = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'one two three four' }],
      stream: true,
    });
    const read = async () => {
      for await (const _chunk of stream) {
        // consume until the socket is destroyed
      }
    };
    await expect(read()).rejects.toThrow();
  });
});

describe('fake OpenAI: AI SDK providers', () => {
  it('works with @ai-sdk/openai .chat() for generate, stream and tools, recording requests', async () => {
    const before = server.requests.length;
    const result = await generateText({ model: sdk(), prompt: 'ping' });
    expect(result.text).toBe('Echo: ping');
    expect(result.usage.inputTokens).toBe(1);
    const recorded = server.requests[before];
    expect(recorded?.headers.authorization).toBe('Bearer sk-test');
    expect(recorded?.body).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'ping' }],
    });

    const streamed = streamText({ model: sdk(), prompt: 'stream me please' });
    expect(await streamed.text).toBe('Echo: stream me please');

    const lookup = tool({
      description: 'Look up a word',
      inputSchema: jsonSchema<{ word: string }>({
        type: 'object',
        properties: { word: { type: 'string' } },
        required: ['word'],
      }),
    });
    const called = await generateText({
      model: sdk(),
      tools: { lookup },
      toolChoice: 'required',
      prompt: 'define tide',
    });
    expect(called.toolCalls[0]?.toolName).toBe('lookup');
    expect(called.toolCalls[0]?.input).toEqual({ word: expect.any(String) });
    const streamedCall = streamText({ model: sdk(), tools: { lookup }, prompt: 'use lookup on tide' });
    expect((await streamedCall.toolCalls)[0]?.toolName).toBe('lookup');
  });

  it('works with @ai-sdk/openai-compatible including stream usage', async () => {
    const provider = createOpenAICompatible({
      name: 'fake',
      baseURL: server.baseURL,
      apiKey: 'sk-test',
      includeUsage: true,
    });
    const streamed = streamText({ model: provider.chatModel('gpt-4o'), prompt: 'compatible' });
    expect(await streamed.text).toBe('Echo: compatible');
    expect((await streamed.usage).outputTokens).toBe(3);
    const truncated = await generateText({
      model: provider.chatModel('gpt-4o'),
      prompt: 'a b c d e',
      maxOutputTokens: 2,
    });
    expect(truncated.finishReason).toBe('length');
    expect(truncated.text).toBe('Echo:');
  });
});
