// biome-ignore-all lint/suspicious/noThenProperty: condition steps have a `then` branch list (SPEC §5); arrays, never thenables.
import { describe, expect, it } from 'vitest';
import {
  connect,
  disconnect,
  errorsByStep,
  newStep,
  removeStep,
  replaceStep,
  type TWorkflowDefinition,
} from './definition.ts';
import { autoLayout } from './layout.ts';

const chain: TWorkflowDefinition = {
  steps: [
    { id: 'a', type: 'transform', code: 'return 1;' },
    { id: 'b', type: 'llm', prompt: 'x', dependsOn: ['a'], onError: { fallback: 'c' } },
    { id: 'c', type: 'condition', if: 'true', dependsOn: ['a'], then: ['b'], else: ['a'] },
  ],
};

describe('definition edits', () => {
  it('names new steps with the first free id and makes them depend on the given step', () => {
    const step = newStep('llm', [...chain.steps, { id: 'llm-1', type: 'llm', prompt: 'p' }], ['a']);
    expect(step).toEqual({ id: 'llm-2', type: 'llm', prompt: '', dependsOn: ['a'] });
    expect(newStep('delay', [])).toEqual({ id: 'delay-1', type: 'delay', ms: 1000 });
  });

  it('renames every reference when a step id changes', () => {
    const a = chain.steps[0];
    if (!a) throw new Error('fixture');
    const next = replaceStep(chain, 'a', { ...a, id: 'start' });
    expect(next.steps.map((s) => s.id)).toEqual(['start', 'b', 'c']);
    expect(next.steps[1]?.dependsOn).toEqual(['start']);
    expect(next.steps[2]).toMatchObject({ dependsOn: ['start'], else: ['start'], then: ['b'] });
  });

  it('removes a step with its references, leaving no empty lists or dangling fallbacks', () => {
    const next = removeStep(chain, 'c');
    expect(next.steps).toEqual([
      { id: 'a', type: 'transform', code: 'return 1;' },
      { id: 'b', type: 'llm', prompt: 'x', dependsOn: ['a'] },
    ]);
    const withoutA = removeStep(chain, 'a');
    expect(withoutA.steps[0]).not.toHaveProperty('dependsOn');
    expect(withoutA.steps[1]).toMatchObject({ then: ['b'] });
    expect(withoutA.steps[1]).not.toHaveProperty('else');
  });

  it('connects and disconnects dependencies once, never a step to itself', () => {
    const once = connect(chain, 'b', 'c');
    expect(connect(once, 'b', 'c').steps[2]?.dependsOn).toEqual(['a', 'b']);
    expect(connect(chain, 'a', 'a')).toBe(chain);
    expect(disconnect(chain, 'a', 'b').steps[1]).not.toHaveProperty('dependsOn');
  });

  it('groups server errors by step and keeps the rest as the definition errors', () => {
    const { byStep, general } = errorsByStep([
      { step: 'a', field: 'code', message: 'Required' },
      { step: 'a', field: 'dependsOn', message: 'Cycle: a → b → a' },
      { field: 'input', message: 'Not a JSON Schema' },
    ]);
    expect(byStep.get('a')).toHaveLength(2);
    expect(general).toEqual([{ field: 'input', message: 'Not a JSON Schema' }]);
  });
});

describe('autoLayout', () => {
  it('puts each step one row below its deepest dependency', () => {
    const positions = autoLayout(chain.steps);
    expect(positions.a?.y).toBe(0);
    expect(positions.b?.y).toBe(150);
    expect(positions.c?.y).toBe(150);
    expect(positions.b?.x).not.toBe(positions.c?.x);
  });

  it('terminates on a cycle being edited', () => {
    const positions = autoLayout([
      { id: 'x', type: 'delay', ms: 1, dependsOn: ['y'] },
      { id: 'y', type: 'delay', ms: 1, dependsOn: ['x'] },
    ]);
    expect(Object.keys(positions).sort()).toEqual(['x', 'y']);
  });
});
