import { describe, expect, it } from 'vitest';
import type { TWorkflowDefinition } from '../types.ts';
import { buildScope, conditionVerdict, leafOutputs, planAdvance } from './graph.ts';
import type { TStepRow } from './load-run.ts';

const row = (stepId: string, status: string, output: unknown = null, error: string | null = null) =>
  ({ stepId, status, output, error, input: null }) as unknown as TStepRow;

const def = (steps: unknown[], output?: unknown) => ({ steps, output }) as TWorkflowDefinition;

describe('planAdvance', () => {
  it('readies roots, then dependents once every dependency is settled', () => {
    const d = def([
      { id: 'a', type: 'llm', prompt: 'x' },
      { id: 'b', type: 'llm', prompt: 'x' },
      { id: 'c', type: 'llm', prompt: 'x', dependsOn: ['a', 'b'] },
    ]);
    expect(planAdvance(d, [row('a', 'pending'), row('b', 'pending'), row('c', 'pending')]).ready).toEqual([
      'a',
      'b',
    ]);
    expect(planAdvance(d, [row('a', 'succeeded'), row('b', 'running'), row('c', 'pending')]).ready).toEqual(
      [],
    );
    const done = planAdvance(d, [row('a', 'succeeded'), row('b', 'succeeded'), row('c', 'succeeded')]);
    expect(done).toMatchObject({ ready: [], finished: true, fatal: null });
  });

  it('skips the branch not taken and what only it feeds, but not a join of both branches', () => {
    const d = def([
      // biome-ignore lint/suspicious/noThenProperty: `then` is the condition step's branch list (SPEC §5).
      { id: 'if', type: 'condition', if: 'x', then: ['t'], else: ['e'] },
      { id: 't', type: 'llm', prompt: 'x' },
      { id: 'e', type: 'llm', prompt: 'x' },
      { id: 'afterE', type: 'llm', prompt: 'x', dependsOn: ['e'] },
      { id: 'join', type: 'llm', prompt: 'x', dependsOn: ['t', 'e'] },
    ]);
    const rows = [
      row('if', 'succeeded', { result: true }),
      row('t', 'pending'),
      row('e', 'pending'),
      row('afterE', 'pending'),
      row('join', 'pending'),
    ];
    const p = planAdvance(d, rows);
    expect(p.skip.sort()).toEqual(['afterE', 'e']);
    expect(p.ready).toEqual(['t']);
    const later = planAdvance(d, [
      row('if', 'succeeded', { result: true }),
      row('t', 'succeeded'),
      row('e', 'skipped'),
      row('afterE', 'skipped'),
      row('join', 'pending'),
    ]);
    expect(later.ready).toEqual(['join']);
  });

  it('fails fatally, continues, or runs the fallback according to onError', () => {
    const d = def([
      { id: 'f', type: 'llm', prompt: 'x' },
      { id: 'c', type: 'llm', prompt: 'x', onError: 'continue' },
      { id: 'fb', type: 'llm', prompt: 'x', onError: { fallback: 'rescue' } },
      { id: 'rescue', type: 'llm', prompt: 'x' },
      { id: 'next', type: 'llm', prompt: 'x', dependsOn: ['c', 'fb'] },
    ]);
    const base = [
      row('c', 'failed', null, 'c broke'),
      row('fb', 'failed', null, 'fb broke'),
      row('rescue', 'pending'),
      row('next', 'pending'),
    ];
    const p = planAdvance(d, [row('f', 'succeeded'), ...base]);
    expect(p.fatal).toBeNull();
    expect(p.ready).toEqual(['rescue']);
    expect(
      planAdvance(d, [
        row('f', 'succeeded'),
        ...base.slice(0, 2),
        row('rescue', 'succeeded', 'saved'),
        row('next', 'pending'),
      ]).ready,
    ).toEqual(['next']);
    expect(planAdvance(d, [row('f', 'failed', null, 'boom'), ...base]).fatal).toEqual({
      stepId: 'f',
      error: 'boom',
    });
    // A fallback whose source succeeded is skipped.
    expect(
      planAdvance(d, [
        row('f', 'succeeded'),
        row('c', 'succeeded'),
        row('fb', 'succeeded'),
        row('rescue', 'pending'),
        row('next', 'pending'),
      ]).skip,
    ).toEqual(['rescue']);
  });

  it('runs a fallback only after its own dependencies settled, even when its source failed first', () => {
    const d = def([
      { id: 'slow', type: 'llm', prompt: 'x' },
      { id: 'work', type: 'llm', prompt: 'x', onError: { fallback: 'rescue' } },
      { id: 'rescue', type: 'llm', prompt: 'x', dependsOn: ['slow'] },
      { id: 'after', type: 'llm', prompt: 'x', dependsOn: ['work'] },
    ]);
    const failed = row('work', 'failed', null, 'broke');
    const early = planAdvance(d, [
      row('slow', 'running'),
      failed,
      row('rescue', 'pending'),
      row('after', 'pending'),
    ]);
    expect(early).toMatchObject({ ready: [], skip: [], fatal: null, finished: false });
    const later = planAdvance(d, [
      row('slow', 'succeeded', 'S'),
      failed,
      row('rescue', 'pending'),
      row('after', 'pending'),
    ]);
    expect(later.ready).toEqual(['rescue']);
    // A skipped dependency settles the fallback without skipping it: the failure still needs handling.
    const skippedDep = planAdvance(d, [
      row('slow', 'skipped'),
      failed,
      row('rescue', 'pending'),
      row('after', 'pending'),
    ]);
    expect(skippedDep.ready).toEqual(['rescue']);
    expect(
      planAdvance(d, [
        row('slow', 'succeeded'),
        failed,
        row('rescue', 'succeeded', 'R'),
        row('after', 'pending'),
      ]).ready,
    ).toEqual(['after']);
  });

  it('windows map items by concurrency and finishes the map in item order', () => {
    const d = def([
      { id: 'm', type: 'map', items: '{{ input }}', concurrency: 2, step: { type: 'llm', prompt: 'x' } },
    ]);
    const items = [
      row('m[0]', 'succeeded', 'a'),
      row('m[1]', 'running'),
      row('m[2]', 'pending'),
      row('m[3]', 'pending'),
      row('m[10]', 'pending'),
    ];
    expect(planAdvance(d, [row('m', 'waiting'), ...items]).readyItems).toEqual(['m[2]']);
    const done = planAdvance(d, [
      row('m', 'waiting'),
      row('m[10]', 'succeeded', 'k'),
      row('m[2]', 'succeeded', 'c'),
      row('m[0]', 'succeeded', 'a'),
    ]);
    expect(done.mapsDone).toEqual([{ id: 'm', status: 'succeeded', output: ['a', 'c', 'k'], error: null }]);
    expect(done.finished).toBe(true);
    const failed = planAdvance(d, [
      row('m', 'waiting'),
      row('m[0]', 'failed', null, 'bad item'),
      row('m[1]', 'pending'),
    ]);
    expect(failed.mapsDone[0]).toMatchObject({ status: 'failed', error: 'Item m[0]: bad item' });
    expect(failed.fatal).toEqual({ stepId: 'm', error: 'Item m[0]: bad item' });
  });
});

describe('scope and output', () => {
  it('gives a failed step its fallback output and defaults the run output to leaf steps that ran', () => {
    const d = def([
      { id: 'a', type: 'llm', prompt: 'x', onError: { fallback: 'b' } },
      { id: 'b', type: 'llm', prompt: 'x' },
      { id: 'c', type: 'llm', prompt: 'x', dependsOn: ['a'] },
      { id: 'd', type: 'llm', prompt: 'x' },
    ]);
    const scope = buildScope(
      d,
      [row('a', 'failed'), row('b', 'succeeded', 'B'), row('c', 'succeeded', 'C'), row('d', 'skipped')],
      { q: 1 },
    );
    expect(scope.steps.a).toEqual({ output: 'B', status: 'failed' });
    expect(leafOutputs(d, scope)).toEqual({ c: 'C' });
    expect(conditionVerdict({ result: 0 })).toBe(false);
    expect(conditionVerdict(true)).toBe(true);
  });
});
