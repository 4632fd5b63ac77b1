// Streamed answers against fake providers on real ports: failover while nothing reached the consumer,
// exactly one error event after that, and a consumer that leaves closing the upstream connection.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startFakeAnthropic,
  startFakeOpenAI,
  type TFakeServer,
} from '../fake-providers/fake-providers.test-kit.ts';
import type { TGenerateRequest, TResolvedTarget, TStreamEvent } from '../types.ts';
import { executeStream } from './execute-stream.ts';
import { anthropicTarget, openaiTarget } from './fake-targets.test-kit.ts';
import { createGatewayRuntime } from './gateway-runtime.ts';
import { captureEvents, startReplayServer } from './replay-server.test-kit.ts';

const request: TGenerateRequest = { messages: [{ role: 'user', content: 'tell me three words' }] };
let openai: TFakeServer;
let anthropic: TFakeServer;

beforeAll(async () => {
  [openai, anthropic] = await Promise.all([startFakeOpenAI(), startFakeAnthropic()]);
});
afterAll(async () => {
  await Promise.all([openai.close(), anthropic.close()]);
});
beforeEach(() => {
  for (const f of [openai, anthropic]) {
    f.script([]);
    f.requests.length = 0;
  }
});

function stream(attempts: TResolvedTarget[], opts: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  return executeStream({
    runtime: createGatewayRuntime(),
    plan: { route: null, attempts, skipped: [] },
    request,
    policy: { maxRetries: 0, timeoutMs: opts.timeoutMs ?? 2000, baseDelayMs: 10, maxDelayMs: 100 },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

async function collect(events: AsyncIterable<TStreamEvent>) {
  const out: TStreamEvent[] = [];
  for await (const e of events) out.push(e);
  const text = out.map((e) => (e.type === 'text-delta' ? e.delta : '')).join('');
  return { events: out, types: out.map((e) => e.type), text, last: out.at(-1) };
}

describe('streams against fake providers', () => {
  it.each([
    ['openai', () => openaiTarget(openai)],
    ['anthropic', () => anthropicTarget(anthropic)],
  ])('%s: start, token deltas, one finish with usage', async (_name, make) => {
    const r = await collect(stream([make()]));
    expect(r.text).toBe('Echo: tell me three words');
    expect(r.types[0]).toBe('start');
    expect(r.types.filter((t) => t === 'text-delta').length).toBeGreaterThan(1);
    expect(r.types.filter((t) => t === 'finish' || t === 'error')).toEqual(['finish']);
    expect(r.last?.type === 'finish' && r.last.result.usage.outputTokens).toBeGreaterThan(0);
  });

  it.each([
    ['a 503 before the first chunk', { fault: 'status', status: 503 } as const],
    ['a connection reset', { fault: 'reset' } as const],
    ['a stream cut before its first text delta', { fault: 'cut', afterChunks: 1 } as const],
    ['a malformed first event', { fault: 'malformed' } as const],
  ])('%s fails over to the next target unseen by the consumer', async (_name, fault) => {
    openai.script([fault]);
    const r = await collect(stream([openaiTarget(openai), anthropicTarget(anthropic)]));
    expect(r.events[0]).toMatchObject({ type: 'start', providerKind: 'anthropic' });
    expect(r.text).toBe('Echo: tell me three words');
    expect(r.last?.type === 'finish' && r.last.result.attempts.map((a) => a.outcome)).toEqual([
      'error',
      'ok',
    ]);
  });

  it('a slow upstream past the timeout fails over', async () => {
    openai.script([{ fault: 'slow', delayMs: 3000 }]);
    const r = await collect(stream([openaiTarget(openai), anthropicTarget(anthropic)], { timeoutMs: 300 }));
    expect(r.last?.type === 'finish' && r.last.result.attempts[0]).toMatchObject({ outcome: 'timeout' });
  });

  const cutCases = [
    {
      name: 'openai',
      fake: () => openai,
      headers: () => ({ authorization: `Bearer ${openai.apiKey}` }),
      body: {
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'tell me three words' }],
      },
      target: (baseURL: string) => createOpenAI({ apiKey: 'k', baseURL }).chat('gpt-4o-mini'),
    },
    {
      name: 'anthropic',
      fake: () => anthropic,
      headers: () => ({ 'x-api-key': anthropic.apiKey, 'anthropic-version': '2023-06-01' }),
      body: {
        model: 'claude-3-5-haiku-latest',
        max_tokens: 100,
        stream: true,
        messages: [{ role: 'user', content: 'tell me three words' }],
      },
      target: (baseURL: string) => createAnthropic({ apiKey: 'k', baseURL })('claude-3-5-haiku-latest'),
    },
  ];

  describe.each(cutCases)('$name: after the first delta has gone out', (c) => {
    // The real event sequence of the fake provider, up to and including the first text delta.
    const firstDeltaAt = (events: string[]) => events.findIndex((e) => /"(content|text)":"Echo: "/.test(e));

    it.each([
      ['the connection is cut', 'destroy' as const],
      ['the stream ends without a finish', 'end' as const],
    ])('%s: exactly one error event, never a finish, no failover', async (_name, ending) => {
      const events = await captureEvents(
        `${c.fake().baseURL}/${c.name === 'openai' ? 'chat/completions' : 'messages'}`,
        c.headers(),
        c.body,
      );
      const upTo = firstDeltaAt(events);
      expect(upTo).toBeGreaterThan(0);
      const replay = await startReplayServer(events.slice(0, upTo + 1), ending);
      try {
        const cut: TResolvedTarget = {
          ...openaiTarget(openai),
          key: 'replay',
          languageModel: c.target(replay.baseURL),
        };
        const r = await collect(stream([cut, openaiTarget(openai, 'gpt-4o')]));
        expect(r.text).toBe('Echo: ');
        expect(r.types.filter((t) => t === 'finish')).toEqual([]);
        expect(r.types.filter((t) => t === 'error')).toEqual(['error']);
        expect(r.last).toMatchObject({ type: 'error', code: 'GENERATION_FAILED' });
        expect(openai.requests.filter((q) => (q.body as { model?: string }).model === 'gpt-4o')).toHaveLength(
          0,
        );
      } finally {
        await replay.close();
      }
    });
  });

  it('every target failing before the first delta rejects the first next() with MODEL_UNAVAILABLE', async () => {
    openai.script(() => ({ fault: 'status', status: 503 }));
    anthropic.script(() => ({ fault: 'reset' }));
    const it = stream([openaiTarget(openai), anthropicTarget(anthropic)])[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', status: 503 });
  });
});

describe('a consumer that leaves', () => {
  let server: Server;
  let url: string;
  let closed: Promise<void>;
  let markClosed: () => void;

  beforeEach(async () => {
    closed = new Promise((r) => {
      markClosed = r;
    });
    // Sends one delta and then holds the stream open, as a long generation would.
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = {
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
      };
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      res.on('close', () => markClosed());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  const held = (): TResolvedTarget => ({
    key: 'held:m',
    provider: 'held',
    providerKind: 'openai',
    model: 'm',
    languageModel: createOpenAI({ apiKey: 'k', baseURL: url }).chat('m'),
    inputPricePer1k: 0,
    outputPricePer1k: 0,
  });

  it('breaking out of the loop closes the upstream connection', async () => {
    for await (const e of stream([held()], { timeoutMs: 10_000 })) if (e.type === 'text-delta') break;
    await closed;
    server.closeAllConnections();
  });

  it('aborting the signal closes the upstream connection and rejects the iteration', async () => {
    const ac = new AbortController();
    const run = (async () => {
      for await (const e of stream([held()], { timeoutMs: 10_000, signal: ac.signal })) {
        if (e.type === 'text-delta') ac.abort(new Error('client went away'));
      }
    })();
    await expect(run).rejects.toThrow('client went away');
    await closed;
    server.closeAllConnections();
  });
});
