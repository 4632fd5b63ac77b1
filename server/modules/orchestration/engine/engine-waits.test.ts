import { describe, expect, it, vi } from 'vitest';
import { useEngineHarness } from '../../../testing/engine.test-kit.ts';
import { decideApproval } from '../approvals/decide-approval.ts';
import type { TStepContext, TStepOutcome } from '../types.ts';
import type { TExecutors } from './engine-types.ts';

// `hold` answers only once its signal aborts (cancellation or timeout), as a long model call would.
const aborted: string[] = [];
const hold = (ctx: TStepContext) =>
  new Promise<TStepOutcome>((resolve) => {
    ctx.progress({ type: 'tokens', delta: 'partial' });
    ctx.signal.addEventListener('abort', () => {
      aborted.push(ctx.stepId);
      resolve({ status: 'failed', error: String(ctx.signal.reason), retryable: false });
    });
  });
const executors: TExecutors = {
  transform: async (ctx, step) =>
    'code' in step && step.code === 'hold'
      ? hold(ctx)
      : { status: 'succeeded', output: { got: ctx.scope.input } },
};

describe('workflow engine: approvals, sub-workflows, cancellation, timeouts', () => {
  const h = useEngineHarness(executors);

  it('suspends on an approval until it is decided, then resumes with the decision as output', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [
        { id: 'ask', type: 'approval', message: 'Publish {{ input.title }}?' },
        { id: 'go', type: 'transform', code: 'x', dependsOn: ['ask'] },
      ],
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: { title: 'T' },
      trigger: 'manual',
      createdBy: m.userId,
    });
    const waiting = await h.waitFor(m.organizationId, runId, ['waiting']);
    const requested = waiting.events.find((e) => e.type === 'approval.requested');
    expect(requested?.data).toMatchObject({ message: 'Publish T?' });
    const approvalId = String(requested?.data.approvalId);

    const other = await h.member();
    const decide = (organizationId: string, decision: 'approved' | 'rejected') =>
      decideApproval(h.engine.ctx, { organizationId, approvalId, decision, comment: 'ok', userId: m.userId });
    await expect(decide(other.organizationId, 'approved')).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    await expect(
      decideApproval(h.engine.ctx, {
        organizationId: m.organizationId,
        approvalId: 'nope',
        decision: 'approved',
        userId: m.userId,
      }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    await decide(m.organizationId, 'approved');
    await expect(decide(m.organizationId, 'rejected')).rejects.toMatchObject({ code: 'CONFLICT' });
    const done = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(done.run.status).toBe('succeeded');
    expect(done.steps.get('ask')?.output).toMatchObject({
      decision: 'approved',
      comment: 'ok',
      decidedBy: m.userId,
    });
  });

  it('fails the run when an approval is rejected', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [{ id: 'ask', type: 'approval', message: 'ok?' }],
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: {},
      trigger: 'manual',
      createdBy: m.userId,
    });
    const waiting = await h.waitFor(m.organizationId, runId, ['waiting']);
    const approvalId = String(waiting.events.find((e) => e.type === 'approval.requested')?.data.approvalId);
    await decideApproval(h.engine.ctx, {
      organizationId: m.organizationId,
      approvalId,
      decision: 'rejected',
      comment: 'no',
      userId: m.userId,
    });
    const done = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(done.run).toMatchObject({ status: 'failed', error: 'Step ask failed: Rejected: no' });
  });

  it('runs a sub-workflow as a step and takes its output', async () => {
    const m = await h.member();
    const child = await h.workflow(m.organizationId, {
      steps: [{ id: 'inner', type: 'transform', code: 'x' }],
      output: '{{ steps.inner.output.got.n }}',
    });
    const parent = await h.workflow(m.organizationId, {
      steps: [{ id: 'sub', type: 'workflow', workflowId: child, input: { n: '{{ input.n }}' } }],
      output: { fromChild: '{{ steps.sub.output }}' },
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: parent,
      input: { n: 42 },
      trigger: 'manual',
      createdBy: null,
    });
    const done = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(done.run).toMatchObject({ status: 'succeeded', output: { fromChild: 42 } });
    const missing = await h.workflow(m.organizationId, {
      steps: [{ id: 'sub', type: 'workflow', workflowId: crypto.randomUUID() }],
    });
    const bad = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: missing,
      input: {},
      trigger: 'manual',
      createdBy: null,
    });
    const failed = await h.waitFor(m.organizationId, bad.runId, ['succeeded', 'failed']);
    expect(failed.run.error).toMatch(/Could not start the sub-workflow: Workflow not found/);
  });

  it('cancels a run: the executing step is aborted, pending steps cancelled, a second cancel is a conflict', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [
        { id: 'long', type: 'transform', code: 'hold' },
        { id: 'next', type: 'transform', code: 'x', dependsOn: ['long'] },
      ],
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: {},
      trigger: 'manual',
      createdBy: null,
    });
    await vi.waitFor(
      async () => expect((await h.run(m.organizationId, runId)).steps.get('long')?.status).toBe('running'),
      { timeout: 15_000, interval: 100 },
    );
    await expect(
      h.engine.cancelRun({ organizationId: (await h.member()).organizationId, runId }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    await h.engine.cancelRun({ organizationId: m.organizationId, runId });
    await vi.waitFor(
      async () => expect((await h.run(m.organizationId, runId)).steps.get('long')?.status).toBe('cancelled'),
      { timeout: 15_000, interval: 100 },
    );
    const r = await h.run(m.organizationId, runId);
    expect(r.run.status).toBe('cancelled');
    expect(r.steps.get('next')?.status).toBe('cancelled');
    expect(aborted).toContain('long');
    expect(r.events.some((e) => e.type === 'step.tokens' && e.data.delta === 'partial')).toBe(true);
    await expect(h.engine.cancelRun({ organizationId: m.organizationId, runId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('aborts an attempt on its timeout and retries it', async () => {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, {
      steps: [
        {
          id: 'slow',
          type: 'transform',
          code: 'hold',
          timeoutMs: 300,
          retry: { attempts: 2, backoffMs: 100 },
        },
      ],
    });
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: {},
      trigger: 'manual',
      createdBy: null,
    });
    const done = await h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
    expect(done.run.status).toBe('failed');
    expect(done.steps.get('slow')).toMatchObject({ attempts: 2, error: 'Step timed out after 300 ms' });
  });
});
