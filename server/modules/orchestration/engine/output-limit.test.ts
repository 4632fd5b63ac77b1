import { describe, expect, it } from 'vitest';
import { useEngineHarness } from '../../../testing/engine.test-kit.ts';
import type { TTransformStep } from '../types.ts';
import type { TExecutors } from './engine-types.ts';

// A 1 KiB limit stands in for the 1 MiB default, so the test stores kilobytes, not megabytes.
const LIMIT = 1024;
// `transform` steps answer a string of the length named in `code`.
const executors: TExecutors = {
  transform: async (_ctx, step) => ({
    status: 'succeeded',
    output: 'x'.repeat(Number((step as TTransformStep).code)),
  }),
};

describe('step output limit', () => {
  const h = useEngineHarness(executors, { maxStepOutputBytes: LIMIT });

  async function runOf(steps: unknown[], output?: unknown) {
    const m = await h.member();
    const wf = await h.workflow(m.organizationId, { steps, ...(output ? { output } : {}) } as never);
    const { runId } = await h.engine.startRun({
      organizationId: m.organizationId,
      workflowId: wf,
      input: {},
      trigger: 'manual',
      createdBy: m.userId,
    });
    return h.waitFor(m.organizationId, runId, ['succeeded', 'failed']);
  }

  it('fails a step whose output is over the limit, stores none of it, and does not retry', async () => {
    const r = await runOf([
      { id: 'small', type: 'transform', code: '100' },
      // After `small`: a failing step cancels its running siblings, so side by side `small` could be cancelled.
      {
        id: 'big',
        type: 'transform',
        code: '5000',
        dependsOn: ['small'],
        retry: { attempts: 3, backoffMs: 1 },
      },
    ]);
    expect(r.run.status).toBe('failed');
    expect(r.steps.get('small')).toMatchObject({ status: 'succeeded', output: 'x'.repeat(100) });
    const big = r.steps.get('big');
    expect(big).toMatchObject({ status: 'failed', output: null, attempts: 1 });
    expect(big?.error).toMatch(/^Step output is at least 4\.9 KiB as JSON, over the 1\.0 KiB limit/);
    expect(big?.error).toContain('ORCHESTRATION_MAX_STEP_OUTPUT_BYTES');
    expect(r.run.error).toContain('Step big failed: Step output is');
  });

  it('fails a map whose items fit but whose outputs together do not', async () => {
    const r = await runOf([
      { id: 'm', type: 'map', items: [1, 2, 3], step: { id: 'each', type: 'transform', code: '400' } },
    ]);
    expect(r.run.status).toBe('failed');
    expect(r.steps.get('m[0]')).toMatchObject({ status: 'succeeded' });
    expect(r.steps.get('m')).toMatchObject({ status: 'failed', output: null });
    expect(r.steps.get('m')?.error).toMatch(/^The map output \(all items together\) is 1\.2 KiB as JSON/);
  });

  it('fails a run whose combined output is over the limit', async () => {
    const r = await runOf([
      { id: 'a', type: 'transform', code: '600' },
      { id: 'b', type: 'transform', code: '600' },
    ]);
    expect(r.run.status).toBe('failed');
    expect(r.run.output).toBeNull();
    expect(r.run.error).toMatch(/^Output: The run output is 1\.2 KiB as JSON, over the 1\.0 KiB limit/);
  });

  it('keeps outputs within the limit', async () => {
    const r = await runOf([{ id: 'a', type: 'transform', code: '1000' }]);
    expect(r.run.status).toBe('succeeded');
    expect(r.run.output).toEqual({ a: 'x'.repeat(1000) });
  });
});
