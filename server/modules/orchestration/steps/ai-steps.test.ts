import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../testing/api.test-kit.ts';
import { startExecutorFixture, type TExecutorFixture } from '../../../testing/step-gateway.test-kit.ts';

let f: TExecutorFixture;
beforeAll(async () => {
  f = await startExecutorFixture();
}, 60_000);
afterAll(() => f?.stop());

describe('llm step', () => {
  it('streams tokens to progress and reports text, model, tokens and cost', async () => {
    const ctx = f.ctxFor(f.owner);
    const r = await f.ex.llm(ctx, {
      id: 'w',
      type: 'llm',
      system: 'Be brief.',
      prompt: 'Write a tagline for tea',
    });
    if (r.status !== 'succeeded') throw new Error(r.error);
    const out = r.output as { text: string; model: string; provider: string };
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.provider).toBe('local');
    expect(ctx.deltas.join('')).toBe(out.text);
    expect(r.tokens).toBeGreaterThan(0);
    expect(r.cost).toBe(0);
  });

  it('answers an object for a responseSchema', async () => {
    const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
    const r = await f.ex.llm(f.ctxFor(f.owner), {
      id: 'j',
      type: 'llm',
      prompt: 'a title',
      responseSchema: schema,
    });
    expect(r).toMatchObject({ status: 'succeeded', output: { object: { title: expect.any(String) } } });
  });

  it('fails without retry on an unknown route, an empty prompt and a broken schema', async () => {
    const route = await f.ex.llm(f.ctxFor(f.owner), {
      id: 'r',
      type: 'llm',
      route: 'no-such-route',
      prompt: 'x',
    });
    expect(route).toMatchObject({ status: 'failed', retryable: false });
    expect(await f.ex.llm(f.ctxFor(f.owner), { id: 'e', type: 'llm', prompt: '  ' })).toEqual({
      status: 'failed',
      error: 'the prompt is empty',
      retryable: false,
    });
    const bad = await f.ex.llm(f.ctxFor(f.owner), {
      id: 'b',
      type: 'llm',
      prompt: 'x',
      responseSchema: { type: 'no-such-type' },
    });
    expect(bad).toMatchObject({ status: 'failed', retryable: false, error: /VALIDATION_ERROR/ });
  });

  it('fails retryably when the upstream stream breaks, after streaming what came', async () => {
    f.fakeA.script(() => ({ fault: 'cut', afterChunks: 3 }));
    try {
      const ctx = f.ctxFor(f.owner);
      const r = await f.ex.llm(ctx, { id: 'c', type: 'llm', model: f.modelA, prompt: 'hello there' });
      expect(r).toMatchObject({ status: 'failed', retryable: true, error: /^GENERATION_FAILED/ });
    } finally {
      f.fakeA.script([]);
    }
  });

  it('fails retryably when the provider keeps answering 503', async () => {
    f.fakeA.script(() => ({ fault: 'status', status: 503 }));
    try {
      const r = await f.ex.llm(f.ctxFor(f.owner), { id: 'u', type: 'llm', model: f.modelA, prompt: 'hello' });
      expect(r).toMatchObject({ status: 'failed', retryable: true });
    } finally {
      f.fakeA.script([]);
    }
  });

  it("cannot use another organization's provider", async () => {
    const r = await f.ex.llm(f.ctxFor(f.stranger), { id: 'x', type: 'llm', model: f.modelA, prompt: 'hi' });
    expect(r).toMatchObject({ status: 'failed', retryable: false, error: /RESOURCE_NOT_FOUND/ });
  });
});

describe('ensemble step', () => {
  it('votes: two of three agree (normalised), tokens and cost summed', async () => {
    const r = await f.ex.ensemble(f.ctxFor(f.owner), {
      id: 'e',
      type: 'ensemble',
      models: [f.modelA, 'local', f.modelB],
      prompt: 'What is the capital of France?',
      combine: 'vote',
    });
    if (r.status !== 'succeeded') throw new Error(r.error);
    const out = r.output as {
      result: string;
      confidence: number;
      answers: { model: string; valid: boolean }[];
    };
    expect(out.result).toBe('Paris is the capital.');
    expect(out.confidence).toBeCloseTo(2 / 3, 3);
    expect(out.answers.map((a) => [a.model, a.valid])).toEqual([
      [f.modelA, true],
      ['local', true],
      [f.modelB, true],
    ]);
    expect(r.tokens).toBeGreaterThan(0);
    expect(r.cost).toBeGreaterThan(0);
  });

  it('calls named routes as route:<name>', async () => {
    const route = await call(f.s, f.owner, 'POST', '/api/v1/ai/routes', {
      name: 'fake-b-route',
      strategy: 'round-robin',
      targets: [{ provider: f.modelB.split(':')[0], model: 'gpt-4o-mini' }],
      fallback: [],
      timeoutMs: 2_000,
      maxRetries: 0,
    });
    expect(route.status, route.text).toBe(201);
    const before = f.fakeB.requests.length;
    const r = await f.ex.ensemble(f.ctxFor(f.owner), {
      id: 'r',
      type: 'ensemble',
      models: ['route:fake-b-route', f.modelA],
      prompt: 'capital?',
    });
    expect(r).toMatchObject({ status: 'succeeded', output: { confidence: 1, model: 'route:fake-b-route' } });
    expect(f.fakeB.requests.length).toBe(before + 1);
  });

  it('consensus: the answer most similar to the others', async () => {
    const r = await f.ex.ensemble(f.ctxFor(f.owner), {
      id: 'c',
      type: 'ensemble',
      models: ['local', f.modelA, f.modelB],
      prompt: 'What is the capital of France?',
      combine: 'consensus',
    });
    expect(r).toMatchObject({ status: 'succeeded', output: { model: f.modelA } });
    const { confidence } = (r as { output: { confidence: number } }).output;
    expect(confidence).toBeGreaterThan(0.3);
    expect(confidence).toBeLessThan(1);
  });

  it('excludes answers that fail or do not match the schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const r = await f.ex.ensemble(f.ctxFor(f.owner), {
      id: 's',
      type: 'ensemble',
      models: ['local', f.modelA, 'no-such-model'],
      prompt: 'capital of France as JSON',
      responseSchema: schema,
    });
    if (r.status !== 'succeeded') throw new Error(r.error);
    const out = r.output as { result: { city: string }; confidence: number; answers: { valid: boolean }[] };
    expect(typeof out.result.city).toBe('string');
    expect(out.answers.map((a) => a.valid)).toEqual([true, false, false]);
    expect(out.confidence).toBeCloseTo(1 / 3, 3);
  });

  it('fails when no answer is valid or fewer than two models are given', async () => {
    const none = await f.ex.ensemble(f.ctxFor(f.owner), {
      id: 'n',
      type: 'ensemble',
      models: ['no-such-model', 'other-missing-model'],
      prompt: 'x',
    });
    expect(none).toMatchObject({
      status: 'failed',
      error: /^no valid answer \(no-such-model: MODEL_UNAVAILABLE/,
    });
    expect(
      await f.ex.ensemble(f.ctxFor(f.owner), { id: 'o', type: 'ensemble', models: ['local'], prompt: 'x' }),
    ).toEqual({
      status: 'failed',
      error: 'an ensemble needs at least two models',
      retryable: false,
    });
  });
});
