import { describe, expect, it } from 'vitest';
import { useEngineHarness } from '../../../testing/engine.test-kit.ts';
import type { TStepContext, TStepOutcome, TTransformStep } from '../types.ts';
import type { TExecutors } from './engine-types.ts';

// The test executors: `transform` steps name a behaviour in `code`; `llm` echoes its rendered prompt.
const calls = new Map<string, number>();
const behaviours: Record<string, (ctx: TStepContext) => Promise<TStepOutcome>> = {
  echo: async (ctx) => ({
    status: 'succeeded',
    output: { input: ctx.scope.input, item: ctx.scope.item ?? null },
  }),
  flaky: async (ctx) => {
    const n = (calls.get(ctx.runId) ?? 0) + 1;
    calls.set(ctx.runId, n);
    return n < 3
      ? { status: 'failed', error: `flaky ${n}`, retryable: true }
      : { status: 'succeeded', output: n };
  },
  broken: async () => ({ status: 'failed', error: 'broken for good', retryable: false }),
  double: async (ctx) => ({ status: 'succeeded', output: Number(ctx.scope.item) * 2 }),
};
const executors: TExecutors = {
  transform: async (ctx, step) => {
    const b = behaviours[(step as TTransformStep).code];
    return b ? b(ctx) : { status: 'failed', error: 'unknown behaviour', retryable: false };
  },
  llm: async (_ctx, step) => ({
    status: 'succeeded',
    output: { text: `echo:${(step as { prompt: string }).prompt}` },
    tokens: 7,
    cost: 0.001,
  }),
};

describe('workflow engine', () => {
  const h = useEngineHarness(executors);

  it('runs dependent steps in order, renders templates over finished steps and sums tokens', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      input: { type: 'object', required: ['topic'], properties: { topic: { type: 'string' } } },
      steps: [
        { id: 'a', type: 'llm', prompt: 'about {{ input.topic }}' },
        { id: 'b', type: 'llm', prompt: 'refine {{ steps.a.output.text }}', dependsOn: ['a'] },
      ],
      output: { final: '{{ steps.b.output.text }}' },
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: { topic: 'owls' },
      trigger: 'manual',
      createdBy: m.userId,
    });
    const r = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(r.run.status).toBe('succeeded');
    expect(r.run.output).toEqual({ final: 'echo:refine echo:about owls' });
    expect(r.run.tokens).toBe(14);
    expect(Number(r.run.cost)).toBeCloseTo(0.002);
    expect(r.steps.get('b')?.input).toMatchObject({ prompt: 'refine echo:about owls' });
    const types = r.events.map((e) => `${e.type}:${e.stepId ?? ''}`);
    expect(types.indexOf('step.finished:a')).toBeLessThan(types.indexOf('step.started:b'));
    expect(types.at(-1)).toBe('run.finished:');
  });

  it('refuses input that breaks the input schema, and unknown workflows', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      input: { type: 'object', required: ['topic'] },
      steps: [{ id: 'a', type: 'llm', prompt: 'x' }],
    });
    const start = (workflowId: string, input: unknown) =>
      h.engine.startRun({
        organizationId: m.organizationId,
        workflowId,
        input,
        trigger: 'manual',
        createdBy: m.userId,
      });
    await expect(start(wf, {})).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(start(crypto.randomUUID(), {})).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    const other = await h.member();
    await expect(
      h.engine.startRun({
        organizationId: other.organizationId,
        workflowId: wf,
        input: { topic: 1 },
        trigger: 'manual',
        createdBy: other.userId,
      }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
  });

  it('retries with backoff, then applies onError continue / fallback / fail', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [
        { id: 'flaky', type: 'transform', code: 'flaky', retry: { attempts: 3, backoffMs: 200 } },
        { id: 'soft', type: 'transform', code: 'broken', onError: 'continue' },
        { id: 'withFallback', type: 'transform', code: 'broken', onError: { fallback: 'rescue' } },
        { id: 'rescue', type: 'transform', code: 'echo' },
        {
          id: 'after',
          type: 'llm',
          prompt: 'got {{ steps.withFallback.output.input.x }}',
          dependsOn: ['withFallback', 'soft'],
        },
      ],
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: { x: 5 },
      trigger: 'manual',
      createdBy: null,
    });
    const r = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(r.run.status).toBe('succeeded');
    expect(r.steps.get('flaky')).toMatchObject({ status: 'succeeded', attempts: 3, output: 3 });
    expect(r.events.filter((e) => e.type === 'step.retrying' && e.stepId === 'flaky')).toHaveLength(2);
    expect(r.steps.get('soft')?.status).toBe('failed');
    expect(r.steps.get('rescue')?.status).toBe('succeeded');
    expect(r.steps.get('after')?.output).toEqual({ text: 'echo:got 5' });

    const failing = await h.workflow(m.organizationId, {
      steps: [
        { id: 'bad', type: 'transform', code: 'broken' },
        { id: 'never', type: 'llm', prompt: 'x', dependsOn: ['bad'] },
      ],
    });
    const f = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: failing,
      input: {},
      trigger: 'manual',
      createdBy: null,
    });
    const fr = await h.waitFor(m.organizationId, f.runId, ['succeeded', 'failed']);
    expect(fr.run).toMatchObject({ status: 'failed', error: 'Step bad failed: broken for good' });
    expect(fr.steps.get('never')?.status).toBe('cancelled');
  });

  it('skips the branch a condition did not take, maps items in order, and waits durably on a delay', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [
        // biome-ignore lint/suspicious/noThenProperty: `then` is the condition step's branch list (SPEC §5).
        { id: 'check', type: 'condition', if: 'input.list.length > 3', then: ['yes'], else: ['no'] },
        { id: 'yes', type: 'llm', prompt: 'yes' },
        { id: 'no', type: 'llm', prompt: 'no' },
        { id: 'afterNo', type: 'llm', prompt: 'x', dependsOn: ['no'] },
        { id: 'wait', type: 'delay', ms: 600 },
        {
          id: 'each',
          type: 'map',
          items: '{{ input.list }}',
          concurrency: 2,
          step: { type: 'transform', code: 'double' },
        },
      ],
      output: { doubled: '{{ steps.each.output }}', yes: '{{ steps.yes.output.text }}' },
    });
    const started = Date.now();
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: { list: [1, 2, 3, 4, 5] },
      trigger: 'manual',
      createdBy: null,
    });
    const r = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(r.run.error).toBeNull();
    expect(r.run.output).toEqual({ doubled: [2, 4, 6, 8, 10], yes: 'echo:yes' });
    expect(r.steps.get('no')?.status).toBe('skipped');
    expect(r.steps.get('afterNo')?.status).toBe('skipped');
    expect(r.steps.get('each[4]')?.status).toBe('succeeded');
    const wait = r.steps.get('wait')!;
    expect(wait.finishedAt!.getTime() - wait.startedAt!.getTime()).toBeGreaterThanOrEqual(550);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it('continues a run in the same job with a step that reads a map just finished and a skipped branch', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [
        // biome-ignore lint/suspicious/noThenProperty: `then` is the condition step's branch list (SPEC §5).
        { id: 'check', type: 'condition', if: 'false', then: ['never'] },
        { id: 'never', type: 'llm', prompt: 'x' },
        { id: 'each', type: 'map', items: '{{ input.list }}', step: { type: 'transform', code: 'double' } },
        {
          id: 'sum',
          type: 'llm',
          prompt: 'got {{ steps.each.output }} and {{ steps.never.status }}',
          dependsOn: ['each', 'never'],
        },
      ],
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: { list: [1, 2, 3] },
      trigger: 'manual',
      createdBy: null,
    });
    const r = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(r.run.error).toBeNull();
    expect(r.steps.get('sum')?.input).toMatchObject({ prompt: 'got [2,4,6] and skipped' });
  });
});
