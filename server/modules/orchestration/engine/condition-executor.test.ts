import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from '../sandbox/index.ts';
import { stepContext } from '../steps/step-context.test-kit.ts';
import type { TStep } from '../types.ts';
import { evaluateCondition } from './condition-executor.ts';

const pool = createSandboxPool({ size: 1 });
afterAll(() => pool.close());

const condition = (expr: string): TStep => ({ id: 'check', type: 'condition', if: expr }) as TStep;

/**
 * Runs `work` while a 10 ms timer ticks and answers the longest gap between two ticks: on the main thread a
 * busy expression would hold every timer until its deadline (a second), which is what stalled /health.
 */
async function longestTimerGap<T>(work: () => Promise<T>): Promise<{ result: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    return { result, gapMs: Math.max(gapMs, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

describe('condition steps', () => {
  it('decide with the run scope', async () => {
    const ctx = stepContext({ scope: { input: { score: 7 }, steps: {} } });
    expect(await evaluateCondition(ctx, condition('input.score > 5'), pool)).toEqual({
      status: 'succeeded',
      output: { result: true },
    });
  });

  it('fail the step on an endless loop while the event loop stays responsive', async () => {
    await pool.run({ code: 'return 0;', globals: {} }); // the worker is loaded: only the expression is timed
    const { result, gapMs } = await longestTimerGap(() =>
      evaluateCondition(stepContext(), condition('(() => { while (true) {} })()'), pool),
    );
    expect(result).toMatchObject({ status: 'failed', retryable: false, error: /^Condition timeout: / });
    expect(gapMs).toBeLessThan(400);
  });

  it.each([
    // Small allocations: the interrupt handler sees the heap pass the expression's limit.
    [
      'many small objects',
      '(() => { const a = []; while (true) a.push({ n: a.length }); })()',
      /^Condition memory: /,
    ],
    // Megabytes per operation, the reported bomb: on the main thread it grew the heap to 2 GiB over 18 s. Off
    // it, the capped WebAssembly memory or the pool's watchdog stops it, whichever comes first.
    [
      'megabyte strings',
      '(() => { const a = []; while (true) a.push("y".repeat(4e6) + a.length); })()',
      /^Condition (memory|timeout): /,
    ],
  ])(
    'fail the step on a memory bomb (%s) while the event loop stays responsive',
    async (_name, expr, error) => {
      const rssBefore = process.memoryUsage().rss;
      const { result, gapMs } = await longestTimerGap(() =>
        evaluateCondition(stepContext(), condition(expr), pool),
      );
      expect(result).toMatchObject({ status: 'failed', retryable: false, error });
      expect(gapMs).toBeLessThan(400);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
      // The next condition still runs (on the same worker, or on the one that replaced it).
      expect(await evaluateCondition(stepContext(), condition('1 + 1 === 2'), pool)).toMatchObject({
        status: 'succeeded',
      });
    },
    30_000,
  );
});
