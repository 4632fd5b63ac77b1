import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExecutorFixture, type TExecutorFixture } from '../../../testing/step-gateway.test-kit.ts';
import { agents } from '../schema.ts';
import { executeStep } from './index.ts';

let f: TExecutorFixture;
beforeAll(async () => {
  f = await startExecutorFixture();
}, 60_000);
afterAll(() => f?.stop());

describe('agent step', () => {
  let writer: string;
  beforeAll(async () => {
    const rows = await f.s.platform.db.orm
      .insert(agents)
      .values([
        {
          organizationId: f.owner.organizationId,
          name: 'writer',
          type: 'creator',
          capabilities: ['copywriting'],
          model: f.modelA,
          systemPrompt: 'You write ads.',
        },
        {
          organizationId: f.owner.organizationId,
          name: 'scout',
          type: 'researcher',
          capabilities: ['search'],
          model: 'local',
        },
      ])
      .returning();
    writer = rows[0]!.id;
  });

  it('selects the agent meeting the requirements and runs its model with its system prompt', async () => {
    const ctx = f.ctxFor(f.owner);
    const r = await f.ex.agent(ctx, {
      id: 'a',
      type: 'agent',
      requirements: { type: 'creator', capabilities: ['copywriting'] },
      prompt: 'an ad for tea',
    });
    expect(r).toMatchObject({
      status: 'succeeded',
      agentId: writer,
      output: { text: 'Paris is the capital.', agent: { id: writer, name: 'writer' } },
    });
    const sent = f.fakeA.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'You write ads.' });
    expect(ctx.logs.some((l) => l.includes('agent writer chosen'))).toBe(true);
  });

  it('runs a pinned agent; another organization cannot', async () => {
    const r = await f.ex.agent(f.ctxFor(f.owner), { id: 'p', type: 'agent', agentId: writer, prompt: 'x' });
    expect(r).toMatchObject({ status: 'succeeded', agentId: writer });
    expect(
      await f.ex.agent(f.ctxFor(f.stranger), { id: 'p', type: 'agent', agentId: writer, prompt: 'x' }),
    ).toEqual({
      status: 'failed',
      error: `agent ${writer} not found`,
      retryable: false,
    });
    expect(
      await f.ex.agent(f.ctxFor(f.owner), { id: 'p', type: 'agent', agentId: 'nope', prompt: 'x' }),
    ).toMatchObject({
      error: 'agent nope not found',
    });
  });

  it('fails naming the missing capabilities', async () => {
    const r = await f.ex.agent(f.ctxFor(f.owner), {
      id: 'm',
      type: 'agent',
      requirements: { capabilities: ['search', 'translation'] },
      prompt: 'x',
    });
    expect(r).toEqual({
      status: 'failed',
      error: 'no agent meets the requirements (missing capabilities: translation)',
      retryable: false,
    });
  });
});

describe('transform step and executeStep', () => {
  it('runs code over the scope, and fails cleanly on errors and timeouts', async () => {
    const ctx = f.ctxFor(f.owner, {
      scope: { input: { n: 2 }, steps: { a: { output: { xs: [1, 2] }, status: 'succeeded' } } },
    });
    expect(
      await f.ex.transform(ctx, {
        id: 't',
        type: 'transform',
        code: 'return steps.a.output.xs.map((x) => x * input.n);',
      }),
    ).toEqual({ status: 'succeeded', output: [2, 4] });
    expect(
      await f.ex.transform(ctx, { id: 't', type: 'transform', code: 'while (true) {}', timeoutMs: 200 }),
    ).toMatchObject({
      status: 'failed',
      retryable: false,
      error: /^transform timeout/,
    });
    expect(await f.ex.transform(ctx, { id: 't', type: 'transform', code: 'throw new Error("no")' })).toEqual({
      status: 'failed',
      retryable: false,
      error: 'transform error: Error: no',
    });
  });

  it('fails a transform that exhausts its memory, and the next one works', async () => {
    const ctx = f.ctxFor(f.owner);
    const r = await f.ex.transform(ctx, {
      id: 'm',
      type: 'transform',
      code: 'const a = []; while (true) a.push("z".repeat(4096) + a.length);',
      memoryLimitMb: 16,
      timeoutMs: 5_000,
    });
    expect(r).toMatchObject({ status: 'failed', retryable: false, error: /^transform memory/ });
    expect(await f.ex.transform(ctx, { id: 'n', type: 'transform', code: 'return "ok";' })).toEqual({
      status: 'succeeded',
      output: 'ok',
    });
  });

  it('dispatches by type and refuses types the engine runs itself', async () => {
    const ctx = f.ctxFor(f.owner);
    expect(await executeStep(f.ex, ctx, { id: 't', type: 'transform', code: 'return 1;' })).toEqual({
      status: 'succeeded',
      output: 1,
    });
    expect(await executeStep(f.ex, ctx, { id: 'd', type: 'delay', ms: 5 })).toEqual({
      status: 'failed',
      error: 'step type delay is not run by an executor',
      retryable: false,
    });
    // The http executor carries the instance's SSRF policy (private targets refused here).
    expect(
      await executeStep(f.ex, ctx, { id: 'h', type: 'http', method: 'GET', url: 'http://10.0.0.1/' }),
    ).toMatchObject({
      error: /^refused: /,
    });
  });
});
