import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate-definition.ts';

const AGENT = '11111111-1111-4111-8111-111111111111';
const FLOW = '22222222-2222-4222-8222-222222222222';
const resolvers = {
  resolveAgent: async (id: string) => id === AGENT,
  resolveWorkflow: async (id: string) => id === FLOW,
  workflowId: '33333333-3333-4333-8333-333333333333',
};
const errorsOf = async (def: unknown) => {
  const r = await validateDefinition(def, resolvers);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};
const llm = (id: string, prompt: string, dependsOn?: string[]) => ({ id, type: 'llm', prompt, dependsOn });

describe('validateDefinition', () => {
  it('accepts a definition using every reference kind and returns it typed', async () => {
    const def = {
      input: { type: 'object', properties: { topic: { type: 'string' } } },
      steps: [
        llm('research', 'About {{ input.topic }}'),
        {
          id: 'check',
          type: 'condition',
          if: 'steps.research.output.length > 3',
          dependsOn: ['research'],
          // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
          then: ['write'],
          else: ['fallback'],
        },
        {
          id: 'write',
          type: 'agent',
          agentId: AGENT,
          prompt: 'Use {{ steps.research.output }}',
          onError: { fallback: 'fallback' },
        },
        llm('fallback', 'Short on {{ input.topic }}'),
        {
          id: 'each',
          type: 'map',
          items: '{{ steps.research.output.list }}',
          dependsOn: ['research'],
          step: { type: 'llm', prompt: '{{ index }}: {{ item.title }} {{ steps.research.status }}' },
        },
        {
          id: 'sub',
          type: 'workflow',
          workflowId: FLOW,
          input: { text: '{{ steps.write.output }}' },
          dependsOn: ['write'],
        },
      ],
      output: { post: '{{ steps.write.output }}', each: '{{ steps.each.output }}' },
    };
    const r = await validateDefinition(def, resolvers);
    expect(r).toEqual({ ok: true, definition: def });
  });

  it('names step and field of a schema error, "Required" for a missing field', async () => {
    const errors = await errorsOf({ steps: [{ id: 'fetch', type: 'http', method: 'GET' }] });
    expect(errors).toEqual([{ step: 'fetch', field: 'url', message: 'Required' }]);
  });

  it('refuses bad shapes: no steps, non-object step, unknown type, unknown field, bad id, duplicates', async () => {
    expect(await errorsOf({ steps: [] })).toEqual([
      { step: null, field: 'steps', message: 'At least one step' },
    ]);
    expect(await errorsOf('nope')).toHaveLength(1);
    const errors = await errorsOf({
      steps: [
        42,
        { id: 'a', type: 'teleport' },
        { id: 'b', type: 'delay', ms: 5, colour: 'red' },
        { id: 'bad id!', type: 'delay', ms: 1 },
        { id: 'b', type: 'delay', ms: -1 },
        { id: 'e', type: 'ensemble', models: ['local'], prompt: 'x' },
        { id: 'm', type: 'map', items: '{{ input.x }}', step: { type: 'map', items: 'x', step: {} } },
      ],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { step: 'steps[0]', field: '', message: 'A step must be an object' },
        { step: 'a', field: 'type', message: expect.stringContaining('Unknown step type "teleport"') },
        { step: 'b', field: 'colour', message: 'Unknown field colour' },
        { step: 'bad id!', field: 'id', message: expect.stringContaining('Letters, digits') },
        { step: 'b', field: 'id', message: 'Duplicate step id "b"' },
        { step: 'b', field: 'ms', message: expect.any(String) },
        { step: 'e', field: 'models', message: 'At least two models' },
        { step: 'm', field: 'step.type', message: expect.any(String) },
      ]),
    );
  });

  it('refuses dangling dependsOn, then, else and fallback references', async () => {
    const errors = await errorsOf({
      steps: [
        llm('a', 'x', ['ghost']),
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        { id: 'c', type: 'condition', if: 'true', then: ['nope'], else: ['a', 'nope2'] },
        { id: 'd', type: 'delay', ms: 1, onError: { fallback: 'missing' } },
      ],
    });
    expect(errors).toEqual([
      { step: 'a', field: 'dependsOn', message: 'Unknown step "ghost"' },
      { step: 'c', field: 'then', message: 'Unknown step "nope"' },
      { step: 'c', field: 'else', message: 'Unknown step "nope2"' },
      { step: 'd', field: 'onError.fallback', message: 'Unknown step "missing"' },
    ]);
  });

  it('refuses a step gated by two conditions or the fallback of two steps', async () => {
    const errors = await errorsOf({
      steps: [
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        { id: 'c1', type: 'condition', if: 'true', then: ['x', 'x'] },
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        { id: 'c2', type: 'condition', if: 'false', then: [], else: ['x'] },
        { ...llm('a', 'a'), onError: { fallback: 'rescue' } },
        { ...llm('b', 'b'), onError: { fallback: 'rescue' } },
        llm('rescue', 'r'),
        llm('x', 'x'),
      ],
    });
    expect(errors).toEqual([
      { step: 'c2', field: 'else', message: 'Step "x" is already gated by condition "c1"' },
      { step: 'b', field: 'onError.fallback', message: 'Step "rescue" is already the fallback of "a"' },
    ]);
  });

  it('checks templates in every rendered field, not code, schemas or branch lists', async () => {
    const errors = await errorsOf({
      steps: [
        {
          id: 'h',
          type: 'http',
          method: 'POST',
          url: 'https://x.test/{{ steps.late.output }}',
          headers: { Authorization: 'Bearer {{ input.token }}' },
          body: { items: ['{{ steps.late.status }}'] },
          name: '{{ steps.late.output }}',
        },
        { id: 'late', type: 'llm', prompt: 'p', responseSchema: { description: '{{ steps.nothing }}' } },
      ],
    });
    expect(errors.map((e) => e.field)).toEqual(['name', 'url', 'body.items.0']);
  });

  it('names the steps of a cycle, across dependsOn, condition and fallback edges', async () => {
    const plain = await errorsOf({
      steps: [llm('a', 'x', ['c']), llm('b', 'x', ['a']), llm('c', 'x', ['b'])],
    });
    expect(plain).toEqual([{ step: 'a', field: 'dependsOn', message: 'Cycle: a → b → c → a' }]);
    const self = await errorsOf({ steps: [llm('a', 'x', ['a'])] });
    expect(self[0]?.message).toBe('Cycle: a → a');
    const mixed = await errorsOf({
      steps: [
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        { id: 'cond', type: 'condition', if: 'true', then: ['work'], dependsOn: ['rescue'] },
        { ...llm('work', 'x'), onError: { fallback: 'rescue' } },
        llm('rescue', 'x'),
      ],
    });
    expect(mixed[0]?.message).toMatch(
      /^Cycle: (cond → work → rescue → cond|work → rescue → cond → work|rescue → cond → work → rescue)$/,
    );
    // after waits for work's fallback when work fails; a fallback waiting for after would wait forever.
    const waitsOnDependent = await errorsOf({
      steps: [
        { ...llm('work', 'x'), onError: { fallback: 'rescue' } },
        llm('after', 'x', ['work']),
        llm('rescue', 'x', ['after']),
      ],
    });
    expect(waitsOnDependent[0]?.message).toMatch(/^Cycle: (after → rescue → after|rescue → after → rescue)$/);
    // A fallback may depend on other steps (it then waits for them).
    const ok = await validateDefinition(
      {
        steps: [
          llm('prep', 'x'),
          { ...llm('work', 'x'), onError: { fallback: 'rescue' } },
          llm('rescue', '{{ steps.prep.output }}', ['prep']),
          llm('after', 'x', ['work']),
        ],
      },
      resolvers,
    );
    expect(ok.ok).toBe(true);
  });

  it('lets templates and code read only transitive dependencies', async () => {
    const errors = await errorsOf({
      input: { type: 'object', properties: { topic: {} } },
      steps: [
        llm('a', '{{ input.topic }}'),
        llm('b', '{{ steps.a.output }}', ['a']),
        llm('c', '{{ steps.a.output }} {{ steps.b.output }}', ['b']),
        llm('d', '{{ steps.c.output }}'),
        llm(
          'e',
          '{{ steps.zzz.output }} {{ input.topc }} {{ item }} {{ process.env }} {{ steps.a.secret }} {{ a..b }}',
          ['a'],
        ),
        { id: 't', type: 'transform', code: "return steps.b.output + steps['c'].output", dependsOn: ['b'] },
      ],
      output: '{{ steps.nothing.output }}',
    });
    expect(errors).toEqual([
      { step: 'd', field: 'prompt', message: 'Step "c" is not a dependency of "d"; add it to dependsOn' },
      { step: 'e', field: 'prompt', message: expect.stringContaining('Invalid template path "a..b"') },
      { step: 't', field: 'code', message: 'Step "c" is not a dependency of "t"; add it to dependsOn' },
      { step: null, field: 'output', message: 'Unknown step "nothing"' },
    ]);
    const again = await errorsOf({
      input: { type: 'object', properties: { topic: {} } },
      steps: [
        llm('a', 'x'),
        llm(
          'e',
          '{{ steps.zzz.output }} {{ input.topc }} {{ item }} {{ process.env }} {{ steps.a.secret }}',
          ['a'],
        ),
      ],
    });
    expect(again.map((e) => e.message)).toEqual([
      'Unknown step "zzz"',
      '"input.topc": input has no property "topc"',
      '"item": item exists only inside a map\'s step',
      '"process.env": a template reads input, steps, item or index',
      '"steps.a.secret": a step has only output and status',
    ]);
  });

  it('checks pinned agents and sub-workflows in the organization, and refuses self-recursion', async () => {
    const errors = await errorsOf({
      steps: [
        { id: 'a', type: 'agent', agentId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', prompt: 'x' },
        { id: 'w', type: 'workflow', workflowId: 'nope' },
        { id: 's', type: 'workflow', workflowId: resolvers.workflowId },
        {
          id: 'm',
          type: 'map',
          items: '{{ input.list }}',
          step: { type: 'agent', agentId: 'gone', prompt: '{{ item }}' },
        },
      ],
    });
    expect(errors).toEqual([
      { step: 'a', field: 'agentId', message: 'Unknown agent "ffffffff-ffff-4fff-8fff-ffffffffffff"' },
      { step: 'w', field: 'workflowId', message: 'Unknown workflow "nope"' },
      { step: 's', field: 'workflowId', message: 'A workflow cannot run itself' },
      { step: 'm', field: 'step.agentId', message: 'Unknown agent "gone"' },
    ]);
  });
});
